import { describe, expect, it } from 'vitest';
import { HuotiError } from '../src/errors/huoti-error.js';
import { HUOTI_ERROR_MESSAGES } from '../src/errors/huoti-error-messages.js';
import { cosineSimilarity } from '../src/face-match/cosine-similarity.js';
import { decideFaceMatch } from '../src/face-match/face-match-decision.js';
import { DEFAULT_FACE_MATCH_THRESHOLDS, resolveFaceMatchThresholds } from '../src/face-match/face-match-thresholds.js';
import { checkReferenceFaces, DEFAULT_REFERENCE_FACE_CONFIG } from '../src/face-match/reference-face-check.js';
import { FACE_MESH_INDICES } from '../src/landmarks/face-mesh-indices.js';
import type { LandmarkPoint } from '../src/landmarks/landmark-point.js';

/** A level face whose eye centres are `eyeDistancePx` apart, centred at x = `centreX`. */
function faceWithEyeDistance(eyeDistancePx: number, centreX = 200): { landmarks: LandmarkPoint[] } {
  const landmarks: LandmarkPoint[] = Array.from({ length: 468 }, () => [centreX, 150, 0] as const);
  const half = eyeDistancePx / 2;
  landmarks[FACE_MESH_INDICES.rightEye.outer] = [centreX - half - 5, 120, 0];
  landmarks[FACE_MESH_INDICES.rightEye.inner] = [centreX - half + 5, 120, 0];
  landmarks[FACE_MESH_INDICES.leftEye.inner] = [centreX + half - 5, 120, 0];
  landmarks[FACE_MESH_INDICES.leftEye.outer] = [centreX + half + 5, 120, 0];
  return { landmarks };
}

describe('reference photo check', () => {
  const min = DEFAULT_REFERENCE_FACE_CONFIG.minInterOcularDistancePx;
  it.each([
    ['no face', [], 'REFERENCE_NO_FACE'],
    ['one face too small', [faceWithEyeDistance(min - 1)], 'REFERENCE_FACE_TOO_SMALL'],
    ['two faces too small', [faceWithEyeDistance(12, 100), faceWithEyeDistance(20, 300)], 'REFERENCE_FACE_TOO_SMALL'],
    ['two large faces', [faceWithEyeDistance(60, 100), faceWithEyeDistance(min, 300)], 'REFERENCE_MULTIPLE_FACES'],
  ] as const)('%s → %s', (_, faces, code) => {
    const check = checkReferenceFaces(faces);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.code).toBe(code);
    const error = new HuotiError(check.code, check.message);
    expect(error.localized).toBe(HUOTI_ERROR_MESSAGES[code]);
    expect(error.localized['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(error.localized.en.length).toBeGreaterThan(10);
  });

  it('accepts exactly one face at the size limit, and ignores a tiny face beside a large one', () => {
    const alone = checkReferenceFaces([faceWithEyeDistance(min)]);
    expect(alone).toMatchObject({ ok: true, interOcularDistancePx: min });
    const big = faceWithEyeDistance(80, 100);
    const withBystander = checkReferenceFaces([faceWithEyeDistance(10, 320), big]);
    expect(withBystander.ok && withBystander.landmarks).toBe(big.landmarks);
  });

  it('takes its size limit from the config', () => {
    expect(checkReferenceFaces([faceWithEyeDistance(20)], { minInterOcularDistancePx: 16 }).ok).toBe(true);
  });
});

describe('cosine similarity, thresholds and the decision', () => {
  it('scores direction only, in [−1, 1]', () => {
    expect(cosineSimilarity([1, 0], [5, 0])).toBeCloseTo(1, 12);
    expect(cosineSimilarity([1, 0], [0, 3])).toBeCloseTo(0, 12);
    expect(cosineSimilarity(new Float32Array([1, 2, 3]), [-1, -2, -3])).toBeCloseTo(-1, 6);
    expect(() => cosineSimilarity([1], [1, 2])).toThrow(RangeError);
    expect(() => cosineSimilarity([0, 0], [1, 2])).toThrow(RangeError);
  });

  it('orders the thresholds loose < standard < strict and validates overrides', () => {
    const { loose, standard, strict } = DEFAULT_FACE_MATCH_THRESHOLDS;
    expect(loose).toBeLessThan(standard);
    expect(standard).toBeLessThan(strict);
    expect(Object.isFrozen(DEFAULT_FACE_MATCH_THRESHOLDS)).toBe(true);
    expect(resolveFaceMatchThresholds({ strict: 0.9 })).toEqual({ loose, standard, strict: 0.9 });
    expect(() => resolveFaceMatchThresholds({ loose: 1.5 })).toThrow(RangeError);
    expect(() => resolveFaceMatchThresholds({ loose: Number.NaN })).toThrow(RangeError);
  });

  it.each([
    [[0.9, 0.85, 0.8], 'standard', true],
    [[0.9, 0.69, 0.95], 'standard', false], // one frame of somebody else fails the run
    [[0.72], 'standard', true],
    [[0.72], 'strict', false],
    [[], 'loose', false],
  ] as const)('%j at %s → match %s', (similarities, strictness, isMatch) => {
    const decision = decideFaceMatch(similarities, strictness);
    expect(decision.isMatch).toBe(isMatch);
    expect(decision.threshold).toBe(DEFAULT_FACE_MATCH_THRESHOLDS[strictness]);
    expect(decision.similarities).toEqual(similarities);
  });
});
