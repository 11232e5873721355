import { centroid } from './centroid.js';
import { fitHomography, type HomographyFitFailure } from './fit-homography.js';
import { applyHomography } from './homography.js';
import type { PlanarPoint } from './planar-point.js';
import type { PlanarityConfig } from './planarity-config.js';

/** How well one plane explains the motion of the points between two frames. */
export type PlanarPairMeasurement =
  /**
   * Enough motion to judge. `residualRatio`: RMS distance between where the best homography puts
   * each point and where it is, as a ratio of the face scale (≈ 0 for a moved picture).
   */
  | { readonly kind: 'moving'; readonly motionRatio: number; readonly residualRatio: number }
  /** Too little motion to tell a plane from a face: a still picture and a still person look alike. */
  | { readonly kind: 'still'; readonly motionRatio: number }
  /** No plane map could be fitted (too few finite points, collinear points…). */
  | { readonly kind: 'unmeasurable'; readonly reason: HomographyFitFailure };

/** RMS distance of points from their centroid: a rotation-free size of the face. */
function scaleOf(points: readonly PlanarPoint[]): number {
  const [cx, cy] = centroid(points);
  let sum = 0;
  for (const [x, y] of points) sum += (x - cx) ** 2 + (y - cy) ** 2;
  return Math.sqrt(sum / points.length);
}

const rmsDistance = (a: readonly PlanarPoint[], b: readonly PlanarPoint[]): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const [ax, ay] = a[i] as PlanarPoint;
    const [bx, by] = b[i] as PlanarPoint;
    sum += (ax - bx) ** 2 + (ay - by) ** 2;
  }
  return Math.sqrt(sum / a.length);
};

/**
 * Compares the same landmarks in an earlier and a later frame (`earlier[i]` and `later[i]` are one
 * point). Points that are not finite in either frame are left out. Motion and residual are divided
 * by the face's scale, so the numbers do not depend on how far the face is from the camera.
 */
export function measurePlanarPair(
  earlier: readonly PlanarPoint[],
  later: readonly PlanarPoint[],
  config: Pick<PlanarityConfig, 'minPointCount' | 'minMotionRatio' | 'minSpreadRatio'>,
): PlanarPairMeasurement {
  if (earlier.length !== later.length) return { kind: 'unmeasurable', reason: 'mismatched_points' };
  const from: PlanarPoint[] = [];
  const to: PlanarPoint[] = [];
  for (let i = 0; i < earlier.length; i++) {
    const a = earlier[i] as PlanarPoint;
    const b = later[i] as PlanarPoint;
    if (Number.isFinite(a[0]) && Number.isFinite(a[1]) && Number.isFinite(b[0]) && Number.isFinite(b[1])) {
      from.push(a);
      to.push(b);
    }
  }
  if (from.length < Math.max(4, config.minPointCount)) {
    return { kind: 'unmeasurable', reason: from.length === earlier.length ? 'too_few_points' : 'non_finite_point' };
  }
  const scale = (scaleOf(from) + scaleOf(to)) / 2;
  if (!(scale > 0) || !Number.isFinite(scale)) return { kind: 'unmeasurable', reason: 'degenerate_points' };
  const motionRatio = rmsDistance(from, to) / scale;
  if (!Number.isFinite(motionRatio)) return { kind: 'unmeasurable', reason: 'non_finite_point' };
  if (motionRatio < config.minMotionRatio) return { kind: 'still', motionRatio };

  const fit = fitHomography(from, to, { minSpreadRatio: config.minSpreadRatio });
  if (!fit.ok) return { kind: 'unmeasurable', reason: fit.reason };
  const mapped: PlanarPoint[] = [];
  for (const point of from) {
    const image = applyHomography(fit.homography, point);
    if (!image) return { kind: 'unmeasurable', reason: 'degenerate_points' };
    mapped.push(image);
  }
  return { kind: 'moving', motionRatio, residualRatio: rmsDistance(mapped, to) / scale };
}
