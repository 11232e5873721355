import type { VoicedSegment } from './voiced-segment.js';

/** The response window after each reveal, in ms. */
export interface ResponseWindow {
  /** Earliest response start after the reveal, in ms. */
  readonly startMs: number;
  /** Latest response start after the reveal, in ms. */
  readonly endMs: number;
}

/**
 * Matches each revealed digit, in order, to the first not-yet-used segment that starts inside its
 * response window `[reveal + window.startMs, reveal + window.endMs]` and after the previous
 * digit's response: the timing half of the read-digits decision, without any recognition.
 *
 * @param revealTimesMs - when each digit was shown, in ms on the segments' clock.
 * @param segments - voiced segments or utterances, sorted by start.
 * @returns per digit, the index into `segments` of its response, or `null`.
 */
export function matchDigitResponses(
  revealTimesMs: readonly number[],
  segments: readonly VoicedSegment[],
  window: ResponseWindow,
): (number | null)[] {
  const matches: (number | null)[] = [];
  let next = 0;
  for (const revealMs of revealTimesMs) {
    let match: number | null = null;
    for (let i = next; i < segments.length; i++) {
      const start = (segments[i] as VoicedSegment).startMs;
      if (start > revealMs + window.endMs) break;
      if (start >= revealMs + window.startMs) {
        match = i;
        break;
      }
    }
    matches.push(match);
    if (match !== null) next = match + 1;
  }
  return matches;
}
