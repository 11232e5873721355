/** Why a channel is recommended; each code has zh-CN and en text in the message tables. */
export type ChannelReason =
  | 'ownPhoneApp'
  | 'miniProgramOnPhone'
  | 'eSocialSecurityCardOnPhone'
  | 'relativeProxy'
  | 'homeVisitImmobile'
  | 'homeVisitHospitalised'
  | 'communityNearby'
  | 'windowInPerson'
  | 'terminalInPerson'
  | 'crossRegionAssistance'
  | 'consularAppAbroad'
  | 'consularPaperAbroad'
  | 'hongKongMacaoOrganisations'
  | 'taiwanNotary'
  | 'manualReviewAfterFailedChecks';
