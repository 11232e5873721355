import type { SurvivorBenefit } from '../evaluate/certification-evaluation.js';
import type { ExplanationMessageTable } from './explanation-key.js';

const date = (iso: string): string => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
const month = (ym: string): string => `${Number(ym.slice(0, 4))}年${Number(ym.slice(5, 7))}月`;
const months = (list: readonly string[]): string => list.map(month).join('、');
const BENEFITS: Record<SurvivorBenefit, string> = { funeralGrant: '丧葬补助金', survivorLumpSum: '抚恤金', personalAccountBalance: '个人账户余额' };

/** zh-CN explanation sentences. */
export const MESSAGES_ZH_CN = Object.freeze({
  firstCycle: (p) => `尚未认证过：首个认证周期从开始领取待遇时算起，请在${date(p.due)}前完成认证。`,
  active: (p) => `认证有效（最近一次认证${date(p.last)}），下次请在${date(p.due)}前认证。`,
  inGrace: (p) => `已过认证期限${date(p.due)}，但仍在宽限期内，请在${date(p.graceEnd)}前认证，待遇不受影响。`,
  overdue: (p) => `已超过认证期限${date(p.due)}。如不尽快认证，将从${month(p.month)}起暂停发放待遇。`,
  suspendedLapse: (p) => `因未在${date(p.due)}前认证，待遇从${month(p.month)}起暂停发放。认证通过后恢复发放，并补发暂停期间的待遇。`,
  suspendedImprisonment: (p) => `服刑期间待遇从${month(p.month)}起暂停发放，刑满释放后次月恢复，服刑期间的待遇不予补发。`,
  lapseEpisode: (p) => `曾于${month(p.from)}起暂停发放，${month(p.resume)}恢复发放${p.backPay.length > 0 ? `，补发${months(p.backPay)}` : ''}。`,
  imprisonmentEpisode: (p) => `服刑期间（${month(p.from)}起）停发的待遇不予补发${p.resume === null ? '' : `，${month(p.resume)}起恢复发放`}。`,
  detentionEpisode: (p) => `羁押期间（${month(p.from)}起）暂停的待遇${p.backPay.length > 0 ? `予以补发（${months(p.backPay)}）` : '在宣告无罪后补发'}${p.resume === null ? '' : `，${month(p.resume)}起恢复发放`}。`,
  terminated: (p) => `待遇发放至死亡当月（${month(p.lastMonth)}），从${month(p.from)}起停止发放。`,
  overpaid: (p) => `死亡后多发的待遇（${months(p.months)}）需要退还。`,
  survivorBenefits: (p) => `家属可申领：${p.benefits.map((b) => BENEFITS[b]).join('、')}。`,
  openSuspensionAtDeath: (p) => `死亡前待遇已从${month(p.from)}起暂停，暂停期间的待遇不自动补发，需经办人员人工审核。`,
  fraudSuspected: (p) => `死亡日期之后仍有认证记录（${p.dates.map(date).join('、')}），已忽略并提示核查。`,
  noAnnualAdjustment: () => '缓刑、假释或监外执行期间照常领取待遇，但不参加当年的待遇调整。',
  free: () => '资格认证完全免费。',
  noLinks: () => '不要点击来源不明的认证链接，不要给任何人转账或交“手续费”。',
  hotline: () => '有疑问请拨打12333咨询。',
} satisfies ExplanationMessageTable);
