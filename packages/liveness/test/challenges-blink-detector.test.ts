import { describe, expect, it } from 'vitest';
import { BlinkDetector } from '../src/challenges/blink-detector.js';
import type { DetectedAction } from '../src/challenges/detected-action.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { PLAIN_MESH_BLINK_OVERRIDES, STRICTNESS_PROFILES, type BlinkProfile } from '../src/challenges/strictness-profiles.js';
import type { Strictness } from '../src/protocol/challenge-plan.js';
import { blinkAt, collect, during, headExcursion, makeTrace, mouthOpenAt, type TraceOptions, type TraceOverlay } from './traces/synthetic-trace.js';

const detect = (samples: readonly MetricSample[], strictness: Strictness = 'standard', overrides: Partial<BlinkProfile> = {}): DetectedAction[] => {
  const detector = new BlinkDetector({ ...STRICTNESS_PROFILES[strictness].blink, ...overrides });
  return collect(samples, (s) => detector.push(s));
};
// The profiles' closure depths are set for the engine's iris-refined eyes, where a full blink
// reaches 0.2–0.5× the open level. On the plain mesh (eyeRefinement 'none') blinks only reach
// 0.62–0.82×, so a caller on the plain mesh applies PLAIN_MESH_BLINK_OVERRIDES.
const PLAIN_MESH = PLAIN_MESH_BLINK_OVERRIDES;
/** Eyes narrowed to `ratio` of their open level in [fromMs, toMs) (a downward glance, a smile). */
const narrowed =
  (fromMs: number, toMs: number, ratio: number): TraceOverlay =>
  (t, b) =>
    t >= fromMs && t < toMs ? { eyeAspectRatioLeft: (b.eyeAspectRatioLeft ?? 0) * ratio, eyeAspectRatioRight: (b.eyeAspectRatioRight ?? 0) * ratio } : null;
const trace = (options: Partial<TraceOptions> & Pick<TraceOptions, 'overlays'>): MetricSample[] => makeTrace({ durationMs: 4000, ...options });

describe('BlinkDetector: blinks that count', () => {
  const cases: readonly {
    name: string;
    options: Partial<TraceOptions> & Pick<TraceOptions, 'overlays'>;
    strictness?: Strictness;
    overrides?: Partial<BlinkProfile>;
    at?: number;
  }[] = [
    { name: 'a full blink (EAR to 0.45× baseline) at 25 fps', options: { overlays: [blinkAt(2000, 0.45)] }, at: 2000 },
    { name: 'a shallow blink (0.55×, the shallowest measured with iris refinement)', options: { overlays: [blinkAt(2000, 0.53)] }, at: 2000 },
    { name: 'a plain-mesh blink (0.67×, the measured mean) with the plain-mesh depth', options: { overlays: [blinkAt(2000, 0.67)] }, overrides: PLAIN_MESH, at: 2000 },
    { name: 'a plain-mesh blink (0.75×) under loose with the plain-mesh depth', options: { overlays: [blinkAt(2000, 0.75)] }, strictness: 'loose', overrides: PLAIN_MESH, at: 2000 },
    {
      name: 'a blink from eyes narrowed by a downward glance 200 ms before (the narrowed level becomes the reference)',
      options: { overlays: [narrowed(1800, 3000, 0.62), blinkAt(2000, 0.4)] },
      at: 2000,
    },
    { name: 'a blink with one frame reporting a second face (skipped like a dropped frame)', options: { overlays: [blinkAt(2000, 0.4), during(2030, 2070, { faceCount: 2 })] }, at: 2000 },
    { name: 'a 250 ms blink at 8 fps', options: { fps: 8, overlays: [blinkAt(2000, 0.4, { closeMs: 80, holdMs: 90, openMs: 80 })] }, at: 2000 },
    { name: 'a 300 ms blink at 8 fps under strict', options: { fps: 8, overlays: [blinkAt(2000, 0.4, { closeMs: 80, holdMs: 140, openMs: 80 })] }, strictness: 'strict', at: 2000 },
    { name: 'a blink with 20 % of frames dropped at random elsewhere', options: { drop: (t, i) => t < 1900 && i % 5 === 3, overlays: [blinkAt(2000, 0.5)] }, at: 2000 },
    { name: 'a blink while talking (mouth moving)', options: { overlays: [blinkAt(2000, 0.5), mouthOpenAt(1500, 1500, 0.25)] }, at: 2000 },
    { name: 'a blink with a small head movement (pitch 4°)', options: { overlays: [blinkAt(2000, 0.5), headExcursion('pitchDeg', 1950, 4, 100, 100)] }, at: 2000 },
  ];
  it.each(cases)('$name', ({ options, strictness, overrides, at }) => {
    const detections = detect(trace(options), strictness, overrides);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.kind).toBe('blink');
    expect(detections[0]?.startMs).toBeGreaterThanOrEqual((at ?? 0) - 130);
    expect(detections[0]?.endMs).toBeLessThanOrEqual((at ?? 0) + 500);
  });

  it('counts three separate blinks, including two 400 ms apart', () => {
    const samples = makeTrace({ durationMs: 8000, overlays: [blinkAt(2000, 0.5), blinkAt(2400, 0.5), blinkAt(6000, 0.45)] });
    expect(detect(samples).map((d) => Math.round(d.startMs / 100))).toEqual([20, 24, 60]);
  });

  it('adapts to each person: a small-eyed person (EAR 0.18 open) blinking is found', () => {
    const samples = makeTrace({
      durationMs: 4000,
      overlays: [(_t, b) => ({ eyeAspectRatioLeft: (b.eyeAspectRatioLeft ?? 0) * 0.6, eyeAspectRatioRight: (b.eyeAspectRatioRight ?? 0) * 0.6 }), blinkAt(2500, 0.45)],
    });
    expect(detect(samples)).toHaveLength(1);
  });
});

describe('BlinkDetector: what is not a blink', () => {
  const cases: readonly { name: string; options: Partial<TraceOptions> & Pick<TraceOptions, 'overlays'>; strictness?: Strictness }[] = [
    { name: 'a half blink (lids to 0.88×, iris visible)', options: { overlays: [blinkAt(2000, 0.88)] } },
    { name: 'a partial blink (0.67×: iris still visible with iris-refined eyes)', options: { overlays: [blinkAt(2000, 0.67)] } },
    { name: 'a glance down that narrows the eyes to 0.6× and stays (no full closure)', options: { overlays: [narrowed(2000, 2400, 0.6)] } },
    { name: 'a shallow 0.78× dip under strict', options: { overlays: [blinkAt(2000, 0.78)] }, strictness: 'strict' },
    { name: 'a one-eye wink (left eye)', options: { overlays: [blinkAt(2000, 0.3, { eye: 'left', holdMs: 150 })] } },
    { name: 'a one-eye wink (right eye)', options: { overlays: [blinkAt(2000, 0.3, { eye: 'right', holdMs: 150 })] } },
    {
      name: 'a right-eye wink while the left eye has drooped to 0.7× for 2 s (the droop is its new level)',
      options: { overlays: [(t, b) => (t > 1000 ? { eyeAspectRatioLeft: (b.eyeAspectRatioLeft ?? 0) * 0.7 } : null), blinkAt(3200, 0.2, { eye: 'right', holdMs: 150 })] },
    },
    { name: 'slow eye closing, kept closed 1 s (drowsy)', options: { durationMs: 5000, overlays: [blinkAt(2000, 0.3, { closeMs: 800, holdMs: 1000, openMs: 300 })] } },
    { name: 'eyes closed for 600 ms (longer than 500 ms)', options: { overlays: [blinkAt(2000, 0.4, { closeMs: 50, holdMs: 600, openMs: 50 })] } },
    {
      name: 'looking down: eyes narrow while the head pitches 15° down',
      options: { overlays: [blinkAt(2000, 0.65, { closeMs: 150, holdMs: 100, openMs: 150 }), headExcursion('pitchDeg', 1900, -15, 200, 200)] },
    },
    {
      name: 'a yawn: eyes squeezed to 0.6× for 1.5 s with the mouth wide open',
      options: { durationMs: 5000, overlays: [blinkAt(2000, 0.6, { closeMs: 300, holdMs: 1500, openMs: 300 }), mouthOpenAt(1800, 2000, 0.7)] },
    },
    { name: 'talking with steady eyes', options: { durationMs: 6000, overlays: [mouthOpenAt(1000, 4000, 0.3)] } },
    { name: 'a blink before the baseline exists (first 300 ms)', options: { overlays: [blinkAt(100, 0.4)] } },
    {
      name: 'a blink during which frames were dropped for 400 ms',
      options: { drop: (t) => t > 2030 && t < 2430, overlays: [blinkAt(2000, 0.4, { holdMs: 200 })] },
    },
    { name: 'a blink while a second face is in view', options: { overlays: [blinkAt(2000, 0.4), during(1950, 2300, { faceCount: 2 })] } },
    { name: 'eyes not measured mid-blink', options: { overlays: [blinkAt(2000, 0.4), during(2060, 2100, { eyeAspectRatioLeft: null })] } },
    { name: 'eyes that close and never reopen before the trace ends', options: { overlays: [during(3000, 5000, { eyeAspectRatioLeft: 0.1, eyeAspectRatioRight: 0.1 })] } },
    { name: '30 s of open eyes with ±4 % measurement noise', options: { durationMs: 30_000, earNoise: 0.04, overlays: [] } },
  ];
  it.each(cases)('$name', ({ options, strictness }) => {
    expect(detect(trace(options), strictness)).toEqual([]);
  });

  it('recovers after eyes stay narrowed (smiling): a later blink is still found', () => {
    const narrowed = (t: number, b: MetricSample) =>
      t > 1500 ? { eyeAspectRatioLeft: (b.eyeAspectRatioLeft ?? 0) * 0.72, eyeAspectRatioRight: (b.eyeAspectRatioRight ?? 0) * 0.72 } : null;
    const samples = makeTrace({ durationMs: 8000, overlays: [narrowed, blinkAt(6000, 0.5)] });
    const detections = detect(samples);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.startMs).toBeGreaterThan(5800);
  });

  it('exposes its per-eye baseline', () => {
    const detector = new BlinkDetector(STRICTNESS_PROFILES.standard.blink);
    collect(makeTrace({ durationMs: 2000, overlays: [] }), (s) => detector.push(s));
    expect(detector.baseline.left).toBeCloseTo(0.3, 1);
    expect(detector.baseline.right).toBeCloseTo(0.3, 1);
  });
});
