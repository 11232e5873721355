/**
 * Why a bundle was rejected. Stable: codes are API (add, never rename). `docs/verification.md`
 * describes each one.
 */
export type VerificationReason =
  // Transport and structure
  | 'body_too_large'
  | 'malformed_json'
  | 'invalid_bundle'
  // Plan authenticity and freshness
  | 'unknown_key'
  | 'bad_signature'
  | 'plan_not_yet_valid'
  | 'plan_expired'
  | 'capture_time_implausible'
  | 'nonce_replayed'
  | 'nonce_store_unavailable'
  // Bundle integrity and the client's own verdict
  | 'digest_mismatch'
  | 'client_reported_failure'
  // Steps against the plan
  | 'steps_mismatch'
  | 'step_out_of_order'
  | 'step_gap_too_long'
  | 'step_timeout'
  | 'event_missing'
  | 'event_outside_window'
  | 'event_not_corroborated'
  | 'digit_response_missing'
  | 'digit_latency_inconsistent'
  // Frames
  | 'frame_timing_implausible'
  | 'frame_gap_too_long'
  | 'trace_incomplete'
  | 'face_count_invalid'
  | 'face_lost'
  | 'face_discontinuity'
  // Media
  | 'best_frames_missing'
  | 'best_frame_invalid'
  | 'audio_missing'
  | 'audio_invalid'
  // Face match (plans with a faceMatch step)
  | 'face_match_missing'
  | 'face_mismatch'
  // The verifier itself
  | 'internal_error';

/** Every {@link VerificationReason}, in the order the verifier checks them. */
export const VERIFICATION_REASONS: readonly VerificationReason[] = Object.freeze([
  'body_too_large',
  'malformed_json',
  'invalid_bundle',
  'unknown_key',
  'bad_signature',
  'plan_not_yet_valid',
  'plan_expired',
  'capture_time_implausible',
  'nonce_replayed',
  'nonce_store_unavailable',
  'digest_mismatch',
  'client_reported_failure',
  'steps_mismatch',
  'step_out_of_order',
  'step_gap_too_long',
  'step_timeout',
  'event_missing',
  'event_outside_window',
  'event_not_corroborated',
  'digit_response_missing',
  'digit_latency_inconsistent',
  'frame_timing_implausible',
  'frame_gap_too_long',
  'trace_incomplete',
  'face_count_invalid',
  'face_lost',
  'face_discontinuity',
  'best_frames_missing',
  'best_frame_invalid',
  'audio_missing',
  'audio_invalid',
  'face_match_missing',
  'face_mismatch',
  'internal_error',
] as const);
