import type { ChallengeStepKind } from '@huoti/liveness/protocol';
import type { CertificationResult, HintCode } from '../driver/certification-driver.js';
import type { FlowErrorCode } from '../flow/certification-flow.js';
import type { OfflineChannelStrings } from '../i18n/huoti-strings.js';

/** `huoti-progress`: model download progress. */
export interface HuotiProgressDetail {
  readonly loadedBytes: number;
  /** `null` when the total is unknown. */
  readonly totalBytes: number | null;
}

/** `huoti-step`: a challenge step starts (or its revealed digits change). */
export interface HuotiStepDetail {
  /** 0-based. */
  readonly index: number;
  readonly total: number;
  readonly kind: ChallengeStepKind;
  /** Revealed digits of a `readDigits` step; empty otherwise. */
  readonly digits: readonly number[];
  /** The prompt as shown (localized). */
  readonly prompt: string;
}

/** `huoti-hint`: live guidance shown to the person. */
export interface HuotiHintDetail {
  readonly code: HintCode;
  /** The hint as shown (localized). */
  readonly text: string;
}

/** `huoti-complete`: the run is over; once per run. */
export type HuotiCompleteDetail = CertificationResult;

/** `huoti-error`: the run stopped; the element shows `message` and a retry button. */
export interface HuotiErrorDetail {
  readonly code: FlowErrorCode;
  /** Localized text for people, ending with the 12333 hotline hint. */
  readonly message: string;
  /** The original error, when there is one. */
  readonly cause?: unknown;
}

/** `huoti-declined`: the person declined face processing; the offline channels are shown. */
export interface HuotiDeclinedDetail {
  /** The offline channels shown, localized. */
  readonly channels: OfflineChannelStrings;
}

/** Every event `<huoti-liveness>` dispatches; all bubble and are composed. */
export interface HuotiLivenessEventMap {
  'huoti-ready': CustomEvent<Record<string, never>>;
  'huoti-progress': CustomEvent<HuotiProgressDetail>;
  'huoti-step': CustomEvent<HuotiStepDetail>;
  'huoti-hint': CustomEvent<HuotiHintDetail>;
  'huoti-complete': CustomEvent<HuotiCompleteDetail>;
  'huoti-error': CustomEvent<HuotiErrorDetail>;
  'huoti-declined': CustomEvent<HuotiDeclinedDetail>;
}

declare global {
  // Merged into the DOM's map so `addEventListener('huoti-step', …)` is typed everywhere.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends HuotiLivenessEventMap {}
}
