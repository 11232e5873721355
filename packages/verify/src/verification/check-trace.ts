import type {
  ChallengeStep,
  ChallengeStepKind,
  EvidenceBundle,
  MetricFrame,
  StepOutcome,
  StepTrace,
  StrictnessLimits,
} from '@huoti/liveness/protocol';
import type { VerificationReason } from './verification-reason.js';

/** Frame tuple positions (see `METRIC_FRAME_FIELDS`). */
const TIME = 0;
const FACE_COUNT = 1;
const BOX_X = 2;
const BOX_Y = 3;
const BOX_WIDTH = 4;
const BOX_HEIGHT = 5;
const EAR_LEFT = 6;
const EAR_RIGHT = 7;
const MAR = 8;
const YAW = 9;
const PITCH = 10;

/** Yaw is positive when the person turns to their own left (the engine's HEAD_POSE_CONVENTION). */
const PERSON_LEFT_YAW_SIGN = 1;
/** Pitch is positive when the chin goes up; a nod goes down. */
const CHIN_UP_PITCH_SIGN = 1;
/** The mouth's closed level is this percentile of its aspect ratio over the step. */
const MOUTH_BASELINE_PERCENTILE = 0.2;

/**
 * Two frames closer than half the fastest plausible frame interval are not camera frames.
 */
const MIN_INTERVAL_FRACTION = 0.5;

type Report = (reason: VerificationReason) => void;

/**
 * Internal: checks that a structurally valid bundle's trace is consistent with its plan under
 * `profile` — frame timing, step order and timing, detected events against the frames, digit
 * responses against their windows, one continuous face — and reports each problem.
 */
export function checkTrace(bundle: EvidenceBundle, profile: StrictnessLimits, report: Report): void {
  const { plan, trace } = bundle.evidence;
  const frames = trace.frames;
  const isMonotonic = checkFrameTiming(frames, profile, report);

  const planSteps = plan.steps;
  const isAligned =
    bundle.steps.length === planSteps.length &&
    trace.steps.length === planSteps.length &&
    planSteps.every((step, index) => bundle.steps[index]?.kind === step.kind && trace.steps[index]?.kind === step.kind);
  if (!isAligned) {
    report('steps_mismatch');
    return;
  }

  const frontalYawDeg = median(frames.filter((frame) => frame[FACE_COUNT] === 1).map((frame) => frame[YAW]));
  let previousEndMs: number | undefined;
  planSteps.forEach((step, index) => {
    const outcome = bundle.steps[index] as StepOutcome;
    const stepTrace = trace.steps[index] as StepTrace;
    const startMs = outcome.startedAt;
    const endMs = startMs + outcome.durationMs;
    if (outcome.durationMs > (step.timeoutMs ?? profile.stepTimeoutMs)) report('step_timeout');
    if (previousEndMs !== undefined) {
      if (startMs < previousEndMs) report('step_out_of_order');
      else if (startMs - previousEndMs > profile.maxStepGapMs) report('step_gap_too_long');
    }
    previousEndMs = endMs;
    const firstFrameMs = (frames[0] as MetricFrame)[TIME];
    const lastFrameMs = (frames.at(-1) as MetricFrame)[TIME];
    if (firstFrameMs > startMs || lastFrameMs < endMs - profile.maxFrameGapMs) report('trace_incomplete');

    if (step.kind === 'readDigits') checkDigitResponses(step, stepTrace, startMs, endMs, profile, report);
    else checkEvents(step.kind, stepTrace.eventsMs, startMs, endMs, frames, isMonotonic, frontalYawDeg, profile, report);
  });

  const stepsStartMs = (bundle.steps[0] as StepOutcome).startedAt;
  const lastOutcome = bundle.steps.at(-1) as StepOutcome;
  checkFace(frames, stepsStartMs, lastOutcome.startedAt + lastOutcome.durationMs, profile, report);
}

/** Reports timing problems; returns whether frame times strictly increase. */
function checkFrameTiming(frames: readonly MetricFrame[], profile: StrictnessLimits, report: Report): boolean {
  if (frames.length < 2) {
    report('trace_incomplete');
    return true;
  }
  const minIntervalMs = (1_000 / profile.maxFps) * MIN_INTERVAL_FRACTION;
  let isMonotonic = true;
  let hasTooShortInterval = false;
  let hasTooLongGap = false;
  for (let index = 1; index < frames.length; index++) {
    const intervalMs = (frames[index] as MetricFrame)[TIME] - (frames[index - 1] as MetricFrame)[TIME];
    if (intervalMs <= 0) isMonotonic = false;
    else if (intervalMs < minIntervalMs) hasTooShortInterval = true;
    if (intervalMs > profile.maxFrameGapMs) hasTooLongGap = true;
  }
  const spanMs = (frames.at(-1) as MetricFrame)[TIME] - (frames[0] as MetricFrame)[TIME];
  const fps = spanMs > 0 ? ((frames.length - 1) * 1_000) / spanMs : Infinity;
  if (!isMonotonic || hasTooShortInterval || fps < profile.minFps || fps > profile.maxFps) report('frame_timing_implausible');
  if (hasTooLongGap) report('frame_gap_too_long');
  return isMonotonic;
}

function checkEvents(
  kind: Exclude<ChallengeStepKind, 'readDigits'>,
  eventsMs: readonly number[],
  startMs: number,
  endMs: number,
  frames: readonly MetricFrame[],
  isMonotonic: boolean,
  frontalYawDeg: number,
  profile: StrictnessLimits,
  report: Report,
): void {
  if (eventsMs.length === 0) {
    report('event_missing');
    return;
  }
  let previousMs = -Infinity;
  for (const eventMs of eventsMs) {
    if (eventMs < startMs || eventMs > endMs || eventMs < previousMs) {
      report('event_outside_window');
      return;
    }
    previousMs = eventMs;
  }
  // Binary search needs ordered frames; unordered ones were already reported.
  if (!isMonotonic) return;
  const stepFrames = framesBetween(frames, startMs, endMs);
  const isCorroborated = eventsMs.every((eventMs) => {
    const near = framesBetween(frames, eventMs - profile.eventToleranceMs, eventMs + profile.eventToleranceMs);
    return near.length > 0 && showsAction(kind, near, stepFrames, frontalYawDeg, profile);
  });
  if (!isCorroborated) report('event_not_corroborated');
}

/**
 * Whether the frames around an event (`near`) show the action, relative to the person's own
 * levels over the step (eyes, mouth, pitch) or the whole trace (frontal yaw), as the client's
 * adaptive detectors judge it.
 */
function showsAction(
  kind: Exclude<ChallengeStepKind, 'readDigits'>,
  near: readonly MetricFrame[],
  stepFrames: readonly MetricFrame[],
  frontalYawDeg: number,
  profile: StrictnessLimits,
): boolean {
  const nearFace = near.filter((frame) => frame[FACE_COUNT] === 1);
  const stepFace = stepFrames.filter((frame) => frame[FACE_COUNT] === 1);
  if (nearFace.length === 0 || stepFace.length === 0) return false;
  switch (kind) {
    case 'blink': {
      const meanEar = (frame: MetricFrame): number => (frame[EAR_LEFT] + frame[EAR_RIGHT]) / 2;
      const openEar = median(stepFace.map(meanEar));
      return openEar > 0 && Math.min(...nearFace.map(meanEar)) <= profile.blinkClosedRatio * openEar;
    }
    case 'mouthOpen': {
      const closedMar = percentile(stepFace.map((frame) => frame[MAR]), MOUTH_BASELINE_PERCENTILE);
      return Math.max(...nearFace.map((frame) => frame[MAR])) - closedMar >= profile.mouthOpenMinRise;
    }
    case 'turnLeft':
    case 'turnRight': {
      const sign = kind === 'turnLeft' ? PERSON_LEFT_YAW_SIGN : -PERSON_LEFT_YAW_SIGN;
      return Math.max(...nearFace.map((frame) => sign * (frame[YAW] - frontalYawDeg))) >= profile.turnMinYawDeg;
    }
    case 'nod': {
      const levelPitchDeg = median(stepFace.map((frame) => frame[PITCH]));
      const downDeg = Math.max(...nearFace.map((frame) => -CHIN_UP_PITCH_SIGN * (frame[PITCH] - levelPitchDeg)));
      return downDeg >= profile.nodMinPitchDeg;
    }
    case 'faceMatch':
      // The frontal capture the reference was compared with: the person faced the camera.
      return nearFace.some((frame) => Math.abs(frame[YAW]) <= profile.frontalMaxAngleDeg && Math.abs(frame[PITCH]) <= profile.frontalMaxAngleDeg);
  }
}

/**
 * Each digit needs its own utterance (voiced segments closer than `utteranceGapMs` merged), in
 * digit order, starting inside the digit's response window [reveal + `responseWindowStartMs`,
 * reveal + `responseWindowEndMs`]; at most `maxMissedDigits` may go without. The response
 * latencies must be steady: their spread stays within `maxLatencySpreadMs`.
 */
function checkDigitResponses(
  step: ChallengeStep,
  stepTrace: StepTrace,
  startMs: number,
  endMs: number,
  profile: StrictnessLimits,
  report: Report,
): void {
  const segments = stepTrace.voicedSegments ?? [];
  let previousStartMs = -Infinity;
  for (const [segmentStartMs, segmentEndMs] of segments) {
    if (segmentStartMs < startMs || segmentEndMs > endMs || segmentStartMs < previousStartMs) {
      report('event_outside_window');
      return;
    }
    previousStartMs = segmentStartMs;
  }
  const utteranceStartsMs: number[] = [];
  let previousEndMs = -Infinity;
  for (const [segmentStartMs, segmentEndMs] of segments) {
    if (segmentStartMs - previousEndMs >= profile.utteranceGapMs) utteranceStartsMs.push(segmentStartMs);
    previousEndMs = Math.max(previousEndMs, segmentEndMs);
  }
  let nextUtterance = 0;
  let missedDigits = 0;
  const latenciesMs: number[] = [];
  for (const onsetMs of step.digitOnsetsMs ?? []) {
    const revealMs = startMs + onsetMs;
    let index = nextUtterance;
    while (index < utteranceStartsMs.length && (utteranceStartsMs[index] as number) < revealMs + profile.responseWindowStartMs) index++;
    const utteranceStartMs = utteranceStartsMs[index];
    if (utteranceStartMs === undefined || utteranceStartMs > revealMs + profile.responseWindowEndMs) {
      missedDigits++;
      continue; // the utterances stay available to the next digit
    }
    latenciesMs.push(utteranceStartMs - revealMs);
    nextUtterance = index + 1;
  }
  if (missedDigits > profile.maxMissedDigits || latenciesMs.length === 0) report('digit_response_missing');
  else if (Math.max(...latenciesMs) - Math.min(...latenciesMs) > profile.maxLatencySpreadMs) report('digit_latency_inconsistent');
}

/**
 * One face while steps run: never several for longer than `maxMultipleFacesMs`, never none for
 * longer than `maxFaceLostMs`, and its box centre never jumps more than `maxFaceJumpWidths` face
 * widths between frames with one face (across a spell without one too).
 */
function checkFace(frames: readonly MetricFrame[], fromMs: number, toMs: number, profile: StrictnessLimits, report: Report): void {
  let lostSinceMs: number | undefined;
  let severalSinceMs: number | undefined;
  let previous: MetricFrame | undefined;
  let hasSeveralFaces = false;
  let isLost = false;
  let hasJump = false;
  for (const frame of frames) {
    const timeMs = frame[TIME];
    if (timeMs < fromMs || timeMs > toMs) continue;
    const faceCount = frame[FACE_COUNT];
    if (faceCount > 1) {
      severalSinceMs ??= timeMs;
      if (timeMs - severalSinceMs > profile.maxMultipleFacesMs) hasSeveralFaces = true;
    } else {
      severalSinceMs = undefined;
    }
    if (faceCount === 0) {
      lostSinceMs ??= timeMs;
      if (timeMs - lostSinceMs > profile.maxFaceLostMs) isLost = true;
    } else {
      lostSinceMs = undefined;
    }
    if (faceCount !== 1) continue;
    if (previous) {
      const moved = Math.hypot(centre(frame, BOX_X, BOX_WIDTH) - centre(previous, BOX_X, BOX_WIDTH), centre(frame, BOX_Y, BOX_HEIGHT) - centre(previous, BOX_Y, BOX_HEIGHT));
      const faceWidth = Math.max(frame[BOX_WIDTH], previous[BOX_WIDTH]);
      if (faceWidth <= 0 || moved > profile.maxFaceJumpWidths * faceWidth) hasJump = true;
    }
    previous = frame;
  }
  if (lostSinceMs !== undefined && toMs - lostSinceMs > profile.maxFaceLostMs) isLost = true;
  if (!previous) isLost = true;
  if (hasSeveralFaces) report('face_count_invalid');
  if (isLost) report('face_lost');
  if (hasJump) report('face_discontinuity');
}

function centre(frame: MetricFrame, start: number, size: number): number {
  return (frame[start] as number) + (frame[size] as number) / 2;
}

/** The median of `values`; NaN for none. */
function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

/** The `fraction` percentile of `values` (nearest rank); NaN for none. */
function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

/** Frames with `fromMs ≤ time ≤ toMs`, by binary search (frames are in time order). */
function framesBetween(frames: readonly MetricFrame[], fromMs: number, toMs: number): readonly MetricFrame[] {
  let low = 0;
  let high = frames.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((frames[middle] as MetricFrame)[TIME] < fromMs) low = middle + 1;
    else high = middle;
  }
  let end = low;
  while (end < frames.length && (frames[end] as MetricFrame)[TIME] <= toMs) end++;
  return frames.slice(low, end);
}
