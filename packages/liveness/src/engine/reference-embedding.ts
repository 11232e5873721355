import { HuotiError } from '../errors/huoti-error.js';
import type { FaceEmbeddingModelSpec } from '../face-match/face-embedding-model-spec.js';

/**
 * A portal-supplied embedding, checked against the engine's model and L2-normalised into a copy.
 *
 * @throws {HuotiError} `INVALID_INPUT` when its length is not the model's, or a value is not finite,
 *   or it is all zeros.
 */
export function normaliseReferenceEmbedding(embedding: Float32Array, spec: FaceEmbeddingModelSpec): Float32Array {
  if (embedding.length !== spec.embeddingLength) {
    throw new HuotiError('INVALID_INPUT', `a ${spec.id} embedding has ${spec.embeddingLength} values, the reference has ${embedding.length}`);
  }
  let sumOfSquares = 0;
  for (const value of embedding) {
    if (!Number.isFinite(value)) throw new HuotiError('INVALID_INPUT', 'the reference embedding holds a value that is not finite');
    sumOfSquares += value * value;
  }
  if (sumOfSquares === 0) throw new HuotiError('INVALID_INPUT', 'the reference embedding is all zeros');
  const norm = Math.sqrt(sumOfSquares);
  return Float32Array.from(embedding, (value) => value / norm);
}
