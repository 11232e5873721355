import type { PlanarPoint } from './planar-point.js';

/** The mean of `points` (at least one). */
export function centroid(points: readonly PlanarPoint[]): PlanarPoint {
  let sumX = 0;
  let sumY = 0;
  for (const [x, y] of points) {
    sumX += x;
    sumY += y;
  }
  return [sumX / points.length, sumY / points.length];
}
