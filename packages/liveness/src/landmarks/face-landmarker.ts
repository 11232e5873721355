import * as faceLandmarksDetection from '@tensorflow-models/face-landmarks-detection';
import * as tf from '@tensorflow/tfjs-core';
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
  /** Runs every graph once on blank input so the first real frame does not pay for shader/kernel set-up. */
  warmUp(widthPx: number, heightPx: number): Promise<void>;
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
    async warmUp(widthPx, heightPx) {
      const blank = tf.zeros([heightPx, widthPx, 3], 'int32') as tf.Tensor3D;
      try {
        // A blank frame has no face, so the mesh would never run. Seeding the tracker's ROI (an
        // internal field of face-landmarks-detection 1.0.6, pinned) runs the exact per-face path
        // (crop transform, mesh, face flag) once; without the field the first face pays instead.
        const internals = detector as unknown as { prevFaceRectsFromLandmarks?: unknown };
        if ('prevFaceRectsFromLandmarks' in internals) {
          internals.prevFaceRectsFromLandmarks = [{ xCenter: 0.5, yCenter: 0.5, width: 0.5, height: 0.5, rotation: 0 }];
        }
        await detector.estimateFaces(blank, { flipHorizontal: false, staticImageMode: false });
        if (irisModel) {
          const [x, y] = [widthPx / 2, heightPx / 2];
          const points: LandmarkPoint[] = Array.from({ length: 468 }, (_, i) => [x + (i % 7) * 4, y + (i % 5) * 3, 0] as const);
          await refineEyesWithIris(irisModel, blank, points, irisConfig);
        }
      } finally {
        blank.dispose();
      }
      detector.reset();
    },
    dispose: () => {
      detector.dispose();
      irisModel?.dispose();
    },
  };
}
