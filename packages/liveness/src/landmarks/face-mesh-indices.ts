/**
 * MediaPipe FaceMesh landmark indices used by the metrics. "Right" and "left" are the person's own
 * (MediaPipe's convention): the right eye is the one on the image's left in an unmirrored frame.
 */
export const FACE_MESH_INDICES = Object.freeze({
  /** Eye contour for the 6-point eye aspect ratio: outer corner, two upper, inner corner, two lower. */
  rightEye: Object.freeze({ outer: 33, upperOuter: 160, upperInner: 158, inner: 133, lowerInner: 153, lowerOuter: 144 }),
  leftEye: Object.freeze({ outer: 263, upperOuter: 387, upperInner: 385, inner: 362, lowerInner: 380, lowerOuter: 373 }),
  /** Inner lip contour: corners and three upper/lower pairs, left to right in the image. */
  mouth: Object.freeze({
    cornerRight: 78,
    cornerLeft: 308,
    upper: Object.freeze([81, 13, 311] as const),
    lower: Object.freeze([178, 14, 402] as const),
  }),
  /** Points that span the face for head pose. */
  forehead: 10,
  chin: 152,
  rightEyeOuter: 33,
  leftEyeOuter: 263,
  noseTip: 1,
  /** Eye contours as the iris model returns them: lower lid (9, corner to corner) and upper lid (7). */
  rightEyeLower0: Object.freeze([33, 7, 163, 144, 145, 153, 154, 155, 133] as const),
  rightEyeUpper0: Object.freeze([246, 161, 160, 159, 158, 157, 173] as const),
  leftEyeLower0: Object.freeze([263, 249, 390, 373, 374, 380, 381, 382, 362] as const),
  leftEyeUpper0: Object.freeze([466, 388, 387, 386, 385, 384, 398] as const),
  /** First index of the 5 iris points (centre, then 4 around) appended after the 468 mesh points. */
  rightIrisStart: 468,
  leftIrisStart: 473,
});

/** Number of points in the plain mesh. */
export const FACE_MESH_POINT_COUNT = 468;
