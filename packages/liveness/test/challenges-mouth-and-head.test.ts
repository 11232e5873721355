import { describe, expect, it } from 'vitest';
import type { DetectedAction } from '../src/challenges/detected-action.js';
import { HEAD_POSE_CONVENTION } from '../src/challenges/head-pose-convention.js';
import { HeadTurnDetector, type HeadTurnKind } from '../src/challenges/head-turn-detector.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { MouthOpenDetector } from '../src/challenges/mouth-open-detector.js';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import type { Strictness } from '../src/protocol/challenge-plan.js';
import { collect, during, headExcursion, makeTrace, mouthOpenAt, talking, type TraceOverlay } from './traces/synthetic-trace.js';

const mouthDetections = (samples: readonly MetricSample[], strictness: Strictness = 'standard'): DetectedAction[] => {
  const detector = new MouthOpenDetector(STRICTNESS_PROFILES[strictness].mouthOpen);
  return collect(samples, (s) => detector.push(s));
};

describe('MouthOpenDetector (张嘴)', () => {
  const cases: readonly { name: string; overlays: TraceOverlay[]; strictness?: Strictness; fps?: number; count: number }[] = [
    { name: 'mouth wide open (MAR 0.5) for 1 s', overlays: [mouthOpenAt(2000, 1000, 0.5)], count: 1 },
    { name: 'wide open for 1 s at 8 fps', overlays: [mouthOpenAt(2000, 1000, 0.5)], fps: 8, count: 1 },
    { name: 'a yawn (MAR 0.7 for 2.5 s) is a real opening', overlays: [mouthOpenAt(2000, 2500, 0.7)], count: 1 },
    { name: 'open only 300 ms: too short under standard', overlays: [mouthOpenAt(2000, 300, 0.5)], count: 0 },
    { name: 'open 400 ms counts under loose', overlays: [mouthOpenAt(2000, 400, 0.5)], strictness: 'loose', count: 1 },
    { name: 'talking (MAR up to 0.25 at 4 syllables/s) does not trigger', overlays: [talking(1000, 5000)], count: 0 },
    { name: 'loud talking (MAR up to 0.35, 3 syllables/s) does not trigger', overlays: [talking(1000, 5000, 0.35, 3)], count: 0 },
    { name: 'half open (MAR 0.2) held 1 s is not wide enough', overlays: [mouthOpenAt(2000, 1000, 0.2)], count: 0 },
    { name: 'open 1 s fails strict (0.7 s hold needs MAR rise 0.3)', overlays: [mouthOpenAt(2000, 1000, 0.3)], strictness: 'strict', count: 0 },
    { name: 'two separate openings count twice', overlays: [mouthOpenAt(2000, 800, 0.5), mouthOpenAt(4000, 800, 0.5)], count: 2 },
    {
      name: 'a face loss during the hold restarts it',
      overlays: [mouthOpenAt(2000, 900, 0.5), during(2400, 2450, { faceCount: 0, mouthAspectRatio: null })],
      count: 0,
    },
    { name: 'a mouth open from the very start (never seen closed) does not count', overlays: [mouthOpenAt(-100, 3000, 0.5)], count: 0 },
  ];
  it.each(cases)('$name', ({ overlays, strictness, fps, count }) => {
    const detections = mouthDetections(makeTrace({ durationMs: 6000, fps, overlays }), strictness);
    expect(detections).toHaveLength(count);
    for (const d of detections) expect(d.kind).toBe('mouthOpen');
  });
});

const headDetections = (kind: HeadTurnKind, samples: readonly MetricSample[], strictness: Strictness = 'standard'): DetectedAction[] => {
  const detector = new HeadTurnDetector(kind, STRICTNESS_PROFILES[strictness].headTurn);
  return collect(samples, (s) => detector.push(s));
};
const LEFT = HEAD_POSE_CONVENTION.personLeftYawSign;
const CHIN_DOWN = -HEAD_POSE_CONVENTION.chinUpPitchSign;

/** Yaw excursions of a head shake: left then right, quickly, back to frontal. */
const shake = (startMs: number, peakDeg: number, legMs: number): TraceOverlay => (t, base) => {
  const u = t - startMs;
  if (u <= 0 || u >= 2 * legMs) return null;
  return { yawDeg: (base.yawDeg ?? 0) + LEFT * peakDeg * Math.sin((Math.PI * u) / legMs) };
};

describe('HeadTurnDetector (左转 / 右转 / 点头)', () => {
  it('uses one sign convention: positive yaw = the person turns to their own left', () => {
    expect(HEAD_POSE_CONVENTION).toEqual({ personLeftYawSign: 1, chinUpPitchSign: 1 });
    expect(Object.isFrozen(HEAD_POSE_CONVENTION)).toBe(true);
  });

  const cases: readonly { name: string; overlays: TraceOverlay[]; strictness?: Strictness; fps?: number; expected: Partial<Record<HeadTurnKind, number>> }[] = [
    { name: 'turn left 30° and back', overlays: [headExcursion('yawDeg', 2000, LEFT * 30)], expected: { turnLeft: 1, turnRight: 0, nod: 0 } },
    { name: 'turn right 30° and back', overlays: [headExcursion('yawDeg', 2000, -LEFT * 30)], expected: { turnLeft: 0, turnRight: 1, nod: 0 } },
    { name: 'turn left at 8 fps', overlays: [headExcursion('yawDeg', 2000, LEFT * 30)], fps: 8, expected: { turnLeft: 1 } },
    { name: 'a 15° turn is not enough under standard', overlays: [headExcursion('yawDeg', 2000, LEFT * 15)], expected: { turnLeft: 0 } },
    { name: 'a 17° turn is enough under loose', overlays: [headExcursion('yawDeg', 2000, LEFT * 17)], strictness: 'loose', expected: { turnLeft: 1 } },
    { name: 'a 22° turn is not enough under strict', overlays: [headExcursion('yawDeg', 2000, LEFT * 22)], strictness: 'strict', expected: { turnLeft: 0 } },
    { name: 'turned and never back to frontal', overlays: [headExcursion('yawDeg', 2000, LEFT * 30, 400, 10_000)], expected: { turnLeft: 0 } },
    { name: 'turned for longer than the excursion limit', overlays: [headExcursion('yawDeg', 1000, LEFT * 30, 400, 5000)], expected: { turnLeft: 0 } },
    { name: 'a head shake (left then right within 0.8 s) is not a turn under standard', overlays: [shake(2000, 30, 400)], expected: { turnLeft: 0, turnRight: 0 } },
    { name: 'a head shake is not a turn under strict', overlays: [shake(2000, 35, 400)], strictness: 'strict', expected: { turnLeft: 0, turnRight: 0 } },
    { name: 'a head shake counts as a turn under loose (both directions)', overlays: [shake(2000, 30, 400)], strictness: 'loose', expected: { turnLeft: 1, turnRight: 1 } },
    {
      name: 'a person who starts turned and then faces the camera has not turned',
      overlays: [headExcursion('yawDeg', -500, LEFT * 30, 400, 1500)],
      expected: { turnLeft: 0, turnRight: 0 },
    },
    {
      name: 'a camera 5° off-centre: frontal is the person’s own pose',
      overlays: [(_t, b) => ({ yawDeg: (b.yawDeg ?? 0) + 5 }), headExcursion('yawDeg', 2500, LEFT * 22)],
      expected: { turnLeft: 1 },
    },
    { name: 'nod: chin down 20° and back', overlays: [headExcursion('pitchDeg', 2000, CHIN_DOWN * 20)], expected: { nod: 1, turnLeft: 0, turnRight: 0 } },
    { name: 'chin up 20° is not a nod', overlays: [headExcursion('pitchDeg', 2000, -CHIN_DOWN * 20)], expected: { nod: 0 } },
    { name: 'a face lost mid-turn cancels it', overlays: [headExcursion('yawDeg', 2000, LEFT * 30), during(2500, 2600, { faceCount: 0, yawDeg: null })], expected: { turnLeft: 0 } },
    {
      name: 'a 700 ms frame gap mid-turn cancels it',
      overlays: [headExcursion('yawDeg', 2000, LEFT * 30)],
      expected: { turnLeft: 0 },
    },
  ];
  it.each(cases)('$name', ({ name, overlays, strictness, fps, expected }) => {
    const drop = name.includes('frame gap') ? (t: number) => t > 2300 && t < 3000 : undefined;
    const samples = makeTrace({ durationMs: 8000, fps, overlays, drop });
    for (const [kind, count] of Object.entries(expected) as [HeadTurnKind, number][]) {
      const detections = headDetections(kind, samples, strictness);
      expect(detections, kind).toHaveLength(count);
      for (const d of detections) expect(d.kind).toBe(kind);
    }
  });

  it('reports the excursion span: from the last frontal sample to the first frontal one after', () => {
    const [turn] = headDetections('turnLeft', makeTrace({ durationMs: 6000, overlays: [headExcursion('yawDeg', 2000, LEFT * 30, 400, 400)] }));
    expect(turn?.startMs).toBeGreaterThan(2000);
    expect(turn?.startMs).toBeLessThan(2300);
    expect(turn?.endMs).toBeGreaterThan(2900);
    expect(turn?.endMs).toBeLessThan(3200);
  });
});
