import type { ChannelId } from './channel-id.js';
import type { ChannelReason } from './channel-reason.js';

/** One ranked channel with the reason it suits the person. */
export interface ChannelRecommendation {
  /** 1 = best. */
  readonly rank: number;
  readonly channel: ChannelId;
  readonly reason: ChannelReason;
  /** Mini-program hosts the person uses (`miniProgram` only); else empty. */
  readonly platforms: readonly ('wechat' | 'alipay')[];
  /** Needs someone else (relative, staff) to act. */
  readonly needsHelper: boolean;
  readonly 'zh-CN': string;
  readonly en: string;
}
