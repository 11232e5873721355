import type { PlanarPoint } from './planar-point.js';

/** A 3×3 plane-to-plane projective map, row-major, scaled so that the last entry is 1 when it can be. */
export type Homography = readonly [number, number, number, number, number, number, number, number, number];

/**
 * Maps `point` through `homography`.
 *
 * @returns `null` when the point maps to infinity (or the result is not finite).
 */
export function applyHomography(homography: Homography, point: PlanarPoint): PlanarPoint | null {
  const [h11, h12, h13, h21, h22, h23, h31, h32, h33] = homography;
  const [x, y] = point;
  const w = h31 * x + h32 * y + h33;
  const u = (h11 * x + h12 * y + h13) / w;
  const v = (h21 * x + h22 * y + h23) / w;
  return Number.isFinite(u) && Number.isFinite(v) && Math.abs(w) > 1e-12 ? [u, v] : null;
}
