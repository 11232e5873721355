import { HuotiElementError, type HuotiElementErrorCode } from '../errors/huoti-element-error.js';

/**
 * `getUserMedia({ audio })` rejections by `DOMException` name (and the old Chrome names). An
 * `OverconstrainedError` for audio means the microphone asked for is not there.
 */
const MICROPHONE_ERROR_CODES_BY_NAME: Readonly<Record<string, HuotiElementErrorCode>> = Object.freeze({
  NotAllowedError: 'MICROPHONE_DENIED',
  PermissionDeniedError: 'MICROPHONE_DENIED',
  SecurityError: 'MICROPHONE_DENIED',
  NotFoundError: 'MICROPHONE_NOT_FOUND',
  DevicesNotFoundError: 'MICROPHONE_NOT_FOUND',
  OverconstrainedError: 'MICROPHONE_NOT_FOUND',
  ConstraintNotSatisfiedError: 'MICROPHONE_NOT_FOUND',
  TypeError: 'MICROPHONE_NOT_FOUND',
  NotReadableError: 'MICROPHONE_BUSY',
  TrackStartError: 'MICROPHONE_BUSY',
  AbortError: 'MICROPHONE_BUSY',
});

/** Maps a `getUserMedia({ audio })` rejection to a stable code; an unknown failure reads as busy hardware. */
export function microphoneErrorCode(error: unknown): HuotiElementErrorCode {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  return MICROPHONE_ERROR_CODES_BY_NAME[name] ?? 'MICROPHONE_BUSY';
}

/** The element error for a microphone that could not be opened, with the browser's error as `cause`. */
export function microphoneError(error: unknown): HuotiElementError {
  return new HuotiElementError(microphoneErrorCode(error), `the microphone for reading digits aloud could not be opened: ${String(error)}`, { cause: error });
}
