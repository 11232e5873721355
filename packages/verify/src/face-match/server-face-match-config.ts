// Types from the main entry: its declarations do not reach tfjs's (which need @types/long).
import type { FaceEmbeddingModelSpec, FaceMatchThresholds, ReferenceFaceConfig } from '@huoti/liveness';

/** Size limits for images the server decodes. */
export interface ServerImageLimits {
  /** Largest reference photo accepted, megapixels (a 12 MP phone photo fits). */
  readonly maxReferenceMegapixels: number;
  /** Largest evidence frame accepted, megapixels (best frames are small JPEGs, at most 50 KB). */
  readonly maxFrameMegapixels: number;
  /** Most memory the JPEG decoder may use for one image, MB. */
  readonly maxDecoderMemoryMb: number;
  /** Images with a longer side are shrunk to it before detection, pixels. */
  readonly maxAnalysedSidePx: number;
}

export const DEFAULT_SERVER_IMAGE_LIMITS: ServerImageLimits = Object.freeze({
  maxReferenceMegapixels: 40,
  maxFrameMegapixels: 4,
  maxDecoderMemoryMb: 512,
  maxAnalysedSidePx: 1280,
});

/** Options of `createServerFaceMatcher`. */
export interface ServerFaceMatcherOptions {
  /**
   * Folder holding `facemesh-detection-short`, `facemesh` and the embedding model (`.json` + `.bin`).
   * Default: the `dist/assets/models/` folder of the installed `@huoti/liveness`, the same files the
   * browser loads.
   */
  readonly modelDir?: string;
  /** Folder holding tfjs-backend-wasm's `.wasm` files. Default: that package's own `dist/`. */
  readonly wasmDir?: string;
  /** The embedding model. Default: `DEFAULT_FACE_EMBEDDING_MODEL`, the one the client uses. */
  readonly model?: FaceEmbeddingModelSpec;
  /** Per-strictness similarity thresholds. Default: `DEFAULT_FACE_MATCH_THRESHOLDS`. */
  readonly thresholds?: Partial<FaceMatchThresholds>;
  /** What makes a reference photo usable. Default: `DEFAULT_REFERENCE_FACE_CONFIG`. */
  readonly referenceFace?: ReferenceFaceConfig;
  readonly imageLimits?: Partial<ServerImageLimits>;
}
