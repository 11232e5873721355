import { FACE_MESH_INDICES } from '../landmarks/face-mesh-indices.js';
import type { FaceLandmarks, LandmarkPoint } from '../landmarks/landmark-point.js';

/** The six contour points of one eye, as landmark indices (Soukupová & Čech 2016, p1…p6). */
export interface EyeContourIndices {
  readonly outer: number;
  readonly upperOuter: number;
  readonly upperInner: number;
  readonly inner: number;
  readonly lowerInner: number;
  readonly lowerOuter: number;
}

const distance2d = (a: LandmarkPoint, b: LandmarkPoint): number => Math.hypot(a[0] - b[0], a[1] - b[1]);

/**
 * Eye aspect ratio (Soukupová & Čech 2016): `(|p2−p6| + |p3−p5|) / (2·|p1−p4|)`, in the image plane.
 * About 0.25–0.35 for an open eye on the mesh, falling towards 0 as the lids close.
 *
 * @returns `NaN` when a point is missing or the eye corners coincide.
 */
export function eyeAspectRatio(landmarks: FaceLandmarks, eye: EyeContourIndices): number {
  const p = (i: number): LandmarkPoint | undefined => landmarks[i];
  const [p1, p2, p3, p4, p5, p6] = [p(eye.outer), p(eye.upperOuter), p(eye.upperInner), p(eye.inner), p(eye.lowerInner), p(eye.lowerOuter)];
  if (!p1 || !p2 || !p3 || !p4 || !p5 || !p6) return Number.NaN;
  const width = distance2d(p1, p4);
  if (width === 0) return Number.NaN;
  return (distance2d(p2, p6) + distance2d(p3, p5)) / (2 * width);
}

/** Eye aspect ratios of the person's left and right eye. */
export interface EyeAspectRatios {
  readonly left: number;
  readonly right: number;
}

/** {@link eyeAspectRatio} for both eyes of a MediaPipe FaceMesh landmark set. */
export function eyeAspectRatios(landmarks: FaceLandmarks): EyeAspectRatios {
  return {
    left: eyeAspectRatio(landmarks, FACE_MESH_INDICES.leftEye),
    right: eyeAspectRatio(landmarks, FACE_MESH_INDICES.rightEye),
  };
}
