import { CHANNEL_IDS } from '../channels/channel-id.js';

/** Values of the optional profile fields when a profile leaves them out. */
export const DEFAULT_POLICY_OPTIONS = Object.freeze({
  effectiveFrom: null,
  description: '',
  reminderLeadMonths: null,
  /** Helpers must be adults (rules §6: "helper = an adult other than the elder", no source). */
  proxyHelperMinimumAgeYears: 18,
  channels: CHANNEL_IDS,
  sources: Object.freeze({}),
});
