import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARCFACE_ALIGNMENT_TEMPLATE, zoomAlignmentTemplate, type AlignmentTemplate } from '../src/face-match/alignment-template.js';
import { alignFace } from '../src/face-match/face-alignment.js';
import { faceAlignmentTransform } from '../src/face-match/face-alignment-transform.js';
import { fiveFaceKeypoints, interOcularDistancePx, type PixelPoint } from '../src/face-match/face-keypoints.js';
import {
  applySimilarityTransform,
  fitSimilarityTransform,
  invertSimilarityTransform,
  similarityRotationRad,
  similarityScale,
  type SimilarityTransform,
} from '../src/face-match/similarity-transform.js';
import { FACE_MESH_INDICES } from '../src/landmarks/face-mesh-indices.js';
import type { LandmarkPoint } from '../src/landmarks/landmark-point.js';
import { useWasmBackend } from './face-match-fixtures.js';

/** A face whose five keypoints are `template` (fractions of `sizePx`) moved by `pose`: 468 points, the rest at the centre. */
function syntheticFace(template: AlignmentTemplate, sizePx: number, pose: SimilarityTransform): LandmarkPoint[] {
  const place = (p: PixelPoint): LandmarkPoint => {
    const [x, y] = applySimilarityTransform(pose, [p[0] * sizePx, p[1] * sizePx]);
    return [x, y, 0];
  };
  const points: LandmarkPoint[] = Array.from({ length: 468 }, () => place([0.5, 0.5]));
  const [rightEye, leftEye, nose, mouthRight, mouthLeft] = template;
  // Eye corners 4 % of the side either side of the eye centre, along the eye line.
  const corner = (eye: PixelPoint, dx: number): LandmarkPoint => place([eye[0] + dx, eye[1]]);
  points[FACE_MESH_INDICES.rightEye.outer] = corner(rightEye, -0.04);
  points[FACE_MESH_INDICES.rightEye.inner] = corner(rightEye, 0.04);
  points[FACE_MESH_INDICES.leftEye.inner] = corner(leftEye, -0.04);
  points[FACE_MESH_INDICES.leftEye.outer] = corner(leftEye, 0.04);
  points[FACE_MESH_INDICES.noseTip] = place(nose);
  points[61] = place(mouthRight);
  points[291] = place(mouthLeft);
  return points;
}

const poseOf = (angleDeg: number, scale: number, tx: number, ty: number): SimilarityTransform => {
  const angle = (angleDeg * Math.PI) / 180;
  return { a: scale * Math.cos(angle), b: scale * Math.sin(angle), tx, ty };
};

describe('similarity fit', () => {
  it.each([
    [0, 1, 0, 0],
    [30, 2.5, 40, -10],
    [-75, 0.6, 300, 120],
    [180, 1.3, 5, 5],
  ])('recovers rotation %d°, scale %d, shift (%d, %d) exactly from clean points', (angleDeg, scale, tx, ty) => {
    const pose = poseOf(angleDeg, scale, tx, ty);
    const source: PixelPoint[] = [[10, 20], [50, 22], [30, 45], [15, 60], [48, 61]];
    const fit = fitSimilarityTransform(source, source.map((p) => applySimilarityTransform(pose, p)));
    expect(fit.a).toBeCloseTo(pose.a, 9);
    expect(fit.b).toBeCloseTo(pose.b, 9);
    expect(fit.tx).toBeCloseTo(pose.tx, 9);
    expect(fit.ty).toBeCloseTo(pose.ty, 9);
    const back = invertSimilarityTransform(fit);
    const [x, y] = applySimilarityTransform(back, applySimilarityTransform(fit, [7, -3]));
    expect(x).toBeCloseTo(7, 9);
    expect(y).toBeCloseTo(-3, 9);
  });

  it('refuses coincident or unequal point lists', () => {
    expect(() => fitSimilarityTransform([[1, 1], [1, 1]], [[0, 0], [1, 1]])).toThrow(RangeError);
    expect(() => fitSimilarityTransform([[1, 1]], [[0, 0]])).toThrow(RangeError);
    expect(() => fitSimilarityTransform([[1, 1], [2, 2]], [[0, 0]])).toThrow(RangeError);
  });
});

describe('face alignment transform', () => {
  it.each([-40, -12, 0, 25, 60])('a face rolled %d° lands with level eyes on the template', (angleDeg) => {
    const pose = poseOf(angleDeg, 1.8, 120, 60);
    const landmarks = syntheticFace(ARCFACE_ALIGNMENT_TEMPLATE, 112, pose);
    const transform = faceAlignmentTransform(landmarks, ARCFACE_ALIGNMENT_TEMPLATE, 112);
    const [rightEye, leftEye] = fiveFaceKeypoints(landmarks).map((p) => applySimilarityTransform(transform, p));
    // Exactly on the template (whose own eyes are 0.2 px off level), whatever the roll.
    expect(rightEye?.[0]).toBeCloseTo(38.2946, 6);
    expect(rightEye?.[1]).toBeCloseTo(51.6963, 6);
    expect(leftEye?.[0]).toBeCloseTo(73.5318, 6);
    expect(leftEye?.[1]).toBeCloseTo(51.5014, 6);
    expect((similarityRotationRad(transform) * 180) / Math.PI).toBeCloseTo(-angleDeg, 1);
    expect(similarityScale(transform)).toBeCloseTo(1 / 1.8, 3);
  });

  it('fixes the inter-ocular distance in the crop whatever the face size', () => {
    const template = zoomAlignmentTemplate(ARCFACE_ALIGNMENT_TEMPLATE, 0.75);
    for (const scale of [0.5, 1, 4]) {
      const landmarks = syntheticFace(ARCFACE_ALIGNMENT_TEMPLATE, 112, poseOf(10, scale, 0, 0));
      expect(interOcularDistancePx(landmarks)).toBeCloseTo(35.24 * scale, 1);
      const transform = faceAlignmentTransform(landmarks, template, 224);
      const [rightEye, leftEye] = fiveFaceKeypoints(landmarks).map((p) => applySimilarityTransform(transform, p));
      expect(Math.hypot((leftEye?.[0] ?? 0) - (rightEye?.[0] ?? 0), (leftEye?.[1] ?? 0) - (rightEye?.[1] ?? 0))).toBeCloseTo(35.24 * 2 * 0.75, 0);
    }
  });

  it('needs the 468 mesh points', () => {
    expect(() => fiveFaceKeypoints([[1, 2, 0]])).toThrow(RangeError);
  });
});

describe('alignFace crops pixels (tfjs wasm in Node)', () => {
  beforeAll(useWasmBackend);

  it('moves marks painted on a rotated face\'s eyes to the template\'s eye positions, level', () => {
    const pose = poseOf(35, 1.6, 90, 20);
    const landmarks = syntheticFace(ARCFACE_ALIGNMENT_TEMPLATE, 112, pose);
    const [rightEye, leftEye] = fiveFaceKeypoints(landmarks);
    const [width, height] = [320, 280];
    const pixels = new Int32Array(width * height * 3);
    // The right eye marked in the red channel, the left in the green one.
    const paint = ([x, y]: PixelPoint, channel: number): void => {
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) pixels[((Math.round(y) + dy) * width + Math.round(x) + dx) * 3 + channel] = 255;
    };
    paint(rightEye as PixelPoint, 0);
    paint(leftEye as PixelPoint, 1);
    const image = tf.tensor3d(pixels, [height, width, 3], 'int32');
    const crop = alignFace(image, landmarks, ARCFACE_ALIGNMENT_TEMPLATE, 112);
    expect(crop.shape).toEqual([1, 112, 112, 3]);
    expect(crop.dtype).toBe('float32');
    const values = crop.dataSync();
    image.dispose();
    crop.dispose();
    /** Centroid of `channel`, weighted by its value. */
    const centroid = (channel: number): PixelPoint => {
      let [sx, sy, total] = [0, 0, 0];
      for (let y = 0; y < 112; y++) {
        for (let x = 0; x < 112; x++) {
          const value = values[(y * 112 + x) * 3 + channel] as number;
          [sx, sy, total] = [sx + x * value, sy + y * value, total + value];
        }
      }
      return [sx / total, sy / total];
    };
    const [right, left] = [centroid(0), centroid(1)];
    // Pixel centres sit at integer coordinates in tf.image.transform; the marks span 5 px, scaled by 1/1.6.
    expect(Math.abs(right[0] - 38.29)).toBeLessThan(1);
    expect(Math.abs(right[1] - 51.7)).toBeLessThan(1);
    expect(Math.abs(left[0] - 73.53)).toBeLessThan(1);
    expect(Math.abs(left[1] - 51.5)).toBeLessThan(1);
  });
});
