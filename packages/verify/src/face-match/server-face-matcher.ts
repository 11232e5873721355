import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import {
  DEFAULT_FACE_EMBEDDING_MODEL,
  DEFAULT_REFERENCE_FACE_CONFIG,
  MODEL_ASSET_NAMES,
  checkReferenceFaces,
  cosineSimilarity,
  createFaceEmbedder,
  createFaceLandmarker,
  resolveFaceMatchThresholds,
  type DetectedFace,
  type FaceEmbedder,
  type FaceLandmarker,
} from '@huoti/liveness/face-match';
import type { BestFrame, EvidenceBundle, Strictness } from '@huoti/liveness/protocol';
import { VerifyError } from '../errors/verify-error.js';
import { decodeImage } from './decode-image.js';
import { diskGraphModel } from './disk-graph-model.js';
import { downscaleToFit } from './downscale-image.js';
import type { EvidenceFaceComparison, FrameComparison } from './evidence-face-comparison.js';
import type { RgbImage } from './rgb-image.js';
import { DEFAULT_SERVER_IMAGE_LIMITS, type ServerFaceMatcherOptions } from './server-face-match-config.js';

/** What `compareEvidence` reads from an `Evidence`: the plan's strictness and the best frames. */
export interface EvidenceFrames {
  readonly plan: { readonly strictness: Strictness };
  readonly bestFrames?: readonly BestFrame[];
}

/** Face match on the server: the same landmarker and embedding model as the browser, on tfjs wasm in Node. */
export interface ServerFaceMatcher {
  /** The embedding model's id (`faceres`); store it with each reference embedding. */
  readonly model: string;
  /**
   * The L2-normalised embedding of the one face in a reference photo (JPEG or PNG bytes). Biometric
   * data: store it like the photo itself.
   *
   * @throws {VerifyError} `IMAGE_DECODE_FAILED`, `REFERENCE_NO_FACE`, `REFERENCE_MULTIPLE_FACES`, `REFERENCE_FACE_TOO_SMALL`.
   */
  embedReference(imageBytes: Uint8Array): Promise<Float32Array>;
  /**
   * Embeds the evidence's best frames and compares each with `referenceEmbedding`. Verify the
   * bundle first (`verifyEvidence`): this trusts that the frames belong to the run. A frame that
   * does not decode or shows no face or several faces counts as not matching; it never throws for
   * the bundle's content.
   *
   * @param evidence The bundle, or its `evidence`.
   * @param strictness Picks the threshold; default: the plan's strictness.
   * @throws {VerifyError} `INVALID_OPTIONS` when the reference embedding is not one of this model's.
   */
  compareEvidence(evidence: EvidenceBundle | EvidenceFrames, referenceEmbedding: ArrayLike<number>, strictness?: Strictness): Promise<EvidenceFaceComparison>;
  /** Disposes the models. The tfjs backend stays registered for the process. */
  dispose(): void;
}

/** `dist/assets/models/` of the installed `@huoti/liveness`: the files its build copies for the browser. */
function defaultModelDir(): string {
  const livenessPackage = createRequire(import.meta.url).resolve('@huoti/liveness/package.json');
  return join(dirname(livenessPackage), 'dist', 'assets', 'models');
}

function defaultWasmDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
}

const modelName = (assetName: string): string => basename(assetName).replace(/\.json$/, '');

const base64ToBytes = (base64: string): Uint8Array => {
  const buffer = Buffer.from(base64, 'base64');
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
};

/**
 * Loads the face detector, mesh and embedding model from disk and switches tfjs to its wasm
 * backend (process-wide: tfjs has one active backend). Reuse one matcher per process; calls run
 * one at a time on tfjs's single thread.
 *
 * @throws {VerifyError} `MODEL_LOAD_FAILED` when a model file is missing or the wasm backend does not start.
 */
export async function createServerFaceMatcher(options: ServerFaceMatcherOptions = {}): Promise<ServerFaceMatcher> {
  const modelDir = options.modelDir ?? defaultModelDir();
  const spec = options.model ?? DEFAULT_FACE_EMBEDDING_MODEL;
  const thresholds = resolveFaceMatchThresholds(options.thresholds);
  const referenceFace = options.referenceFace ?? DEFAULT_REFERENCE_FACE_CONFIG;
  const limits = { ...DEFAULT_SERVER_IMAGE_LIMITS, ...options.imageLimits };
  let landmarker: FaceLandmarker;
  let embedder: FaceEmbedder;
  try {
    setWasmPaths(`${options.wasmDir ?? defaultWasmDir()}/`);
    if (!(await tf.setBackend('wasm'))) throw new Error('tfjs could not start its wasm backend');
    landmarker = await createFaceLandmarker({
      detectorModel: diskGraphModel(modelDir, modelName(MODEL_ASSET_NAMES.detector)),
      meshModel: diskGraphModel(modelDir, modelName(MODEL_ASSET_NAMES.mesh)),
      isAttentionMesh: false,
      // Two, so that a second face in a reference photo is seen and refused.
      maxFaces: 2,
    });
    try {
      embedder = createFaceEmbedder(await loadGraphModel(diskGraphModel(modelDir, modelName(spec.assetName))), spec);
    } catch (error) {
      landmarker.dispose();
      throw error;
    }
  } catch (error) {
    throw new VerifyError('MODEL_LOAD_FAILED', `face-match models from ${modelDir} did not load: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }

  /** Faces in an image, each frame judged on its own (no tracking from the previous image). */
  const detect = async (image: RgbImage): Promise<{ tensor: tf.Tensor3D; faces: DetectedFace[] }> => {
    const analysed = downscaleToFit(image, limits.maxAnalysedSidePx);
    const tensor = tf.tensor3d(analysed.data, [analysed.height, analysed.width, 3], 'int32');
    try {
      landmarker.reset();
      return { tensor, faces: await landmarker.estimate(tensor) };
    } catch (error) {
      tensor.dispose();
      throw error;
    }
  };

  const compareFrame = async (frame: BestFrame, reference: ArrayLike<number>): Promise<FrameComparison> => {
    let image: RgbImage;
    try {
      image = decodeImage(base64ToBytes(frame.jpegBase64), { maxMegapixels: limits.maxFrameMegapixels, maxMemoryMb: limits.maxDecoderMemoryMb });
    } catch (error) {
      if (error instanceof VerifyError) return { timeMs: frame.timeMs, similarity: null, problem: 'undecodable' };
      throw error;
    }
    const { tensor, faces } = await detect(image);
    try {
      const [face] = faces;
      if (!face) return { timeMs: frame.timeMs, similarity: null, problem: 'no_face' };
      // Somebody else in the frame could be the one who did the challenge: do not pick a face.
      if (faces.length > 1) return { timeMs: frame.timeMs, similarity: null, problem: 'multiple_faces' };
      return { timeMs: frame.timeMs, similarity: cosineSimilarity(embedder.embed(tensor, face.landmarks), reference) };
    } finally {
      tensor.dispose();
    }
  };

  return {
    model: spec.id,
    async embedReference(imageBytes) {
      const image = decodeImage(imageBytes, { maxMegapixels: limits.maxReferenceMegapixels, maxMemoryMb: limits.maxDecoderMemoryMb });
      const { tensor, faces } = await detect(image);
      try {
        const check = checkReferenceFaces(faces, referenceFace);
        if (!check.ok) throw new VerifyError(check.code, check.message);
        return embedder.embed(tensor, check.landmarks);
      } finally {
        tensor.dispose();
      }
    },
    async compareEvidence(input, referenceEmbedding, strictness) {
      const evidence = 'evidence' in input ? input.evidence : input;
      if (referenceEmbedding.length !== spec.embeddingLength) {
        throw new VerifyError('INVALID_OPTIONS', `a ${spec.id} embedding has ${spec.embeddingLength} values, the reference has ${referenceEmbedding.length}`);
      }
      const level = strictness ?? evidence.plan.strictness;
      const threshold = thresholds[level];
      const frames: FrameComparison[] = [];
      for (const frame of evidence.bestFrames ?? []) frames.push(await compareFrame(frame, referenceEmbedding));
      const similarities = frames.flatMap((frame) => (frame.similarity === null ? [] : [frame.similarity]));
      const minSimilarity = similarities.length > 0 ? Math.min(...similarities) : null;
      const isMatch = frames.length > 0 && similarities.length === frames.length && (minSimilarity ?? -Infinity) >= threshold;
      return Object.freeze({
        decision: frames.length === 0 ? 'no_frames' : isMatch ? 'match' : 'mismatch',
        model: spec.id,
        strictness: level,
        threshold,
        frames: Object.freeze(frames),
        minSimilarity,
      });
    },
    dispose() {
      landmarker.dispose();
      embedder.dispose();
    },
  };
}
