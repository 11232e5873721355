import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseBlinkAnnotations, type BlinkAnnotation } from '../src/challenges/blink-annotation.js';
import { evaluateBlinkDetector, type BlinkTrace } from '../src/challenges/evaluate-blink-detector.js';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import { blinkAt, makeTrace } from './traces/synthetic-trace.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SHARED_DIR = process.env.HUOTI_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared');

// Synthetic clips with known events; the engine's real traces of the annotated fixtures go through
// the same function later.
const traces: BlinkTrace[] = [
  { clip: 'a.mp4', samples: makeTrace({ durationMs: 6000, overlays: [blinkAt(2000, 0.45), blinkAt(4000, 0.5)] }) },
  // A partial blink the detector fires on (deep enough), plus a blink nobody annotated (false trigger).
  { clip: 'b.mp4', samples: makeTrace({ durationMs: 6000, overlays: [blinkAt(2000, 0.5), blinkAt(4500, 0.45)] }) },
  // An annotated blink too shallow to detect (missed).
  { clip: 'c.mp4', samples: makeTrace({ durationMs: 6000, overlays: [blinkAt(3000, 0.9)] }) },
];
const annotations: BlinkAnnotation[] = [
  { clip: 'a.mp4', event: 'blink', startMs: 2000, endMs: 2240 },
  { clip: 'a.mp4', event: 'blink', startMs: 4000, endMs: 4240 },
  { clip: 'a.mp4', event: 'mouth_open', startMs: 1000, endMs: 1500 },
  { clip: 'b.mp4', event: 'partial_blink', startMs: 2000, endMs: 2240 },
  { clip: 'c.mp4', event: 'blink', startMs: 3000, endMs: 3240 },
];

describe('evaluateBlinkDetector', () => {
  const result = evaluateBlinkDetector(traces, annotations);

  it('scores each clip: hits, misses, false triggers, partial blinks counted neither way', () => {
    expect(result.clips.map((c) => [c.clip, c.annotatedBlinks, c.truePositives, c.missed.length, c.falseTriggers.length, c.onPartialBlinks])).toEqual([
      ['a.mp4', 2, 2, 0, 0, 0],
      ['b.mp4', 0, 0, 0, 1, 1],
      ['c.mp4', 1, 0, 1, 0, 0],
    ]);
    expect(result.clips[0]?.recall).toBe(1);
    expect(result.clips[0]?.precision).toBe(1);
    expect(result.clips[1]?.recall).toBeNull();
    expect(result.clips[1]?.precision).toBe(0);
    expect(result.clips[2]?.recall).toBe(0);
    expect(result.clips[2]?.precision).toBeNull();
    expect(result.clips[1]?.falseTriggers[0]?.startMs).toBeGreaterThan(4300);
  });

  it('totals recall and precision over clips', () => {
    expect(result.total).toEqual({ annotatedBlinks: 3, truePositives: 2, missed: 1, falseTriggers: 1, onPartialBlinks: 1, recall: 2 / 3, precision: 2 / 3 });
  });

  it('takes a profile: a looser depth finds the shallow blink', () => {
    const loose = evaluateBlinkDetector(traces, annotations, { profile: { ...STRICTNESS_PROFILES.standard.blink, closedRatio: 0.93, fullClosureRatio: 0.93 } });
    expect(loose.clips[2]?.truePositives).toBe(1);
  });

  it('scores only inside a checked span', () => {
    const spanned = evaluateBlinkDetector([{ ...(traces[0] as BlinkTrace), checkedSpanMs: [0, 3000] }], annotations);
    expect(spanned.total.annotatedBlinks).toBe(1);
    expect(spanned.total.truePositives).toBe(1);
  });

  it('counts one detection for at most one blink', () => {
    const doubled: BlinkAnnotation[] = [...annotations, { clip: 'a.mp4', event: 'blink', startMs: 2100, endMs: 2200 }];
    const scored = evaluateBlinkDetector(traces.slice(0, 1), doubled);
    expect(scored.clips[0]?.truePositives).toBe(2);
    expect(scored.clips[0]?.missed).toHaveLength(1);
  });
});

describe('parseBlinkAnnotations', () => {
  it('reads the fixtures\' blinks.tsv (times in ms)', () => {
    const path = join(SHARED_DIR, 'fixtures', 'annotations', 'blinks.tsv');
    if (!existsSync(path)) throw new Error(`annotations not found at ${path}; set HUOTI_SHARED_DIR to the shared folder`);
    const rows = parseBlinkAnnotations(readFileSync(path, 'utf8'));
    const count = (event: BlinkAnnotation['event']) => rows.filter((r) => r.event === event).length;
    expect([count('blink'), count('partial_blink'), count('mouth_open')]).toEqual([16, 3, 6]);
    expect(rows.find((r) => r.clip === 'grid/grid_brbk7n.mp4')).toEqual({ clip: 'grid/grid_brbk7n.mp4', event: 'blink', startMs: 840, endMs: 960 });
  });

  it('rejects unknown events', () => {
    expect(() => parseBlinkAnnotations('file\tevent\tstart_s\tend_s\nx.mp4\twink\t1\t2')).toThrow(/bad row 2/);
  });
});
