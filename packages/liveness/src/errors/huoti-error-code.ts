/**
 * Stable error codes of `@huoti/liveness`. Codes are API: add, never rename.
 */
export type HuotiErrorCode =
  | 'WORKER_START_FAILED'
  | 'WORKER_CRASHED'
  | 'WORKER_TERMINATED'
  | 'ASSET_LOAD_FAILED'
  | 'BACKEND_UNAVAILABLE'
  | 'DISPOSED'
  | 'INVALID_INPUT'
  | 'ABORTED'
  | 'REFERENCE_NO_FACE'
  | 'REFERENCE_MULTIPLE_FACES'
  | 'REFERENCE_FACE_TOO_SMALL'
  /** The browser kept an AudioContext suspended (autoplay policy: no user gesture); a tap can resume it. */
  | 'AUDIO_SUSPENDED';
