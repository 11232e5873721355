import { describe, expect, it } from 'vitest';
import { applyHomography, type Homography } from '../src/presentation/homography.js';
import { fitHomography } from '../src/presentation/fit-homography.js';
import type { PlanarPoint } from '../src/presentation/planar-point.js';
import { seededRandom } from './seeded-random.js';

const cloud = (count: number, seed: number): PlanarPoint[] => {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => [100 + 200 * next(), 80 + 240 * next()] as const);
};

const HOMOGRAPHIES: readonly [string, Homography][] = [
  ['identity', [1, 0, 0, 0, 1, 0, 0, 0, 1]],
  ['translation', [1, 0, 12.5, 0, 1, -7, 0, 0, 1]],
  ['similarity', [0.9 * Math.cos(0.3), -0.9 * Math.sin(0.3), 40, 0.9 * Math.sin(0.3), 0.9 * Math.cos(0.3), -5, 0, 0, 1]],
  ['affine shear', [1.1, 0.2, 3, -0.1, 0.95, 8, 0, 0, 1]],
  ['strong perspective', [1.05, 0.02, -10, 0.01, 0.98, 4, 0.0011, -0.0007, 1]],
];

describe('fitHomography', () => {
  it.each(HOMOGRAPHIES)('recovers an exact %s from 40 points', (_, truth) => {
    const from = cloud(40, 7);
    const to = from.map((p) => applyHomography(truth, p) as PlanarPoint);
    const fit = fitHomography(from, to);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    fit.homography.forEach((value, i) => expect(value).toBeCloseTo(truth[i] as number, 6));
    for (const [i, p] of from.entries()) {
      const mapped = applyHomography(fit.homography, p) as PlanarPoint;
      expect(Math.hypot(mapped[0] - (to[i] as PlanarPoint)[0], mapped[1] - (to[i] as PlanarPoint)[1])).toBeLessThan(1e-6);
    }
  });

  it('solves the minimal case of 4 points in general position', () => {
    const from: PlanarPoint[] = [[0, 0], [100, 0], [100, 100], [0, 100]];
    const to: PlanarPoint[] = [[10, 5], [120, 0], [110, 130], [-5, 95]];
    const fit = fitHomography(from, to);
    expect(fit.ok).toBe(true);
    if (!fit.ok) return;
    from.forEach((p, i) => {
      const mapped = applyHomography(fit.homography, p) as PlanarPoint;
      expect(mapped[0]).toBeCloseTo((to[i] as PlanarPoint)[0], 6);
      expect(mapped[1]).toBeCloseTo((to[i] as PlanarPoint)[1], 6);
    });
  });

  it.each([
    ['too few points', cloud(3, 1), cloud(3, 2), 'too_few_points'],
    ['mismatched lengths', cloud(10, 1), cloud(9, 2), 'mismatched_points'],
    ['a NaN coordinate', [...cloud(9, 1), [Number.NaN, 3] as const], cloud(10, 2), 'non_finite_point'],
    ['an infinite coordinate', cloud(10, 1), [...cloud(9, 2), [4, Number.POSITIVE_INFINITY] as const], 'non_finite_point'],
    ['collinear points', Array.from({ length: 20 }, (_, i) => [i * 3, 2 * i * 3 + 1] as const), cloud(20, 2), 'degenerate_points'],
    ['coincident points', Array.from({ length: 20 }, () => [5, 5] as const), cloud(20, 2), 'degenerate_points'],
    ['a target squashed onto a line', cloud(20, 1), cloud(20, 1).map(([x]) => [x, 0] as const), 'degenerate_points'],
  ] as const)('returns a typed failure, without throwing, for %s', (_, from, to, reason) => {
    expect(fitHomography(from, to)).toEqual({ ok: false, reason });
  });

  it('finishes quickly on huge, tiny and mixed-scale coordinates', () => {
    const started = performance.now();
    for (const scale of [1e-9, 1, 1e9]) {
      const from = cloud(40, 3).map(([x, y]) => [x * scale, y * scale] as const);
      const to = from.map(([x, y]) => [x + scale, y - 2 * scale] as const);
      const fit = fitHomography(from, to);
      expect(fit.ok).toBe(true);
    }
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('applyHomography', () => {
  it('returns null for a point mapped to infinity', () => {
    expect(applyHomography([1, 0, 0, 0, 1, 0, 1, 0, 0], [0, 5])).toBeNull();
  });
});
