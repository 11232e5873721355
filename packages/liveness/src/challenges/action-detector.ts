import type { DetectedAction } from './detected-action.js';
import type { MetricSample } from './metric-sample.js';

/**
 * A pure, deterministic state machine over a metric stream that recognises one kind of action.
 * Feed samples in timestamp order; it returns an action on the sample that completes it.
 */
export interface ActionDetector {
  /** Consumes one sample. @returns the action completed by this sample, else `null`. */
  push(sample: MetricSample): DetectedAction | null;
}
