import type { ActionDetector } from './action-detector.js';
import type { BlinkAnnotation } from './blink-annotation.js';
import { BlinkDetector } from './blink-detector.js';
import type { DetectedAction } from './detected-action.js';
import type { MetricSample } from './metric-sample.js';
import { STRICTNESS_PROFILES, type BlinkProfile } from './strictness-profiles.js';

/** The metric samples of one clip, timestamps in ms from the clip start. */
export interface BlinkTrace {
  /** Clip identifier matching {@link BlinkAnnotation.clip}. */
  readonly clip: string;
  /** Samples in time order. */
  readonly samples: readonly MetricSample[];
  /** Only annotations and detections inside this span are scored, in ms; default the whole trace. */
  readonly checkedSpanMs?: readonly [number, number];
}

/** Options of {@link evaluateBlinkDetector}. */
export interface BlinkEvaluationOptions {
  /** Blink thresholds; default `standard`. */
  readonly profile?: BlinkProfile;
  /** How far a detection may lie outside an annotated event and still match it, in ms (default 80: ±2 frames at 25 fps). */
  readonly toleranceMs?: number;
}

/** Scores of one clip. */
export interface BlinkClipEvaluation {
  /** Clip identifier. */
  readonly clip: string;
  /** Annotated full blinks in the checked span. */
  readonly annotatedBlinks: number;
  /** Annotated blinks matched by a detection. */
  readonly truePositives: number;
  /** Annotated blinks no detection matched. */
  readonly missed: readonly BlinkAnnotation[];
  /** Detections matching no full or partial blink (false triggers). */
  readonly falseTriggers: readonly DetectedAction[];
  /** Detections on a partial blink: neither right nor wrong. */
  readonly onPartialBlinks: number;
  /** truePositives / annotatedBlinks; `null` when the clip has none. */
  readonly recall: number | null;
  /** truePositives / (truePositives + false triggers); `null` without detections. */
  readonly precision: number | null;
  /** Every detection in the checked span. */
  readonly detections: readonly DetectedAction[];
}

/** Per-clip scores and their totals. */
export interface BlinkEvaluation {
  /** Per clip, in trace order. */
  readonly clips: readonly BlinkClipEvaluation[];
  /** Sums over all clips. */
  readonly total: Omit<BlinkClipEvaluation, 'clip' | 'missed' | 'falseTriggers' | 'detections'> & {
    readonly missed: number;
    readonly falseTriggers: number;
  };
}

const DEFAULT_TOLERANCE_MS = 80;

/**
 * Runs a fresh {@link BlinkDetector} over each trace and scores it against the annotations: each
 * annotated full blink is matched to at most one overlapping detection (± tolerance); detections
 * on partial blinks count neither way; any other detection is a false trigger.
 */
export function evaluateBlinkDetector(
  traces: readonly BlinkTrace[],
  annotations: readonly BlinkAnnotation[],
  options: BlinkEvaluationOptions = {},
): BlinkEvaluation {
  const profile = options.profile ?? STRICTNESS_PROFILES.standard.blink;
  const toleranceMs = options.toleranceMs ?? DEFAULT_TOLERANCE_MS;
  const clips = traces.map((trace) => evaluateClip(trace, annotations, new BlinkDetector(profile), toleranceMs));
  const sum = (pick: (c: BlinkClipEvaluation) => number): number => clips.reduce((total, c) => total + pick(c), 0);
  const truePositives = sum((c) => c.truePositives);
  const annotatedBlinks = sum((c) => c.annotatedBlinks);
  const falseTriggers = sum((c) => c.falseTriggers.length);
  return {
    clips,
    total: {
      annotatedBlinks,
      truePositives,
      missed: sum((c) => c.missed.length),
      falseTriggers,
      onPartialBlinks: sum((c) => c.onPartialBlinks),
      recall: annotatedBlinks > 0 ? truePositives / annotatedBlinks : null,
      precision: truePositives + falseTriggers > 0 ? truePositives / (truePositives + falseTriggers) : null,
    },
  };
}

function evaluateClip(trace: BlinkTrace, annotations: readonly BlinkAnnotation[], detector: ActionDetector, toleranceMs: number): BlinkClipEvaluation {
  const [spanStart, spanEnd] = trace.checkedSpanMs ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const inSpan = (startMs: number): boolean => startMs >= spanStart && startMs <= spanEnd;
  const detections: DetectedAction[] = [];
  for (const sample of trace.samples) {
    const detected = detector.push(sample);
    if (detected && inSpan(detected.startMs)) detections.push(detected);
  }
  const ofClip = annotations.filter((a) => a.clip === trace.clip && inSpan(a.startMs));
  const blinks = ofClip.filter((a) => a.event === 'blink');
  const partials = ofClip.filter((a) => a.event === 'partial_blink');
  const overlaps = (d: DetectedAction, a: BlinkAnnotation): boolean => d.startMs <= a.endMs + toleranceMs && d.endMs >= a.startMs - toleranceMs;

  const used = new Set<number>();
  const missed: BlinkAnnotation[] = [];
  for (const blink of blinks) {
    const index = detections.findIndex((d, i) => !used.has(i) && overlaps(d, blink));
    if (index < 0) missed.push(blink);
    else used.add(index);
  }
  let onPartialBlinks = 0;
  const falseTriggers: DetectedAction[] = [];
  detections.forEach((d, i) => {
    if (used.has(i)) return;
    if (partials.some((p) => overlaps(d, p))) onPartialBlinks++;
    else falseTriggers.push(d);
  });
  const truePositives = used.size;
  return {
    clip: trace.clip,
    annotatedBlinks: blinks.length,
    truePositives,
    missed,
    falseTriggers,
    onPartialBlinks,
    recall: blinks.length > 0 ? truePositives / blinks.length : null,
    precision: truePositives + falseTriggers.length > 0 ? truePositives / (truePositives + falseTriggers.length) : null,
    detections,
  };
}
