import type { EligibilityErrorCode } from './eligibility-error-code.js';

/** Plain data form of an {@link EligibilityError} (for JSON or `postMessage`). */
export interface SerializedEligibilityError {
  readonly code: EligibilityErrorCode;
  readonly message: string;
  readonly field: string | null;
}

/**
 * The one error class of `@huoti/eligibility`: a stable `code`, a developer-facing `message` and, where
 * one input field is at fault, its path in `field` (for example `certificationEvents[2].date`).
 */
export class EligibilityError extends Error {
  override readonly name = 'EligibilityError';

  constructor(
    readonly code: EligibilityErrorCode,
    message: string,
    readonly field: string | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  /** Plain data, keeping the code and field that structured cloning would drop. */
  toJSON(): SerializedEligibilityError {
    return { code: this.code, message: this.message, field: this.field };
  }
}
