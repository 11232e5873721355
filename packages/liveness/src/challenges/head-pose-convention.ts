/**
 * Sign convention of the head angles in {@link MetricSample}, in the unmirrored camera image; the
 * same as the engine's `headPose()`:
 * - yaw is positive when the person turns to **their own left** (the face moves towards the image's
 *   right in the unmirrored camera view; towards the left of a mirrored selfie preview);
 * - pitch is positive when the chin goes **up**; a nod (点头) is a negative pitch excursion.
 *
 * `turnLeft` therefore asks for a yaw of `+PERSON_LEFT_YAW_SIGN × angle`, `turnRight` for the
 * opposite sign, and `nod` for a pitch of `−CHIN_UP_PITCH_SIGN × angle`.
 */
export const HEAD_POSE_CONVENTION = Object.freeze({
  /** Sign of yaw when the person turns to their own left. */
  personLeftYawSign: 1,
  /** Sign of pitch when the chin goes up. */
  chinUpPitchSign: 1,
} as const);
