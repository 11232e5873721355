import type { VerifyErrorCode } from './verify-error-code.js';

/** The one error class of `@huoti/verify`: a stable `code` and a developer-facing message. */
export class VerifyError extends Error {
  override readonly name = 'VerifyError';

  constructor(
    readonly code: VerifyErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
