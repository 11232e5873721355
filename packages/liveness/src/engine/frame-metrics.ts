import type { LandmarkPoint } from '../landmarks/landmark-point.js';
import type { PlanarPoint } from '../presentation/planar-point.js';
import type { HeadPose } from '../metrics/head-pose.js';
import type { NormalizedBox } from '../metrics/face-box.js';
import type { EyeAspectRatios } from '../metrics/eye-aspect-ratio.js';

/** Measurements of one face. Coordinates are normalised to the frame (0–1); no pass/fail here. */
export interface FaceMetrics {
  /** Bounding box of the landmarks. */
  readonly box: NormalizedBox;
  /** Box centre minus frame centre, per axis (−0.5…0.5); positive is right/down in the image. */
  readonly centerOffset: { readonly x: number; readonly y: number };
  /** Box width ÷ frame width. */
  readonly widthRatio: number;
  /** Box area ÷ frame area. */
  readonly areaRatio: number;
  /** Eye aspect ratio (Soukupová & Čech 2016) per eye, the person's own left/right. */
  readonly eyeAspectRatio: EyeAspectRatios;
  /** Inner-lip mouth aspect ratio. */
  readonly mouthAspectRatio: number;
  readonly headPose: HeadPose;
  /** Mean luma (BT.601, 0–255) inside the box. */
  readonly brightness: number;
  /** Variance of the 4-neighbour Laplacian of luma inside the box; higher is sharper. */
  readonly sharpness: number;
  /** Landmarks in analysed-frame pixels, only when `includeLandmarks` was asked for. */
  readonly landmarks?: readonly LandmarkPoint[];
  /**
   * The image positions (analysed-frame pixels) of `STABLE_LANDMARK_INDICES`, in that order, for
   * the planarity signal; the worker always adds them to the primary face.
   */
  readonly stableLandmarks?: readonly PlanarPoint[];
}

/** What the worker measured on one frame. */
export interface WorkerFrameMetrics {
  readonly faceCount: number;
  /** The largest face, or `null` when none was found. */
  readonly primaryFace: FaceMetrics | null;
  /** The other faces, largest first (only their boxes, plus landmarks when asked for). */
  readonly otherFaces: readonly Pick<FaceMetrics, 'box' | 'landmarks'>[];
  readonly frameWidthPx: number;
  readonly frameHeightPx: number;
  /** ms spent in the worker on this frame: pixels, detection, mesh, refinement, metrics. */
  readonly inferenceMs: number;
}

/** Everything `engine.watch()` yields per analysed frame. */
export interface FrameMetrics extends WorkerFrameMetrics {
  /** Counts analysed frames from 0 in this `watch()`. */
  readonly frameIndex: number;
  /** The camera's capture time of the frame (ms, `performance.now()` clock), when the browser reports it. */
  readonly cameraTimestampMs: number;
  /** ms from grabbing the frame to receiving its metrics. */
  readonly roundTripMs: number;
  /** Camera frames not analysed because one was in flight (or the consumer was busy), since `watch()` began. */
  readonly droppedFrameCount: number;
}
