import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { FACE_MESH_INDICES } from './face-mesh-indices.js';
import type { FaceLandmarks, LandmarkPoint } from './landmark-point.js';

/** Geometry of the MediaPipe iris model (`iris.json`): one 64x64 RGB eye crop in, 76 points out. */
export const IRIS_MODEL_GEOMETRY = Object.freeze({
  inputSizePx: 64,
  pointsPerEye: 76,
  /** Index of the first iris point (centre) after the 71 eye-contour/brow points. */
  irisStartIndex: 71,
  /** Iris-model indices of the lower lid (9 points) and upper lid (7 points). */
  lowerLid: Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8] as const),
  upperLid: Object.freeze([9, 10, 11, 12, 13, 14, 15] as const),
});

/** Tunables of the eye crops fed to the iris model. */
export interface IrisRefinementConfig {
  /** Crop side as a multiple of the eye-corner distance (MediaPipe uses 2.3). */
  readonly cropScaleRatio: number;
}

/** Named defaults for {@link IrisRefinementConfig}. */
export const DEFAULT_IRIS_REFINEMENT_CONFIG: IrisRefinementConfig = Object.freeze({ cropScaleRatio: 2.3 });

interface EyeCrop {
  readonly x0: number;
  readonly y0: number;
  readonly sizePx: number;
  /** The model is trained on one eye; the other is mirrored in and out (MediaPipe does the same). */
  readonly isMirrored: boolean;
}

function eyeCrop(landmarks: FaceLandmarks, cornerA: number, cornerB: number, isMirrored: boolean, scaleRatio: number): EyeCrop {
  const a = landmarks[cornerA] as LandmarkPoint;
  const b = landmarks[cornerB] as LandmarkPoint;
  const sizePx = Math.max(Math.hypot(a[0] - b[0], a[1] - b[1]), 1) * scaleRatio;
  const cx = (a[0] + b[0]) / 2;
  const cy = (a[1] + b[1]) / 2;
  return { x0: cx - sizePx / 2, y0: cy - sizePx / 2, sizePx, isMirrored };
}

/**
 * Replaces the eyelid contours of a 468-point mesh with the iris model's, and appends the two
 * 5-point irises (indices 468–477, MediaPipe's refined layout). Runs both eyes in one batch.
 *
 * @param image - The analysed frame, `[height, width, 3]`, values 0–255.
 * @returns A new landmark array; the input is not modified. Disposes every tensor it creates.
 */
export async function refineEyesWithIris(
  model: GraphModel,
  image: tf.Tensor3D,
  landmarks: FaceLandmarks,
  config: IrisRefinementConfig = DEFAULT_IRIS_REFINEMENT_CONFIG,
): Promise<LandmarkPoint[]> {
  const [heightPx, widthPx] = image.shape;
  const { inputSizePx, pointsPerEye, irisStartIndex, lowerLid, upperLid } = IRIS_MODEL_GEOMETRY;
  const crops = [
    eyeCrop(landmarks, FACE_MESH_INDICES.rightEyeOuter, FACE_MESH_INDICES.rightEye.inner, false, config.cropScaleRatio),
    eyeCrop(landmarks, FACE_MESH_INDICES.leftEyeOuter, FACE_MESH_INDICES.leftEye.inner, true, config.cropScaleRatio),
  ];
  const output = tf.tidy(() => {
    const boxes = crops.map((c) => [c.y0 / heightPx, c.x0 / widthPx, (c.y0 + c.sizePx) / heightPx, (c.x0 + c.sizePx) / widthPx]);
    const batch = tf.expandDims(tf.div(tf.cast(image, 'float32'), 255), 0) as tf.Tensor4D;
    const cropped = tf.image.cropAndResize(batch, boxes, [0, 0], [inputSizePx, inputSizePx]);
    const [right, left] = tf.split(cropped, 2, 0) as [tf.Tensor4D, tf.Tensor4D];
    const input = tf.concat([right, tf.image.flipLeftRight(left)], 0);
    return model.execute(input) as tf.Tensor;
  });
  const values = await output.data();
  output.dispose();

  const refined: LandmarkPoint[] = landmarks.slice(0, 468).map((p) => [p[0], p[1], p[2]] as const);
  const eyes = [
    { crop: crops[0] as EyeCrop, lower: FACE_MESH_INDICES.rightEyeLower0, upper: FACE_MESH_INDICES.rightEyeUpper0 },
    { crop: crops[1] as EyeCrop, lower: FACE_MESH_INDICES.leftEyeLower0, upper: FACE_MESH_INDICES.leftEyeUpper0 },
  ];
  const irises: LandmarkPoint[] = [];
  eyes.forEach(({ crop, lower, upper }, eye) => {
    const base = eye * pointsPerEye * 3;
    const point = (i: number, z: number): LandmarkPoint => {
      const u = (values[base + i * 3] ?? 0) / inputSizePx;
      const v = (values[base + i * 3 + 1] ?? 0) / inputSizePx;
      return [crop.x0 + (crop.isMirrored ? 1 - u : u) * crop.sizePx, crop.y0 + v * crop.sizePx, z];
    };
    lowerLid.forEach((modelIndex, j) => {
      const meshIndex = lower[j] as number;
      refined[meshIndex] = point(modelIndex, (refined[meshIndex] as LandmarkPoint)[2]);
    });
    upperLid.forEach((modelIndex, j) => {
      const meshIndex = upper[j] as number;
      refined[meshIndex] = point(modelIndex, (refined[meshIndex] as LandmarkPoint)[2]);
    });
    // The iris model's z is unreliable (MediaPipe says so too): use the lid-centre depth.
    const lidZ = (refined[upper[3] as number] as LandmarkPoint)[2];
    for (let k = 0; k < 5; k += 1) irises.push(point(irisStartIndex + k, lidZ));
  });
  return [...refined, ...irises];
}
