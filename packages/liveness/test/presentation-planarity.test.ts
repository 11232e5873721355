import { describe, expect, it } from 'vitest';
import { measurePlanarPair } from '../src/presentation/measure-planar-pair.js';
import type { PlanarPoint } from '../src/presentation/planar-point.js';
import { DEFAULT_PLANARITY_CONFIG } from '../src/presentation/planarity-config.js';
import { PlanarityTracker } from '../src/presentation/planarity-tracker.js';
import { selectLandmarkPoints } from '../src/presentation/select-landmark-points.js';
import { STABLE_LANDMARK_INDICES, STABLE_LANDMARK_REGIONS } from '../src/presentation/stable-landmarks.js';
import { seededRandom } from './seeded-random.js';

type Point3 = readonly [number, number, number];

/** A head-sized cloud (mm): points on the front of an ellipsoid, so the nose stands ~60 mm before the jaw. */
function headCloud(count: number, seed: number): Point3[] {
  const next = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const azimuth = (next() - 0.5) * 0.8 * Math.PI;
    const elevation = (next() - 0.5) * 0.7 * Math.PI;
    return [75 * Math.sin(azimuth) * Math.cos(elevation), -100 * Math.sin(elevation), -70 * Math.cos(azimuth) * Math.cos(elevation)] as const;
  });
}

/** The same points pressed flat (a print of the face). */
const flatten = (points: readonly Point3[]): Point3[] => points.map(([x, y]) => [x, y, 0] as const);

/** Rotates about y (yaw) then x (pitch), shifts, and projects with a 600 px pinhole camera 500 mm away. */
function project(points: readonly Point3[], yawDeg: number, pitchDeg = 0, shift: Point3 = [0, 0, 0], noisePx = 0, seed = 1): PlanarPoint[] {
  const [cy, sy] = [Math.cos((yawDeg * Math.PI) / 180), Math.sin((yawDeg * Math.PI) / 180)];
  const [cp, sp] = [Math.cos((pitchDeg * Math.PI) / 180), Math.sin((pitchDeg * Math.PI) / 180)];
  const next = seededRandom(seed);
  const gaussian = (): number => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return points.map(([x, y, z]) => {
    const x1 = cy * x + sy * z;
    const z1 = -sy * x + cy * z;
    const y2 = cp * y - sp * z1;
    const z2 = sp * y + cp * z1;
    const depth = 500 + z2 + shift[2];
    return [320 + (600 * (x1 + shift[0])) / depth + noisePx * gaussian(), 240 + (600 * (y2 + shift[1])) / depth + noisePx * gaussian()] as const;
  });
}

const HEAD = headCloud(50, 11);
const PRINT = flatten(HEAD);
const config = DEFAULT_PLANARITY_CONFIG;

describe('measurePlanarPair', () => {
  it.each([
    ['a turn', 0, 12, 0],
    ['a nod', 0, 0, 10],
    ['a turn and a nod', -5, 8, 6],
  ])('leaves ≈ 0 residual for a flat picture after %s (an exact homography)', (_, yaw0, yaw1, pitch1) => {
    const result = measurePlanarPair(project(PRINT, yaw0), project(PRINT, yaw1, pitch1, [20, -10, 30]), config);
    expect(result.kind).toBe('moving');
    if (result.kind === 'moving') expect(result.residualRatio).toBeLessThan(1e-6);
  });

  it.each([
    ['a 12° turn', 12, 0],
    ['a 10° nod', 0, 10],
  ])('leaves a clear residual for a 3-D head after %s', (_, yaw, pitch) => {
    const result = measurePlanarPair(project(HEAD, 0), project(HEAD, yaw, pitch), config);
    expect(result.kind).toBe('moving');
    if (result.kind === 'moving') expect(result.residualRatio).toBeGreaterThan(0.01);
  });

  it('sees the parallax of a 3-D head shifted sideways, though less than a turn', () => {
    const shifted = measurePlanarPair(project(HEAD, 0), project(HEAD, 0, 0, [30, 0, 0]), config);
    const turned = measurePlanarPair(project(HEAD, 0), project(HEAD, 12), config);
    expect(shifted.kind).toBe('moving');
    expect(turned.kind).toBe('moving');
    if (shifted.kind !== 'moving' || turned.kind !== 'moving') return;
    expect(shifted.residualRatio).toBeGreaterThan(0.005);
    expect(shifted.residualRatio).toBeLessThan(turned.residualRatio);
  });

  it('keeps the residual of a noisy flat picture near the noise level (relative to face scale)', () => {
    const before = project(PRINT, 0, 0, [0, 0, 0], 0.5, 1);
    const after = project(PRINT, 10, 5, [10, 0, 0], 0.5, 2);
    const result = measurePlanarPair(before, after, config);
    expect(result.kind).toBe('moving');
    if (result.kind !== 'moving') return;
    // 0.5 px noise per coordinate and frame: the pair's point differences have an RMS of 1 px, a
    // little less once the fit's 8 parameters absorb some.
    const centre = before.reduce((sum, [x, y]) => [sum[0] + x / before.length, sum[1] + y / before.length], [0, 0]);
    const scalePx = Math.sqrt(before.reduce((sum, [x, y]) => sum + (x - centre[0]) ** 2 + (y - centre[1]) ** 2, 0) / before.length);
    expect(result.residualRatio).toBeGreaterThan(0.6 / scalePx);
    expect(result.residualRatio).toBeLessThan(1.3 / scalePx);
  });

  it('calls a pair without motion still, whatever the points (a frozen photo is not "flat")', () => {
    const points = project(HEAD, 0);
    expect(measurePlanarPair(points, points, config)).toEqual({ kind: 'still', motionRatio: 0 });
  });

  it.each([
    ['too few points', project(HEAD, 0).slice(0, 5), project(HEAD, 5).slice(0, 5), 'too_few_points'],
    ['NaN points', project(HEAD, 0).map(() => [Number.NaN, 0] as const), project(HEAD, 5), 'non_finite_point'],
    ['collinear points', project(HEAD, 0).map(([x]) => [x, 2 * x] as const), project(HEAD, 5).map(([x]) => [x, 2 * x + 30] as const), 'degenerate_points'],
    ['mismatched lengths', project(HEAD, 0), project(HEAD, 5).slice(1), 'mismatched_points'],
  ] as const)('reports %s as unmeasurable', (_, a, b, reason) => {
    expect(measurePlanarPair(a, b, config)).toEqual({ kind: 'unmeasurable', reason });
  });

  it('skips the odd NaN point and measures on the rest', () => {
    const before = project(PRINT, 0);
    const after = project(PRINT, 20, 0, [20, 0, 0]).map((p, i) => (i === 3 ? ([Number.NaN, Number.NaN] as const) : p));
    expect(measurePlanarPair(before, after, config).kind).toBe('moving');
  });
});

describe('PlanarityTracker', () => {
  /** Feeds `frames` 30 fps frames whose points come from `pointsAt(t)` and returns the summary. */
  const track = (frames: number, pointsAt: (tS: number) => readonly PlanarPoint[] | null): ReturnType<PlanarityTracker['summary']> => {
    const tracker = new PlanarityTracker();
    for (let i = 0; i < frames; i++) tracker.add(1_000 + (i * 1000) / 30, pointsAt(i / 30));
    return tracker.summary();
  };

  it('says a flat picture turned back and forth is planar', () => {
    const summary = track(90, (t) => project(PRINT, 15 * Math.sin(2 * t), 8 * Math.sin(1.3 * t), [20 * Math.sin(t), 0, 0], 0.2, Math.round(t * 30)));
    expect(summary.verdict).toBe('planar');
    expect(summary.movingPairs).toBeGreaterThanOrEqual(config.minMovingPairs);
    expect(summary.medianResidualToMotion).toBeLessThanOrEqual(config.planarMaxResidualToMotion);
  });

  it('says a head turned back and forth is not planar', () => {
    const summary = track(90, (t) => project(HEAD, 15 * Math.sin(2 * t), 8 * Math.sin(1.3 * t), [20 * Math.sin(t), 0, 0], 0.2, Math.round(t * 30)));
    expect(summary.verdict).toBe('non_planar');
    expect(summary.medianResidualToMotion).toBeGreaterThan(config.planarMaxResidualToMotion);
    expect(summary.p90Residual).toBeGreaterThanOrEqual(summary.medianResidual);
  });

  it('says a frozen frame has insufficient motion, not planar', () => {
    const still = project(PRINT, 0);
    const summary = track(90, () => still);
    expect(summary).toMatchObject({ movingPairs: 0, medianResidual: 0, p90Residual: 0, medianResidualToMotion: 0, verdict: 'insufficient_motion' });
    expect(summary.framePairs).toBeGreaterThan(50);
  });

  it('never pairs across a frame without one face, and counts nothing from faceless runs', () => {
    expect(track(90, () => null)).toEqual({
      framePairs: 0,
      movingPairs: 0,
      medianMotion: 0,
      medianResidual: 0,
      p90Residual: 0,
      medianResidualToMotion: 0,
      verdict: 'insufficient_motion',
    });
    // Faces only every 4th frame: never two within the 200–600 ms window without a gap.
    const gappy = track(90, (t) => (Math.round(t * 30) % 4 === 0 ? project(HEAD, 10 * t) : null));
    expect(gappy.framePairs).toBe(0);
  });

  it('survives unmeasurable frames and bad timestamps', () => {
    const tracker = new PlanarityTracker();
    expect(tracker.add(Number.NaN, project(HEAD, 0))).toBeNull();
    tracker.add(0, project(HEAD, 0));
    expect(tracker.add(300, project(HEAD, 0).slice(0, 3))?.kind).toBe('unmeasurable');
    expect(tracker.add(300, project(HEAD, 15))?.kind).toBe('moving'); // same time again: paired, not stored twice
    expect(tracker.unmeasurablePairs).toBe(1);
    expect(tracker.summary().framePairs).toBe(1);
  });

  it('keeps memory bounded on a long run at a high frame rate', () => {
    const tracker = new PlanarityTracker({ maxHistoryFrames: 8, pairSpacingMs: 50 });
    for (let i = 0; i < 5_000; i++) tracker.add(i * 4, project(PRINT, 10 * Math.sin(i / 50)));
    expect(tracker.summary().framePairs).toBeGreaterThan(4_000);
  });
});

describe('stable landmarks', () => {
  it('names 40–60 distinct mesh points, every region included', () => {
    expect(new Set(STABLE_LANDMARK_INDICES).size).toBe(STABLE_LANDMARK_INDICES.length);
    expect(STABLE_LANDMARK_INDICES.length).toBeGreaterThanOrEqual(40);
    expect(STABLE_LANDMARK_INDICES.length).toBeLessThanOrEqual(60);
    expect(STABLE_LANDMARK_INDICES.every((i) => Number.isInteger(i) && i >= 0 && i < 468)).toBe(true);
    expect(Object.values(STABLE_LANDMARK_REGIONS).every((region) => region.length >= 2)).toBe(true);
  });

  it('selects points in index order and keeps alignment when a point is missing', () => {
    const landmarks = Array.from({ length: 100 }, (_, i) => [i, 2 * i, 0] as const);
    expect(selectLandmarkPoints(landmarks, [5, 1, 150])).toEqual([[5, 10], [1, 2], [Number.NaN, Number.NaN]]);
  });
});
