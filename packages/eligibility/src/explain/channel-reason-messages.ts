import type { ChannelReason } from '../channels/channel-reason.js';
import type { LocalizedText } from './localized-text.js';

/** zh-CN and en text for every {@link ChannelReason} (a missing key fails type-checking). */
export const CHANNEL_REASON_MESSAGES = Object.freeze({
  ownPhoneApp: {
    'zh-CN': '用自己的手机在“掌上12333”或本省人社App上刷脸认证，随时可办。',
    en: 'Certify yourself any time with a face check in the 掌上12333 app or your provincial app.',
  },
  miniProgramOnPhone: {
    'zh-CN': '在微信或支付宝的城市服务、电子社保卡小程序里刷脸认证。',
    en: 'Certify with a face check in the WeChat or Alipay city-service / e-social-security-card mini program.',
  },
  eSocialSecurityCardOnPhone: {
    'zh-CN': '通过电子社保卡进入资格认证，刷脸完成。',
    en: 'Open certification from your electronic social security card and complete the face check.',
  },
  relativeProxy: {
    'zh-CN': '请子女或亲属用他们的手机开通“亲情服务”，绑定您后为您刷脸认证，结果算您本人的。',
    en: 'A relative can bind you under 亲情服务 (family service) on their phone and run your face check; it counts as yours.',
  },
  homeVisitImmobile: {
    'zh-CN': '行动不便可申请上门认证，请家人联系社区或社保经办机构。',
    en: 'If you cannot get about, ask the community centre or social insurance office for a home visit.',
  },
  homeVisitHospitalised: {
    'zh-CN': '住院期间可申请工作人员上门（到医院）认证，请家人联系社保经办机构。',
    en: 'While in hospital, staff can certify you on site; ask a family member to contact the social insurance office.',
  },
  communityNearby: {
    'zh-CN': '到附近的社区（村）服务中心，工作人员协助认证。',
    en: 'Staff at your community or village service centre can help you certify.',
  },
  windowInPerson: {
    'zh-CN': '带身份证到社保经办机构窗口办理。',
    en: 'Bring your ID card to a social insurance office window.',
  },
  terminalInPerson: {
    'zh-CN': '在社保或政务自助终端上刷脸认证。',
    en: 'Use a face check on a social insurance or government self-service terminal.',
  },
  crossRegionAssistance: {
    'zh-CN': '在现居住地的社保经办机构可以协助异地认证，不必回参保地。',
    en: 'The social insurance office where you now live can certify you for your home region; no return trip needed.',
  },
  consularAppAbroad: {
    'zh-CN': '在境外可用“中国领事”App刷脸认证，审核一般不超过10个工作日。',
    en: 'Abroad, certify with a face check in the 中国领事 (China Consular) app; review takes up to 10 working days.',
  },
  consularPaperAbroad: {
    'zh-CN': '也可到中国驻外使领馆免费办理《在境外居住人员领取养老金资格审核表》。',
    en: 'Or obtain the proof-of-life form free of charge at a Chinese embassy or consulate.',
  },
  hongKongMacaoOrganisations: {
    'zh-CN': '在港澳可到工会联合会或民政事务总署（澳门也可到社会保障基金）办理生存证明。',
    en: 'In Hong Kong or Macao, proof of life is issued by the Federation of Trade Unions or the Civic and Municipal Affairs Bureau (Macao also the Social Security Fund).',
  },
  taiwanNotary: {
    'zh-CN': '在台湾可通过当地公证机构办理生存证明。',
    en: 'In Taiwan, proof of life is made through a local notary.',
  },
  manualReviewAfterFailedChecks: {
    'zh-CN': '刷脸多次未通过时可申请人工审核，或到窗口、社区办理。',
    en: 'After repeated failed face checks, ask for manual review, or go to a window or community centre.',
  },
} satisfies Record<ChannelReason, LocalizedText>);
