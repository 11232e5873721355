import type { FaceMatchReferenceSource } from '../protocol/evidence-bundle.js';

/**
 * What a portal can enroll as the pensioner's reference: a photo (decoded in the browser, its one
 * face found and embedded in the worker) or a ready embedding of the engine's embedding model.
 * The SDK never fetches a reference by itself.
 */
export type FaceReferenceInput = ImageBitmap | Blob | HTMLImageElement | ImageData | Float32Array;

/** The reference in force: the session compares the best frame of every step with it. */
export interface EnrolledFaceReference {
  /** A photo the SDK embedded (`client-image`) or an embedding the portal gave (`client-embedding`). */
  readonly source: FaceMatchReferenceSource;
  /** Id of the embedding model (`FaceEmbeddingModelSpec.id`). */
  readonly model: string;
  /** The L2-normalised embedding (a copy of its own; stays on the device). */
  readonly embedding: Float32Array;
}
