/** Evidence level of a source (rules document, section 12). */
export type SourceEvidence = 'national' | 'provincial' | 'local' | 'unconfirmed' | 'seed' | 'engineering';

/** One source of the rules document. */
export interface RuleSource {
  readonly title: string;
  readonly evidence: SourceEvidence;
}

/**
 * The sources of `certification-rules.md` §12 that profiles and explanations cite by id. `ENG` marks an
 * engineering convention with no public source.
 */
export const RULE_SOURCES: Readonly<Record<string, RuleSource>> = Object.freeze({
  S1: { title: 'Seed: 新社通 guide 2025-10-31 (15-day grace)', evidence: 'seed' },
  S2: { title: 'Seed: 社保网 2025-05-01 (亲情服务; "after the 15th" delay)', evidence: 'seed' },
  S3: { title: 'MOHRSS rumour rebuttal, Jan 2023', evidence: 'national' },
  S5: { title: '粤人社规〔2023〕4号 (广东省人社厅)', evidence: 'provincial' },
  S6: { title: '湛江市社会保险基金管理局 办事指南 2023-12-04', evidence: 'provincial' },
  S7: { title: '广州人社 2024 notice on 粤人社规〔2023〕4号', evidence: 'provincial' },
  S8: { title: '湖南 2025-04-17 notice (13 months)', evidence: 'provincial' },
  S9: { title: '山西 local notice (认证当月就算一个月)', evidence: 'local' },
  S10: { title: '豫社保〔2020〕22号; 河南省社会保险待遇资格认证指南', evidence: 'provincial' },
  S11: { title: '福建省人社厅 FAQ 2023-11-29', evidence: 'provincial' },
  S12: { title: '吉林省社保局 温馨告知', evidence: 'provincial' },
  S13: { title: 'Aggregator: 恩平 15th, 信阳 25th', evidence: 'unconfirmed' },
  S14: { title: '城乡居保 rule text (secondary reproduction)', evidence: 'unconfirmed' },
  S16: { title: '《社会保险经办条例》 (State Council)', evidence: 'national' },
  S17: { title: '《社会保险法》 arts. 17, 88', evidence: 'national' },
  S18: { title: '国发〔2014〕8号 (State Council)', evidence: 'national' },
  S19: { title: '人社部发〔2021〕18号 企业职工基本养老保险遗属待遇暂行办法', evidence: 'national' },
  S22: { title: '劳社厅函〔2001〕44号, 劳社厅函〔2003〕315号', evidence: 'national' },
  S23: { title: '服刑期满后的次月 (城乡居保 reproduction; 北京新农保)', evidence: 'local' },
  S24: { title: '中国领事 APP: 驻大阪总领馆', evidence: 'national' },
  S25: { title: '驻帕皮提总领馆 (every half year)', evidence: 'local' },
  S27: { title: 'Local notice implementing 54号 (birthday month)', evidence: 'local' },
  S28: { title: '宜宾市社会保险局 2018 通告', evidence: 'local' },
  S29: { title: '河北 2022 local notice (windows)', evidence: 'local' },
  S30: { title: 'County government page 2024-12-04 (8 relatives)', evidence: 'local' },
  S31: { title: 'Aggregator (10 slots: 4/3/1/2)', evidence: 'unconfirmed' },
  S32: { title: '人社厅函〔2010〕159号', evidence: 'national' },
  S33: { title: '济宁 guide (helper phone ≠ elder phone)', evidence: 'local' },
  S34: { title: '甘肃省社会保险事业中心 2023 (180 → 365 days)', evidence: 'provincial' },
  S35: { title: '人社厅发〔2018〕54号', evidence: 'national' },
  S37: { title: '国办发〔2018〕81号 港澳台居民居住证申领发放办法', evidence: 'national' },
  S38: { title: 'GB 11643-1999 公民身份号码', evidence: 'national' },
  S39: { title: '国家移民管理局 2023 foreign permanent resident ID rules', evidence: 'national' },
  S42: { title: '莆田 guide', evidence: 'local' },
  S44: { title: '青岛 (3-month 警示期)', evidence: 'local' },
  ENG: { title: 'Engineering convention of certification-rules.md (no public source)', evidence: 'engineering' },
});
