import type { MetricSample } from '../challenges/metric-sample.js';
import type { FrameMetrics } from '../engine/frame-metrics.js';

/** A measurement the engine could not make comes out `NaN`; the challenges want `null`. */
const finiteOrNull = (value: number | undefined): number | null => (value !== undefined && Number.isFinite(value) ? value : null);

/**
 * Adapts the engine's per-frame metrics to the challenge detectors' {@link MetricSample}: the time
 * is the camera's capture time, the measurements are those of the largest face (the engine's
 * `primaryFace`), and anything not measured (no face, `NaN`) is `null`. The engine reports no
 * whole-frame brightness, so `frameBrightness` is `null` and the backlight guard stays idle.
 */
export function toMetricSample(frame: Pick<FrameMetrics, 'faceCount' | 'primaryFace' | 'cameraTimestampMs'>): MetricSample {
  const face = frame.faceCount > 0 ? frame.primaryFace : null;
  return {
    timestampMs: frame.cameraTimestampMs,
    faceCount: frame.faceCount,
    eyeAspectRatioLeft: finiteOrNull(face?.eyeAspectRatio.left),
    eyeAspectRatioRight: finiteOrNull(face?.eyeAspectRatio.right),
    mouthAspectRatio: finiteOrNull(face?.mouthAspectRatio),
    yawDeg: finiteOrNull(face?.headPose.yawDeg),
    pitchDeg: finiteOrNull(face?.headPose.pitchDeg),
    rollDeg: finiteOrNull(face?.headPose.rollDeg),
    faceBox: face ? { x: face.box.x, y: face.box.y, width: face.box.width, height: face.box.height } : null,
    brightness: finiteOrNull(face?.brightness),
    frameBrightness: null,
    sharpness: finiteOrNull(face?.sharpness),
  };
}
