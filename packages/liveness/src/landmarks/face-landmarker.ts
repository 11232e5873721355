import * as faceLandmarksDetection from '@tensorflow-models/face-landmarks-detection';
import type * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel, type GraphModel } from '@tensorflow/tfjs-converter';
import type { io } from '@tensorflow/tfjs-core';
import { refineEyesWithIris, DEFAULT_IRIS_REFINEMENT_CONFIG, type IrisRefinementConfig } from './iris-eye-refiner.js';
import type { LandmarkPoint } from './landmark-point.js';

/** Where each graph comes from: IOHandlers, so the caller decides how bytes are fetched. */
export interface FaceLandmarkerOptions {
  /** `facemesh-detection-short` (BlazeFace short range, 128x128 in, `Identity:0` [1,896,17] out). */
  readonly detectorModel: io.IOHandler;
  /** `facemesh` (192x192 in, `output_mesh`/`output_faceflag`), or `facemesh-attention` when `isAttentionMesh`. */
  readonly meshModel: io.IOHandler;
  /** `iris` (64x64 eye crop in); required when eyes are refined with the iris model. */
  readonly irisModel?: io.IOHandler;
  /** `true` when `meshModel` is the attention mesh: the library then returns 478 refined points. */
  readonly isAttentionMesh: boolean;
  /** Most faces reported per frame. */
  readonly maxFaces: number;
  readonly irisRefinement?: IrisRefinementConfig;
}

/** One face found in a frame. */
export interface DetectedFace {
  /** 468 mesh points, or 478 when eyes were refined (iris model or attention mesh). */
  readonly landmarks: LandmarkPoint[];
}

/** Face detection + mesh (+ optional eye refinement) on tfjs tensors; no DOM needed. */
export interface FaceLandmarker {
  /** Finds faces in a `[height, width, 3]` frame (0–255). Does not dispose `image`. */
  estimate(image: tf.Tensor3D): Promise<DetectedFace[]>;
  /** Forgets the face tracked from the previous frame. */
  reset(): void;
  dispose(): void;
}

/**
 * Loads face-landmarks-detection with `runtime: 'tfjs'` from the given graphs (never from a hub),
 * plus the iris model when given.
 */
export async function createFaceLandmarker(options: FaceLandmarkerOptions): Promise<FaceLandmarker> {
  const detector = await faceLandmarksDetection.createDetector(faceLandmarksDetection.SupportedModels.MediaPipeFaceMesh, {
    runtime: 'tfjs',
    maxFaces: options.maxFaces,
    refineLandmarks: options.isAttentionMesh,
    detectorModelUrl: options.detectorModel,
    landmarkModelUrl: options.meshModel,
  });
  let irisModel: GraphModel | undefined;
  try {
    irisModel = options.irisModel ? await loadGraphModel(options.irisModel) : undefined;
  } catch (error) {
    detector.dispose();
    throw error;
  }
  const irisConfig = options.irisRefinement ?? DEFAULT_IRIS_REFINEMENT_CONFIG;
  return {
    async estimate(image) {
      const faces = await detector.estimateFaces(image, { flipHorizontal: false, staticImageMode: false });
      const result: DetectedFace[] = [];
      for (const face of faces) {
        const landmarks: LandmarkPoint[] = face.keypoints.map((k) => [k.x, k.y, k.z ?? 0] as const);
        result.push({ landmarks: irisModel ? await refineEyesWithIris(irisModel, image, landmarks, irisConfig) : landmarks });
      }
      return result;
    },
    reset: () => detector.reset(),
    dispose: () => {
      detector.dispose();
      irisModel?.dispose();
    },
  };
}
