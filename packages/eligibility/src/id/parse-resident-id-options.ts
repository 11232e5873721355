/** Options of {@link parseResidentId}. */
export interface ParseResidentIdOptions {
  /** Civil date `YYYY-MM-DD`: birth dates after it are rejected and `age` is computed on it. Without it, neither happens. */
  readonly referenceDate?: string | null;
  /** Accept a lower-case `x` check character and upper-case it (default true). */
  readonly acceptLowercaseX?: boolean;
}

/** Defaults of {@link ParseResidentIdOptions}. */
export const DEFAULT_PARSE_RESIDENT_ID_OPTIONS = Object.freeze({
  referenceDate: null,
  acceptLowercaseX: true,
  /** GB 11643 birth years before this are not plausible for a living person's number (rules §9). */
  minimumBirthYear: 1800,
  /** 1989-standard sequence codes reportedly reserved for centenarians (unconfirmed, flagged only). */
  centenarianSequenceFrom: 996,
});
