import * as tf from '@tensorflow/tfjs-core';
import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import type { AlignmentTemplate } from './alignment-template.js';
import { faceAlignmentTransform } from './face-alignment-transform.js';
import { invertSimilarityTransform } from './similarity-transform.js';

/**
 * Crops, rotates and scales the face to a `[1, cropSizePx, cropSizePx, 3]` float32 tensor (pixel
 * values 0–255, bilinear, black outside the frame) with `tf.image.transform`, which both the
 * webgl and the wasm backend implement. Does not dispose `image`; the caller owns the result.
 *
 * @param image `[height, width, 3]` RGB frame, 0–255 (int32 or float32).
 * @throws {RangeError} when `landmarks` has fewer than 468 points or they are degenerate.
 */
export function alignFace(image: tf.Tensor3D, landmarks: FaceLandmarks, template: AlignmentTemplate, cropSizePx: number): tf.Tensor4D {
  // tf.image.transform maps each OUTPUT pixel to the input pixel it samples, so it takes the inverse.
  const { a, b, tx, ty } = invertSimilarityTransform(faceAlignmentTransform(landmarks, template, cropSizePx));
  return tf.tidy(() => {
    const batch = tf.expandDims(tf.cast(image, 'float32'), 0) as tf.Tensor4D;
    const matrix = tf.tensor2d([[a, -b, tx, b, a, ty, 0, 0]], [1, 8], 'float32');
    return tf.image.transform(batch, matrix, 'bilinear', 'constant', 0, [cropSizePx, cropSizePx]);
  });
}
