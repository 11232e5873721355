/**
 * Why a challenge run failed. Codes are API: add, never rename.
 * - `PLAN_EXPIRED`: the plan was past `expiresAt` before the run started.
 * - `INVALID_PLAN`: the plan has no steps or a malformed `readDigits` step.
 * - `TIMEOUT`: a step or the whole run took longer than allowed.
 * - `MULTIPLE_FACES`, `FACE_LOST`, `FACE_CHANGED`: face-count and continuity guards.
 * - `FACE_TOO_FAR`, `FACE_TOO_CLOSE`, `TOO_DARK`, `BACKLIT`, `TOO_BLURRY`, `LOW_FRAMERATE`: capture-condition guards.
 * - `DIGITS_NOT_READ`: the read-digits decision failed (speech timing, count or mouth movement).
 * - `FACE_MISMATCH`: the plan requires a face match and a checked frame was not the enrolled
 *   person (or the `faceMatch` step ended without a frame that could be compared).
 * - `TOO_MANY_ATTEMPTS`: the attempt limiter refused the attempt.
 * - `ABORTED`: the caller stopped the run.
 */
export type ChallengeFailureReason =
  | 'PLAN_EXPIRED'
  | 'INVALID_PLAN'
  | 'TIMEOUT'
  | 'MULTIPLE_FACES'
  | 'FACE_LOST'
  | 'FACE_CHANGED'
  | 'FACE_TOO_FAR'
  | 'FACE_TOO_CLOSE'
  | 'TOO_DARK'
  | 'BACKLIT'
  | 'TOO_BLURRY'
  | 'LOW_FRAMERATE'
  | 'DIGITS_NOT_READ'
  | 'FACE_MISMATCH'
  | 'TOO_MANY_ATTEMPTS'
  | 'ABORTED';
