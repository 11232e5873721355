import { CHANNEL_REASON_MESSAGES } from '../explain/channel-reason-messages.js';
import type { ChannelFacts } from './channel-facts.js';
import { CHANNEL_IDS, type ChannelId } from './channel-id.js';
import type { ChannelReason } from './channel-reason.js';
import type { ChannelRecommendation } from './channel-recommendation.js';

/** Options of {@link recommendChannels}. */
export interface RecommendChannelsOptions {
  /** Channels offered where the benefit is paid (a profile's `channels`); default all. */
  readonly channels?: readonly ChannelId[];
}

interface Candidate {
  readonly channel: ChannelId;
  readonly reason: ChannelReason;
  readonly needsHelper: boolean;
  readonly platforms?: readonly ('wechat' | 'alipay')[];
}

/**
 * Ranks certification channels for a person, best first, each with its reason in zh-CN and en.
 * Self-service on the person's own phone comes first when they can use it; then 亲情服务 by a relative;
 * home visits for the immobile or hospitalised; in-person channels near home; consular routes abroad.
 * Silent data comparison needs no action and is never listed. Pure: same facts, same ranking.
 */
export function recommendChannels(person: ChannelFacts, options: RecommendChannelsOptions = {}): ChannelRecommendation[] {
  const offered = new Set(options.channels ?? CHANNEL_IDS);
  const hasPhone = person.hasSmartphone === true;
  const usesPhoneAlone = hasPhone && (person.canUseSmartphoneAlone ?? true);
  const mobility = person.mobility ?? 'independent';
  const hospitalised = person.hospitalised === true;
  const relative = person.relativeAvailable === true;
  const candidates: Candidate[] = [];
  const add = (candidate: Candidate): void => {
    if (offered.has(candidate.channel) && !candidates.some((c) => c.channel === candidate.channel)) candidates.push(candidate);
  };

  if (person.faceCheckFailed === true) add({ channel: 'manualReview', reason: 'manualReviewAfterFailedChecks', needsHelper: true });

  if (person.livingAbroad === true) {
    if (usesPhoneAlone) add({ channel: 'consularApp', reason: 'consularAppAbroad', needsHelper: false });
    if (relative && hasPhone) add({ channel: 'consularApp', reason: 'consularAppAbroad', needsHelper: true });
    const paperReason: ChannelReason =
      person.abroadRegion === 'hongKongMacao' ? 'hongKongMacaoOrganisations' : person.abroadRegion === 'taiwan' ? 'taiwanNotary' : 'consularPaperAbroad';
    add({ channel: 'consularPaper', reason: paperReason, needsHelper: false });
    return rank(candidates);
  }

  const platforms: ('wechat' | 'alipay')[] = [];
  if (person.usesWeChat === true) platforms.push('wechat');
  if (person.usesAlipay === true) platforms.push('alipay');
  if (usesPhoneAlone) {
    add({ channel: 'app', reason: 'ownPhoneApp', needsHelper: false });
    if (platforms.length > 0) add({ channel: 'miniProgram', reason: 'miniProgramOnPhone', needsHelper: false, platforms });
    add({ channel: 'eSocialSecurityCard', reason: 'eSocialSecurityCardOnPhone', needsHelper: false });
  }
  if (relative) add({ channel: 'proxy', reason: 'relativeProxy', needsHelper: true });
  if (mobility === 'immobile') add({ channel: 'homeVisit', reason: 'homeVisitImmobile', needsHelper: true });
  if (hospitalised) add({ channel: 'homeVisit', reason: 'homeVisitHospitalised', needsHelper: true });
  if (!hospitalised && mobility !== 'immobile') {
    if (person.livingElsewhere === true) {
      add({ channel: 'window', reason: 'crossRegionAssistance', needsHelper: false });
    } else {
      add({ channel: 'community', reason: 'communityNearby', needsHelper: false });
      if (mobility === 'independent') {
        add({ channel: 'selfServiceTerminal', reason: 'terminalInPerson', needsHelper: false });
        add({ channel: 'window', reason: 'windowInPerson', needsHelper: false });
      }
    }
  }
  // Nobody can come and nobody can help: a home visit is the fallback the bureau owes (rules §6, §7).
  if (candidates.length === 0 || (!usesPhoneAlone && !relative && mobility !== 'independent')) {
    add({ channel: 'homeVisit', reason: hospitalised ? 'homeVisitHospitalised' : 'homeVisitImmobile', needsHelper: true });
  }
  return rank(candidates);
}

function rank(candidates: readonly Candidate[]): ChannelRecommendation[] {
  return candidates.map((candidate, index) => {
    const text = CHANNEL_REASON_MESSAGES[candidate.reason];
    return {
      rank: index + 1,
      channel: candidate.channel,
      reason: candidate.reason,
      platforms: candidate.platforms ?? [],
      needsHelper: candidate.needsHelper,
      'zh-CN': text['zh-CN'],
      en: text.en,
    };
  });
}
