/**
 * Certification channels (the vectors' `conventions.channels`):
 * `app` (national or provincial app, 掌上12333, 国家社会保险公共服务平台), `miniProgram` (WeChat/Alipay city
 * services), `eSocialSecurityCard` (电子社保卡), `proxy` (亲情服务 on a relative's phone), `window` (bureau
 * window), `community` (community/village service centre), `selfServiceTerminal`, `homeVisit`,
 * `dataComparison` (silent certification), `manualReview` (staff approval after failed face checks),
 * `consularApp` (中国领事 APP) and `consularPaper` (consular or notarised proof of life abroad).
 */
export type ChannelId =
  | 'app'
  | 'miniProgram'
  | 'eSocialSecurityCard'
  | 'proxy'
  | 'window'
  | 'community'
  | 'selfServiceTerminal'
  | 'homeVisit'
  | 'dataComparison'
  | 'manualReview'
  | 'consularApp'
  | 'consularPaper';

/** Every {@link ChannelId}, in the order of the shared vectors' conventions. */
export const CHANNEL_IDS: readonly ChannelId[] = Object.freeze([
  'app',
  'miniProgram',
  'eSocialSecurityCard',
  'proxy',
  'window',
  'community',
  'selfServiceTerminal',
  'homeVisit',
  'dataComparison',
  'manualReview',
  'consularApp',
  'consularPaper',
]);
