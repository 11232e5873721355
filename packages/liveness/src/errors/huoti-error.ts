import type { HuotiErrorCode } from './huoti-error-code.js';
import { HUOTI_ERROR_MESSAGES, type LocalizedMessage } from './huoti-error-messages.js';

/** The only shape an error takes when it crosses the worker boundary. */
export interface SerializedHuotiError {
  readonly code: HuotiErrorCode;
  readonly message: string;
}

/**
 * The one error class of `@huoti/liveness`: a stable `code`, a developer-facing `message`
 * and `localized` text for people (zh-CN and en).
 */
export class HuotiError extends Error {
  override readonly name = 'HuotiError';
  /** Text to show a person, in zh-CN and en. */
  readonly localized: LocalizedMessage;

  constructor(
    readonly code: HuotiErrorCode,
    message: string = HUOTI_ERROR_MESSAGES[code].en,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.localized = HUOTI_ERROR_MESSAGES[code];
  }

  /** Plain data for `postMessage`: comlink keeps neither custom fields nor `cause`. */
  toJSON(): SerializedHuotiError {
    return { code: this.code, message: this.message };
  }

  /** Rebuilds a typed error from what crossed the worker boundary. */
  static fromSerialized(error: SerializedHuotiError): HuotiError {
    return new HuotiError(error.code, error.message);
  }
}
