// Re-exports only: importing this module defines no element (import './define.js' for that).
export { VERSION } from './version.js';
export { HuotiLiveness, type VoiceMode } from './liveness/huoti-liveness.component.js';
export type {
  HuotiCompleteDetail,
  HuotiDeclinedDetail,
  HuotiErrorDetail,
  HuotiHintDetail,
  HuotiLivenessEventMap,
  HuotiProgressDetail,
  HuotiStepDetail,
} from './liveness/huoti-liveness.events.js';
export {
  FAILURE_REASONS,
  HINT_CODES,
  type CertificationDriver,
  type CertificationDriverEvent,
  type CertificationDriverInput,
  type CertificationResult,
  type FailureReason,
  type HintCode,
} from './driver/certification-driver.js';
export { HUOTI_ELEMENT_ERROR_CODES, HuotiElementError, type HuotiElementErrorCode } from './errors/huoti-element-error.js';
export {
  FLOW_STATE_NAMES,
  INITIAL_FLOW_STATE,
  transition,
  type FlowErrorCode,
  type FlowEvent,
  type FlowState,
  type FlowStateName,
} from './flow/certification-flow.js';
export type { HuotiPacing, HuotiPlanProvider, HuotiPlanRequest } from './flow/plan-request.js';
export { microphoneErrorCode } from './microphone/microphone-error.js';
export { CameraController, type CameraControllerOptions, type CameraDevice, type CameraRequest } from './camera/camera-controller.js';
export { CAMERA_DEVICE_STORAGE_KEY, CameraPreferenceStore, type PreferenceStorage } from './camera/camera-preference-store.js';
export { DEFAULT_ELEMENT_TIMING, ELDERLY_ELEMENT_TIMING, type ElementTiming } from './config/element-timing.js';
export type { HuotiLang, HuotiStrings, HuotiStringsOverride, OfflineChannelStrings, PermissionHelpBrowser } from './i18n/huoti-strings.js';
export { zhCN } from './i18n/zh-cn.js';
export { en } from './i18n/en.js';
export { HUOTI_STRINGS, normalizeLang, resolveStrings } from './i18n/resolve-strings.js';
export { LivenessDriver, GUARD_HINT_TO_HINT_CODE, CHALLENGE_FAILURE_TO_FAILURE_REASON, type LivenessDriverOptions } from './driver/liveness-driver.js';
