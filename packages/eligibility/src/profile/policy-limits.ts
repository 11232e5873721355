/**
 * Bounds the profile validator enforces, with units in the names. Values outside them are rejected as
 * implausible rather than computed with.
 */
export const POLICY_LIMITS = Object.freeze({
  maxCycleLengthMonths: 120,
  maxCycleLengthDays: 3660,
  maxGraceDays: 366,
  maxResumptionCutoffDay: 31,
  maxProxyBindings: 1000,
  maxReminderLeadMonths: 24,
  maxProxyHelperMinimumAgeYears: 150,
  maxNameLength: 200,
  maxDescriptionLength: 2000,
  maxSourcesPerParameter: 50,
  maxSourceLength: 500,
  maxVersions: 100,
});
