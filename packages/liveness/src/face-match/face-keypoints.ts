import { FACE_MESH_INDICES } from '../landmarks/face-mesh-indices.js';
import type { FaceLandmarks, LandmarkPoint } from '../landmarks/landmark-point.js';

/** A point in image pixels: `[x, y]`. */
export type PixelPoint = readonly [x: number, y: number];

/**
 * The five points face-recognition models are aligned on, in the order of the ArcFace template:
 * the person's right eye (image left in an unmirrored frame), left eye, nose tip, right and left
 * mouth corner.
 */
export type FiveFaceKeypoints = readonly [
  rightEye: PixelPoint,
  leftEye: PixelPoint,
  noseTip: PixelPoint,
  mouthRight: PixelPoint,
  mouthLeft: PixelPoint,
];

/** Outer lip corners of the MediaPipe mesh (the person's right, then left). */
const MOUTH_CORNER_INDICES = Object.freeze({ right: 61, left: 291 });

const midpoint = (a: LandmarkPoint | undefined, b: LandmarkPoint | undefined): PixelPoint => {
  if (!a || !b) throw new RangeError('face landmarks need the 468 mesh points');
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
};

const point = (p: LandmarkPoint | undefined): PixelPoint => {
  if (!p) throw new RangeError('face landmarks need the 468 mesh points');
  return [p[0], p[1]];
};

/**
 * The five alignment points from the 468-point mesh. Eye centres are the midpoints of the eye
 * corners rather than the iris: corners do not move when the person looks aside or blinks.
 *
 * @throws {RangeError} when fewer than 468 points are given.
 */
export function fiveFaceKeypoints(landmarks: FaceLandmarks): FiveFaceKeypoints {
  const { rightEye, leftEye, noseTip } = FACE_MESH_INDICES;
  return [
    midpoint(landmarks[rightEye.outer], landmarks[rightEye.inner]),
    midpoint(landmarks[leftEye.outer], landmarks[leftEye.inner]),
    point(landmarks[noseTip]),
    point(landmarks[MOUTH_CORNER_INDICES.right]),
    point(landmarks[MOUTH_CORNER_INDICES.left]),
  ];
}

/** Distance between the two eye centres in pixels: the face-size measure used by alignment and by the reference checks. */
export function interOcularDistancePx(landmarks: FaceLandmarks): number {
  const [right, left] = fiveFaceKeypoints(landmarks);
  return Math.hypot(left[0] - right[0], left[1] - right[1]);
}
