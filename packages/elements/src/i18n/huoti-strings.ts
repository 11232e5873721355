import type { ChallengeStepKind } from '@huoti/liveness/protocol';
import type { FailureReason, HintCode } from '../driver/certification-driver.js';
import type { HuotiElementErrorCode } from '../errors/huoti-element-error.js';

/** Languages the element ships. */
export type HuotiLang = 'zh-CN' | 'en';

/** Browsers and in-app webviews with their own way to re-enable the camera. */
export type PermissionHelpBrowser = 'chromeAndroid' | 'safariIos' | 'wechat' | 'alipay' | 'desktop';

/** Offline channels offered when someone declines face processing or keeps failing. */
export interface OfflineChannelStrings {
  readonly bureau: string;
  readonly community: string;
  readonly homeVisit: string;
}

/**
 * Every piece of text `<huoti-liveness>` shows or speaks. Tables are typed
 * `satisfies HuotiStrings`, so a missing key fails the type-check.
 */
export interface HuotiStrings {
  /** Accessible name of the whole region. */
  readonly regionLabel: string;

  readonly introHeading: string;
  /** What will happen, one item per line. */
  readonly introSteps: readonly string[];
  readonly introHelperNote: string;
  readonly freeOfCharge: string;
  readonly antiFraud: string;
  readonly hotline: string;
  readonly startButton: string;

  readonly consentHeading: string;
  readonly consentSensitive: string;
  readonly consentPurpose: string;
  readonly consentRetention: string;
  readonly consentAlternative: string;
  readonly consentAccept: string;
  readonly consentDecline: string;

  readonly declinedHeading: string;
  readonly declinedIntro: string;
  readonly offlineChannels: OfflineChannelStrings;
  readonly backButton: string;

  readonly cameraHeading: string;
  readonly cameraRequesting: string;
  readonly cameraSelectLabel: string;
  /** Label of an unnamed camera in the list; `n` counts from 1. */
  readonly cameraOption: (n: number) => string;

  readonly framingHeading: string;
  readonly framingPrompt: string;
  readonly framingPromptHelper: string;
  readonly helperReminder: string;
  readonly videoLabel: string;
  readonly preparing: string;
  /** Model download, `percent` 0–100 or `null` when the size is unknown. */
  readonly loadingModels: (percent: number | null) => string;
  readonly hints: Readonly<Record<HintCode, string>>;
  /** The same hints, addressed to a relative holding the phone (亲情服务). */
  readonly helperHints: Readonly<Record<HintCode, string>>;

  /** "Step 1 of 3"; `index` counts from 1. */
  readonly stepProgress: (index: number, total: number) => string;
  readonly stepPrompts: Readonly<Record<ChallengeStepKind, string>>;
  readonly helperStepPrompts: Readonly<Record<ChallengeStepKind, string>>;
  readonly digitsLabel: string;
  readonly repeatButton: string;

  readonly passedHeading: string;
  readonly passedBody: string;
  readonly failedHeading: string;
  /** Each ends with the 12333 hotline hint. */
  readonly failureReasons: Readonly<Record<FailureReason, string>>;
  readonly retryButton: string;
  readonly restartButton: string;

  readonly errorHeading: string;
  /** Each ends with the 12333 hotline hint. */
  readonly errors: Readonly<Record<HuotiElementErrorCode, string>>;
  /** Appended to an engine error's own localized text. */
  readonly hotlineHint: string;
  readonly permissionHelpHeading: string;
  /** Summary of the disclosure with the other browsers' instructions. */
  readonly permissionHelpOthers: string;
  readonly permissionHelp: Readonly<Record<PermissionHelpBrowser, string>>;
  readonly browserNames: Readonly<Record<PermissionHelpBrowser, string>>;
  readonly offlineHint: string;
}

/** An integrator's override: any top-level string, or any entry of a grouped table. */
export type HuotiStringsOverride = {
  readonly [K in keyof HuotiStrings]?: HuotiStrings[K] extends string | readonly string[] | ((...args: never[]) => string)
    ? HuotiStrings[K]
    : Partial<HuotiStrings[K]>;
};
