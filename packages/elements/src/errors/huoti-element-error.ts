/**
 * Stable error codes of `@huoti/elements`. Codes are API: add, never rename.
 *
 * - `CAMERA_DENIED`: the person (or a browser/app setting) refused camera permission.
 * - `CAMERA_NOT_FOUND`: no camera on this device.
 * - `CAMERA_BUSY`: the camera is used by another app or tab, or the hardware failed to start.
 * - `CAMERA_OVERCONSTRAINED`: the requested camera (`camera="<deviceId>"`) does not exist.
 * - `CAMERA_DISCONNECTED`: the camera stopped mid-run (unplugged, taken by another app).
 * - `CAMERA_UNSUPPORTED`: no `getUserMedia` here (old webview, or not HTTPS).
 * - `MICROPHONE_DENIED`: the person (or a browser/app setting, or the page's `Permissions-Policy`)
 *   refused the microphone that a read-digits step needs.
 * - `MICROPHONE_NOT_FOUND`: no microphone on this device (or not the one asked for).
 * - `MICROPHONE_BUSY`: the microphone is used by another app, or the hardware failed to start.
 * - `AUDIO_BLOCKED`: the browser kept sound capture paused (autoplay policy: no recent tap); a tap
 *   on "try again" starts it.
 * - `ENGINE_UNAVAILABLE`: the element cannot hand frames to its certification driver (its camera
 *   preview is not rendered).
 * - `ENGINE_FAILED`: the certification driver failed; `cause` holds its error.
 * - `PLAN_INVALID`: the `plan` attribute is not a valid challenge plan.
 * - `PLAN_EXPIRED`: the plan's `expiresAt` has passed; refused before the camera starts.
 * - `PLAN_UNAVAILABLE`: the `planProvider` failed (network, server error); `cause` holds its error.
 */
export type HuotiElementErrorCode =
  | 'CAMERA_DENIED'
  | 'CAMERA_NOT_FOUND'
  | 'CAMERA_BUSY'
  | 'CAMERA_OVERCONSTRAINED'
  | 'CAMERA_DISCONNECTED'
  | 'CAMERA_UNSUPPORTED'
  | 'MICROPHONE_DENIED'
  | 'MICROPHONE_NOT_FOUND'
  | 'MICROPHONE_BUSY'
  | 'AUDIO_BLOCKED'
  | 'ENGINE_UNAVAILABLE'
  | 'ENGINE_FAILED'
  | 'PLAN_INVALID'
  | 'PLAN_EXPIRED'
  | 'PLAN_UNAVAILABLE';

/** Every element error code, in a fixed order (for tables and tests). */
export const HUOTI_ELEMENT_ERROR_CODES: readonly HuotiElementErrorCode[] = Object.freeze([
  'CAMERA_DENIED',
  'CAMERA_NOT_FOUND',
  'CAMERA_BUSY',
  'CAMERA_OVERCONSTRAINED',
  'CAMERA_DISCONNECTED',
  'CAMERA_UNSUPPORTED',
  'MICROPHONE_DENIED',
  'MICROPHONE_NOT_FOUND',
  'MICROPHONE_BUSY',
  'AUDIO_BLOCKED',
  'ENGINE_UNAVAILABLE',
  'ENGINE_FAILED',
  'PLAN_INVALID',
  'PLAN_EXPIRED',
  'PLAN_UNAVAILABLE',
] as const);

/** The one error class of `@huoti/elements`: a stable `code` and a developer-facing `message`. */
export class HuotiElementError extends Error {
  override readonly name = 'HuotiElementError';

  constructor(
    readonly code: HuotiElementErrorCode,
    message: string = code,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
