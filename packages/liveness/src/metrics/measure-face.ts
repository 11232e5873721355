import type { FaceMetrics } from '../engine/frame-metrics.js';
import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import { eyeAspectRatios } from './eye-aspect-ratio.js';
import { centerOffset, landmarkBox } from './face-box.js';
import { headPose } from './head-pose.js';
import { imageQuality, type RgbaPixels } from './image-quality.js';
import { mouthAspectRatio } from './mouth-aspect-ratio.js';

/** Every per-face metric from one landmark set and the frame's pixels. Pure function. */
export function measureFace(landmarks: FaceLandmarks, pixels: RgbaPixels, shouldIncludeLandmarks: boolean): FaceMetrics {
  const box = landmarkBox(landmarks, pixels.width, pixels.height);
  const quality = imageQuality(pixels, box);
  return {
    box,
    centerOffset: centerOffset(box),
    widthRatio: box.width,
    areaRatio: box.width * box.height,
    eyeAspectRatio: eyeAspectRatios(landmarks),
    mouthAspectRatio: mouthAspectRatio(landmarks),
    headPose: headPose(landmarks),
    brightness: quality.brightness,
    sharpness: quality.sharpness,
    ...(shouldIncludeLandmarks ? { landmarks } : {}),
  };
}
