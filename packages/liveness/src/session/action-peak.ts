import type { MetricSample } from '../challenges/metric-sample.js';
import type { ChallengeStepKind } from '../protocol/challenge-plan.js';
import { HEAD_POSE_CONVENTION } from '../challenges/head-pose-convention.js';

/** How "far into" the action one sample is; higher is further. `null` when it cannot be measured. */
function actionExtent(kind: Exclude<ChallengeStepKind, 'readDigits'>, sample: MetricSample): number | null {
  switch (kind) {
    case 'blink':
      return sample.eyeAspectRatioLeft === null || sample.eyeAspectRatioRight === null
        ? null
        : -(sample.eyeAspectRatioLeft + sample.eyeAspectRatioRight) / 2;
    case 'mouthOpen':
      return sample.mouthAspectRatio;
    case 'turnLeft':
      return sample.yawDeg === null ? null : sample.yawDeg * HEAD_POSE_CONVENTION.personLeftYawSign;
    case 'turnRight':
      return sample.yawDeg === null ? null : -sample.yawDeg * HEAD_POSE_CONVENTION.personLeftYawSign;
    case 'nod':
      return sample.pitchDeg === null ? null : -sample.pitchDeg * HEAD_POSE_CONVENTION.chinUpPitchSign;
    case 'faceMatch':
      // The most frontal moment: the frame the server expects to see facing the camera.
      return sample.yawDeg === null || sample.pitchDeg === null ? null : -(Math.abs(sample.yawDeg) + Math.abs(sample.pitchDeg));
  }
}

/**
 * When the action of a passed step peaked, as the protocol's `eventsMs` wants it: a blink's lowest
 * mean eye aspect ratio, the widest mouth, the turn's or nod's extreme angle, the most frontal
 * pose for `faceMatch`, among the one-face samples in `[fromMs, toMs]` (the step's span, on the
 * samples' clock). `null` for `readDigits` or when no sample there measures the action.
 */
export function findActionPeak(kind: ChallengeStepKind, samples: readonly MetricSample[], fromMs: number, toMs: number): number | null {
  if (kind === 'readDigits') return null;
  let bestMs: number | null = null;
  let bestExtent = Number.NEGATIVE_INFINITY;
  for (const sample of samples) {
    if (sample.timestampMs < fromMs || sample.timestampMs > toMs || sample.faceCount !== 1) continue;
    const extent = actionExtent(kind, sample);
    if (extent !== null && extent > bestExtent) {
      bestExtent = extent;
      bestMs = sample.timestampMs;
    }
  }
  return bestMs;
}
