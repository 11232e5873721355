import type { VoicedSegment } from './voiced-segment.js';

/**
 * Joins voiced segments separated by less than `maxGapMs` into utterances (one spoken digit can
 * break into several segments at a consonant or a creaky voice).
 *
 * @param segments - in any order; not modified.
 * @param maxGapMs - largest gap inside one utterance, in ms.
 * @returns utterances sorted by start, in ms.
 */
export function joinVoicedSegments(segments: readonly VoicedSegment[], maxGapMs: number): VoicedSegment[] {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs);
  const joined: VoicedSegment[] = [];
  for (const segment of sorted) {
    const last = joined[joined.length - 1];
    if (last && segment.startMs - last.endMs < maxGapMs) {
      joined[joined.length - 1] = { startMs: last.startMs, endMs: Math.max(last.endMs, segment.endMs) };
    } else {
      joined.push({ startMs: segment.startMs, endMs: segment.endMs });
    }
  }
  return joined;
}
