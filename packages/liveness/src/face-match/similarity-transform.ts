import type { PixelPoint } from './face-keypoints.js';

/**
 * A 2-D similarity (rotation, uniform scale, translation, no reflection):
 * `x' = a·x − b·y + tx`, `y' = b·x + a·y + ty`.
 */
export interface SimilarityTransform {
  readonly a: number;
  readonly b: number;
  readonly tx: number;
  readonly ty: number;
}

/**
 * The least-squares similarity that maps `source` points onto `target` points (Umeyama's method
 * restricted to 2-D, the fit ArcFace-style alignment uses).
 *
 * @throws {RangeError} when the point lists differ in length, have fewer than 2 points, or the source points coincide.
 */
export function fitSimilarityTransform(source: readonly PixelPoint[], target: readonly PixelPoint[]): SimilarityTransform {
  if (source.length !== target.length || source.length < 2) {
    throw new RangeError('a similarity fit needs two equally long lists of at least 2 points');
  }
  const n = source.length;
  let [sx, sy, tx, ty] = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [s, t] = [source[i] as PixelPoint, target[i] as PixelPoint];
    sx += s[0];
    sy += s[1];
    tx += t[0];
    ty += t[1];
  }
  [sx, sy, tx, ty] = [sx / n, sy / n, tx / n, ty / n];
  // With centred points, the best a/b are the real/imaginary parts of Σ t·conj(s) / Σ |s|².
  let [dot, cross, sourceVariance] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [s, t] = [source[i] as PixelPoint, target[i] as PixelPoint];
    const [px, py, qx, qy] = [s[0] - sx, s[1] - sy, t[0] - tx, t[1] - ty];
    dot += px * qx + py * qy;
    cross += px * qy - py * qx;
    sourceVariance += px * px + py * py;
  }
  if (sourceVariance <= 0) throw new RangeError('the source points coincide');
  const a = dot / sourceVariance;
  const b = cross / sourceVariance;
  return { a, b, tx: tx - (a * sx - b * sy), ty: ty - (b * sx + a * sy) };
}

/** Applies `transform` to `point`. */
export function applySimilarityTransform(transform: SimilarityTransform, point: PixelPoint): PixelPoint {
  const { a, b, tx, ty } = transform;
  return [a * point[0] - b * point[1] + tx, b * point[0] + a * point[1] + ty];
}

/** The inverse similarity. @throws {RangeError} for a degenerate (zero-scale) transform. */
export function invertSimilarityTransform(transform: SimilarityTransform): SimilarityTransform {
  const { a, b, tx, ty } = transform;
  const norm = a * a + b * b;
  if (norm <= 0) throw new RangeError('a zero-scale transform has no inverse');
  const [ia, ib] = [a / norm, -b / norm];
  return { a: ia, b: ib, tx: -(ia * tx - ib * ty), ty: -(ib * tx + ia * ty) };
}

/** Rotation of `transform` in radians (0 means no rotation). */
export const similarityRotationRad = (transform: SimilarityTransform): number => Math.atan2(transform.b, transform.a);

/** Scale factor of `transform`. */
export const similarityScale = (transform: SimilarityTransform): number => Math.hypot(transform.a, transform.b);
