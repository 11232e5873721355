import { centroid } from './centroid.js';
import { type Homography } from './homography.js';
import type { PlanarPoint } from './planar-point.js';
import { symmetricEigen } from './symmetric-eigen.js';

/** Why no homography could be fitted. */
export type HomographyFitFailure =
  /** Fewer than 4 correspondences (a homography has 8 degrees of freedom). */
  | 'too_few_points'
  /** `from` and `to` differ in length. */
  | 'mismatched_points'
  /** A coordinate is `NaN` or infinite. */
  | 'non_finite_point'
  /** The points (nearly) coincide or lie on one line, so no unique plane map exists. */
  | 'degenerate_points';

/** A homography fit, or why there is none. Never thrown: callers count failures. */
export type HomographyFit =
  | { readonly ok: true; readonly homography: Homography }
  | { readonly ok: false; readonly reason: HomographyFitFailure };

/** Options of {@link fitHomography}. */
export interface HomographyFitOptions {
  /**
   * Smallest ratio of the point cloud's minor to major variance (principal axes) in either image;
   * below it the points count as collinear.
   */
  readonly minSpreadRatio: number;
}

/** Named defaults of {@link HomographyFitOptions}: a cloud thinner than 1 % of its length (std) is a line. */
export const DEFAULT_HOMOGRAPHY_FIT_OPTIONS: HomographyFitOptions = Object.freeze({ minSpreadRatio: 1e-4 });

/** Below this share of the largest eigenvalue, the second-smallest one means the solution is not unique. */
const RANK_DEFICIENCY_RATIO = 1e-10;

interface Normalisation {
  readonly centreX: number;
  readonly centreY: number;
  readonly scale: number;
  readonly spreadRatio: number;
}

/** Hartley's normalisation: centroid to the origin, mean distance √2; plus the cloud's thinness. */
function normalisation(points: readonly PlanarPoint[]): Normalisation {
  const [centreX, centreY] = centroid(points);
  let distance = 0;
  let xx = 0;
  let xy = 0;
  let yy = 0;
  for (const [x, y] of points) {
    const dx = x - centreX;
    const dy = y - centreY;
    distance += Math.hypot(dx, dy);
    xx += dx * dx;
    xy += dx * dy;
    yy += dy * dy;
  }
  const meanDistance = distance / points.length;
  const half = (xx + yy) / 2;
  const root = Math.sqrt(((xx - yy) / 2) ** 2 + xy * xy);
  const major = half + root;
  const minor = Math.max(0, half - root);
  return { centreX, centreY, scale: meanDistance > 0 ? Math.SQRT2 / meanDistance : 0, spreadRatio: major > 0 ? minor / major : 0 };
}

/**
 * Least-squares homography mapping `from[i]` onto `to[i]`: the normalised direct linear transform
 * (Hartley & Zisserman, alg. 4.2), solved by the eigenvector of AᵀA with the smallest eigenvalue.
 * Pure, bounded in time, and it never throws: bad input comes back as a typed failure.
 */
export function fitHomography(
  from: readonly PlanarPoint[],
  to: readonly PlanarPoint[],
  options: HomographyFitOptions = DEFAULT_HOMOGRAPHY_FIT_OPTIONS,
): HomographyFit {
  if (from.length !== to.length) return { ok: false, reason: 'mismatched_points' };
  if (from.length < 4) return { ok: false, reason: 'too_few_points' };
  for (let i = 0; i < from.length; i++) {
    const a = from[i] as PlanarPoint;
    const b = to[i] as PlanarPoint;
    if (!Number.isFinite(a[0]) || !Number.isFinite(a[1]) || !Number.isFinite(b[0]) || !Number.isFinite(b[1])) {
      return { ok: false, reason: 'non_finite_point' };
    }
  }
  const source = normalisation(from);
  const target = normalisation(to);
  if (source.scale === 0 || target.scale === 0) return { ok: false, reason: 'degenerate_points' };
  if (source.spreadRatio < options.minSpreadRatio || target.spreadRatio < options.minSpreadRatio) {
    return { ok: false, reason: 'degenerate_points' };
  }

  // AᵀA accumulated row by row: two rows of A per correspondence, never the whole 2N×9 matrix.
  const ata = new Array<number>(81).fill(0);
  const addRow = (row: readonly number[]): void => {
    for (let i = 0; i < 9; i++) {
      const ri = row[i] ?? 0;
      if (ri === 0) continue;
      for (let j = 0; j < 9; j++) ata[i * 9 + j] = (ata[i * 9 + j] ?? 0) + ri * (row[j] ?? 0);
    }
  };
  for (let i = 0; i < from.length; i++) {
    const [fx, fy] = from[i] as PlanarPoint;
    const [tx, ty] = to[i] as PlanarPoint;
    const x = (fx - source.centreX) * source.scale;
    const y = (fy - source.centreY) * source.scale;
    const u = (tx - target.centreX) * target.scale;
    const v = (ty - target.centreY) * target.scale;
    addRow([-x, -y, -1, 0, 0, 0, u * x, u * y, u]);
    addRow([0, 0, 0, -x, -y, -1, v * x, v * y, v]);
  }
  const { values, vectors } = symmetricEigen(ata, 9);
  const largest = values[8] ?? 0;
  if (!(largest > 0) || (values[1] ?? 0) <= RANK_DEFICIENCY_RATIO * largest) return { ok: false, reason: 'degenerate_points' };
  const n = vectors[0] as readonly number[];

  // H = T_to⁻¹ · Hn · T_from, with T = [s 0 −s·cx; 0 s −s·cy; 0 0 1].
  const s1 = source.scale;
  const c1x = source.centreX;
  const c1y = source.centreY;
  const hn = (r: number, c: number): number => n[r * 3 + c] ?? 0;
  // Hn · T_from
  const m: number[] = [];
  for (let r = 0; r < 3; r++) {
    m.push(hn(r, 0) * s1, hn(r, 1) * s1, hn(r, 2) - hn(r, 0) * s1 * c1x - hn(r, 1) * s1 * c1y);
  }
  // T_to⁻¹ = [1/s 0 cx; 0 1/s cy; 0 0 1]
  const inverse = 1 / target.scale;
  const h: number[] = [];
  for (let c = 0; c < 3; c++) {
    const m0 = m[c] ?? 0;
    const m1 = m[3 + c] ?? 0;
    const m2 = m[6 + c] ?? 0;
    h[c] = m0 * inverse + target.centreX * m2;
    h[3 + c] = m1 * inverse + target.centreY * m2;
    h[6 + c] = m2;
  }
  const last = h[8] ?? 0;
  const norm = Math.abs(last) > 1e-12 ? last : Math.hypot(...h);
  const homography = h.map((value) => value / norm) as unknown as Homography;
  return homography.every(Number.isFinite) ? { ok: true, homography } : { ok: false, reason: 'degenerate_points' };
}
