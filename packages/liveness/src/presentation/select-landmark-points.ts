import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import type { PlanarPoint } from './planar-point.js';

/**
 * The image positions of `indices` in `landmarks`, in that order. A missing index gives a `NaN`
 * point, so the result always has `indices.length` entries and stays aligned across frames.
 */
export function selectLandmarkPoints(landmarks: FaceLandmarks, indices: readonly number[]): PlanarPoint[] {
  return indices.map((index) => {
    const point = landmarks[index];
    return point ? [point[0], point[1]] : [Number.NaN, Number.NaN];
  });
}
