import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import { alignFace } from './face-alignment.js';
import type { FaceEmbeddingModelSpec } from './face-embedding-model-spec.js';

/** Turns a face into an L2-normalised embedding vector; cosine similarity compares two of them. */
export interface FaceEmbedder {
  readonly spec: FaceEmbeddingModelSpec;
  /**
   * Aligns the face given by `landmarks` (pixels of `image`), runs the model and returns the
   * L2-normalised embedding (length `spec.embeddingLength`). Every intermediate tensor is disposed;
   * `image` is not.
   *
   * @param image `[height, width, 3]` RGB, 0–255, unmirrored (as the camera sees the person).
   * @throws {RangeError} when `landmarks` has fewer than 468 points or the face is degenerate.
   */
  embed(image: tf.Tensor3D, landmarks: FaceLandmarks): Float32Array;
  /** Like `embed`, but reads the result back without blocking (better on webgl). */
  embedAsync(image: tf.Tensor3D, landmarks: FaceLandmarks): Promise<Float32Array>;
  /** Disposes the model. */
  dispose(): void;
}

/** Smallest norm treated as non-zero when normalising (a blank crop can give an all-zero vector). */
const MIN_EMBEDDING_NORM = 1e-12;

/**
 * Wraps a loaded face-embedding graph model. Backend-agnostic: runs on whatever tfjs backend is
 * active (webgl or wasm in the worker, wasm in Node).
 */
export function createFaceEmbedder(model: GraphModel, spec: FaceEmbeddingModelSpec): FaceEmbedder {
  const normalisedEmbedding = (image: tf.Tensor3D, landmarks: FaceLandmarks): tf.Tensor1D =>
    tf.tidy(() => {
      const crop = alignFace(image, landmarks, spec.template, spec.inputSizePx);
      const input = tf.add(tf.mul(crop, spec.normalisation.scale), spec.normalisation.offset);
      const output = model.execute(input, spec.outputName) as tf.Tensor;
      const vector = tf.reshape(output, [-1]) as tf.Tensor1D;
      const norm = tf.maximum(tf.norm(vector), MIN_EMBEDDING_NORM);
      return tf.div(vector, norm) as tf.Tensor1D;
    });
  return {
    spec,
    embed(image, landmarks) {
      const embedding = normalisedEmbedding(image, landmarks);
      try {
        return embedding.dataSync() as Float32Array;
      } finally {
        embedding.dispose();
      }
    },
    async embedAsync(image, landmarks) {
      const embedding = normalisedEmbedding(image, landmarks);
      try {
        return (await embedding.data()) as Float32Array;
      } finally {
        embedding.dispose();
      }
    },
    dispose: () => model.dispose(),
  };
}
