import { describe, expect, it } from 'vitest';
import { HuotiElementError } from '../src/errors/huoti-element-error.js';
import { microphoneError, microphoneErrorCode } from '../src/microphone/microphone-error.js';

describe('microphoneErrorCode', () => {
  it.each([
    ['NotAllowedError', 'MICROPHONE_DENIED'],
    ['SecurityError', 'MICROPHONE_DENIED'],
    ['PermissionDeniedError', 'MICROPHONE_DENIED'],
    ['NotFoundError', 'MICROPHONE_NOT_FOUND'],
    ['DevicesNotFoundError', 'MICROPHONE_NOT_FOUND'],
    ['OverconstrainedError', 'MICROPHONE_NOT_FOUND'],
    ['TypeError', 'MICROPHONE_NOT_FOUND'],
    ['NotReadableError', 'MICROPHONE_BUSY'],
    ['TrackStartError', 'MICROPHONE_BUSY'],
    ['AbortError', 'MICROPHONE_BUSY'],
    ['SomethingNew', 'MICROPHONE_BUSY'],
  ])('a getUserMedia %s → %s', (name, code) => {
    expect(microphoneErrorCode(new DOMException('from getUserMedia', name))).toBe(code);
  });

  it('never gives a camera code, and keeps the browser error as the cause', () => {
    const cause = new DOMException('Permission denied', 'NotAllowedError');
    const error = microphoneError(cause);
    expect(error).toBeInstanceOf(HuotiElementError);
    expect(error.code).toBe('MICROPHONE_DENIED');
    expect(error.cause).toBe(cause);
    expect(microphoneErrorCode(null)).toBe('MICROPHONE_BUSY');
  });
});
