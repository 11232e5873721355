import { FACE_MESH_INDICES } from '../landmarks/face-mesh-indices.js';
import type { FaceLandmarks, LandmarkPoint } from '../landmarks/landmark-point.js';

/**
 * Mouth aspect ratio on the inner lip contour: the mean of three vertical lip gaps divided by the
 * mouth width (corner to corner), in the image plane. Near 0 with lips closed; 0.5+ wide open.
 *
 * @returns `NaN` when a point is missing or the corners coincide.
 */
export function mouthAspectRatio(landmarks: FaceLandmarks): number {
  const { cornerLeft, cornerRight, upper, lower } = FACE_MESH_INDICES.mouth;
  const left = landmarks[cornerLeft];
  const right = landmarks[cornerRight];
  if (!left || !right) return Number.NaN;
  const width = Math.hypot(left[0] - right[0], left[1] - right[1]);
  if (width === 0) return Number.NaN;
  let gapSum = 0;
  for (let i = 0; i < upper.length; i += 1) {
    const a = landmarks[upper[i] as number] as LandmarkPoint | undefined;
    const b = landmarks[lower[i] as number] as LandmarkPoint | undefined;
    if (!a || !b) return Number.NaN;
    gapSum += Math.hypot(a[0] - b[0], a[1] - b[1]);
  }
  return gapSum / upper.length / width;
}
