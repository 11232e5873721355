import { describe, expect, it } from 'vitest';
import { encodeWav, floatToInt16 } from '../src/audio-capture/wav-encoding.js';
import { Downsampler } from '../src/audio-capture/downsampler.js';
import { VoiceCaptureCore } from '../src/audio-capture/voice-capture-core.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import type { FrameMetrics } from '../src/engine/frame-metrics.js';
import { digestEvidence } from '../src/protocol/digest-evidence.js';
import { METRIC_FRAME_FIELDS, type EvidenceBundle } from '../src/protocol/evidence-bundle.js';
import { validateEvidenceBundle } from '../src/protocol/validate-evidence-bundle.js';
import { findActionPeak } from '../src/session/action-peak.js';
import { isWorthHolding, scoreBestFrame, selectBestFrames } from '../src/session/best-frame-selection.js';
import { bytesToBase64 } from '../src/session/bytes-to-base64.js';
import { DEFAULT_CERTIFICATION_CONFIG } from '../src/session/certification-config.js';
import { encodeMetricFrame, MetricTraceRecorder } from '../src/session/metric-trace-recorder.js';
import { toMetricSample } from '../src/session/to-metric-sample.js';

const face = {
  box: { x: 0.3, y: 0.2, width: 0.4, height: 0.5 },
  centerOffset: { x: 0, y: -0.05 },
  widthRatio: 0.4,
  areaRatio: 0.2,
  eyeAspectRatio: { left: 0.31, right: 0.29 },
  mouthAspectRatio: 0.05,
  headPose: { yawDeg: 3, pitchDeg: -2, rollDeg: 1 },
  brightness: 120,
  sharpness: 80,
};

const frame = (overrides: Partial<FrameMetrics> = {}): FrameMetrics => ({
  faceCount: 1,
  primaryFace: face,
  otherFaces: [],
  frameWidthPx: 640,
  frameHeightPx: 480,
  inferenceMs: 40,
  frameIndex: 0,
  cameraTimestampMs: 1000,
  roundTripMs: 50,
  droppedFrameCount: 0,
  ...overrides,
});

const sample = (timestampMs: number, overrides: Partial<MetricSample> = {}): MetricSample => ({
  ...toMetricSample(frame({ cameraTimestampMs: timestampMs })),
  ...overrides,
});

describe('toMetricSample', () => {
  it.each([
    ['one face', frame(), { faceCount: 1, eyeAspectRatioLeft: 0.31, eyeAspectRatioRight: 0.29, mouthAspectRatio: 0.05, yawDeg: 3, pitchDeg: -2, rollDeg: 1, brightness: 120, sharpness: 80 }],
    ['no face', frame({ faceCount: 0, primaryFace: null }), { faceCount: 0, eyeAspectRatioLeft: null, yawDeg: null, faceBox: null, brightness: null, sharpness: null }],
    [
      'unmeasured angles (NaN) become null',
      frame({ primaryFace: { ...face, headPose: { yawDeg: Number.NaN, pitchDeg: Number.NaN, rollDeg: 4 } } }),
      { yawDeg: null, pitchDeg: null, rollDeg: 4 },
    ],
    ['two faces keep the largest face', frame({ faceCount: 2 }), { faceCount: 2, yawDeg: 3 }],
  ] as const)('%s', (_name, input, expected) => {
    const result = toMetricSample(input);
    expect(result).toMatchObject(expected);
    expect(result.timestampMs).toBe(1000);
    expect(result.frameBrightness).toBeNull();
  });

  it('copies the face box', () => {
    expect(toMetricSample(frame()).faceBox).toEqual({ x: 0.3, y: 0.2, width: 0.4, height: 0.5 });
  });
});

describe('trace encoding', () => {
  it('writes one tuple per frame in METRIC_FRAME_FIELDS order, rounded', () => {
    const tuple = encodeMetricFrame(sample(0, { eyeAspectRatioLeft: 0.312345 }), 12.345);
    expect(tuple).toHaveLength(METRIC_FRAME_FIELDS.length);
    expect(tuple).toEqual([12.3, 1, 0.3, 0.2, 0.4, 0.5, 0.3123, 0.29, 0.05, 3, -2, 1]);
  });

  it.each([
    ['no face: zeros after the count', { faceCount: 0, faceBox: null, yawDeg: null }, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['two faces: zeros after the count', { faceCount: 2 }, [2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    ['null and out-of-range values clamp', { eyeAspectRatioLeft: null, mouthAspectRatio: 9, yawDeg: -200 }, [1, 0.3, 0.2, 0.4, 0.5, 0, 0.29, 5, -180, -2, 1]],
  ] as const)('%s', (_name, overrides, expected) => {
    expect(encodeMetricFrame(sample(0, overrides), 5).slice(1)).toEqual(expected);
  });

  it('keeps time strictly increasing from the first sample', () => {
    const recorder = new MetricTraceRecorder();
    expect(recorder.add(sample(5000))).toBe(true);
    expect(recorder.add(sample(5000.01))).toBe(false);
    expect(recorder.add(sample(4990))).toBe(false);
    expect(recorder.add(sample(5040))).toBe(true);
    expect(recorder.frames.map((f) => f[0])).toEqual([0, 40]);
    expect(recorder.originMs).toBe(5000);
    expect(recorder.relativeMs(5100.06)).toBe(100.1);
  });

  it('round-trips through validateEvidenceBundle, and the digest matches', async () => {
    const recorder = new MetricTraceRecorder();
    const t0 = 123_456.789;
    for (let i = 0; i < 60; i++) {
      const isClosed = i === 30 || i === 31;
      recorder.add(sample(t0 + i * 40.3, { faceCount: i === 50 ? 0 : 1, eyeAspectRatioLeft: isClosed ? 0.1 : 0.3, eyeAspectRatioRight: isClosed ? 0.12 : 0.3 }));
    }
    const peak = findActionPeak('blink', recorder.samples, t0, t0 + 2000);
    expect(peak).toBe(t0 + 30 * 40.3);
    const plan = {
      version: 1 as const,
      nonce: 'AAAAAAAAAAAAAAAAAAAAAA',
      issuedAt: '2026-11-29T10:00:00.000Z',
      expiresAt: '2026-11-29T10:05:00.000Z',
      strictness: 'standard' as const,
      steps: [{ kind: 'blink' as const }, { kind: 'readDigits' as const, digits: [1, 2, 3], digitOnsetsMs: [800, 2000, 3200] }],
      keyId: 'k1',
      signature: 'c2ln',
    };
    const wav = encodeWav(floatToInt16(new Float32Array(1600).fill(0.25)), 16_000);
    const unsigned: EvidenceBundle = {
      passed: false,
      reason: 'TIMEOUT',
      steps: [{ kind: 'blink', passed: true, startedAt: 0, durationMs: 1500.5 }],
      evidence: {
        formatVersion: 1,
        plan,
        capturedAt: '2026-11-29T10:00:10.000Z',
        trace: { frames: recorder.frames, steps: [{ kind: 'blink', eventsMs: [recorder.relativeMs(peak!)] }, { kind: 'readDigits', eventsMs: [], voicedSegments: [[900, 1200]] }] },
        audio: { startMs: 100, sampleRateHz: 16_000, channels: 1, wavBase64: bytesToBase64(wav) },
        environment: { backend: 'wasm', fps: 24.8, droppedFrames: 3, userAgent: 'Mozilla/5.0 test' },
        sdkVersion: '0.1.0',
        digest: '',
      },
    };
    const digest = await digestEvidence(unsigned);
    const bundle = { ...unsigned, evidence: { ...unsigned.evidence, digest } };
    const result = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    expect(result.value.evidence.trace.frames).toEqual(recorder.frames);
    expect(await digestEvidence(result.value)).toBe(digest);
  });
});

describe('action peaks', () => {
  const samples = [0, 100, 200, 300, 400].map((t, i) =>
    sample(t, { yawDeg: [0, 10, 25, 12, -20][i]!, pitchDeg: [0, -5, -15, -3, 0][i]!, mouthAspectRatio: [0.1, 0.4, 0.6, 0.3, 0.1][i]! }),
  );
  it.each([
    ['turnLeft: most positive yaw', 'turnLeft', 200],
    ['turnRight: most negative yaw', 'turnRight', 400],
    ['nod: lowest pitch', 'nod', 200],
    ['mouthOpen: widest mouth', 'mouthOpen', 200],
    ['readDigits: none', 'readDigits', null],
  ] as const)('%s', (_name, kind, expected) => {
    expect(findActionPeak(kind, samples, 0, 400)).toBe(expected);
  });
  it('looks only inside the step', () => {
    expect(findActionPeak('turnLeft', samples, 300, 400)).toBe(300);
  });
});

describe('best-frame selection', () => {
  const thresholds = DEFAULT_CERTIFICATION_CONFIG;
  it.each([
    ['frontal and sharp', {}, 'score'],
    ['two faces', { faceCount: 2 }, null],
    ['turned away', { yawDeg: 20 }, null],
    ['chin up', { pitchDeg: -15 }, null],
    ['mid-blink', { eyeAspectRatioLeft: 0.08 }, null],
    ['no sharpness', { sharpness: null }, null],
  ] as const)('%s', (_name, overrides, expected) => {
    const score = scoreBestFrame(sample(0, overrides), thresholds);
    if (expected === null) expect(score).toBeNull();
    else expect(score).toBeGreaterThan(0);
  });

  it('prefers frontal over turned at equal sharpness', () => {
    expect(scoreBestFrame(sample(0, { yawDeg: 0, pitchDeg: 0 }), thresholds)!).toBeGreaterThan(scoreBestFrame(sample(0, { yawDeg: 10 }), thresholds)!);
  });

  it('picks the best, spaced apart, in time order', () => {
    const candidates = [
      { timestampMs: 0, score: 50 },
      { timestampMs: 100, score: 90 },
      { timestampMs: 300, score: 80 },
      { timestampMs: 900, score: 60 },
      { timestampMs: 2000, score: 10 },
    ];
    expect(selectBestFrames(candidates, 3, 500).map((c) => c.timestampMs)).toEqual([100, 900, 2000]);
    expect(selectBestFrames(candidates, 2, 500).map((c) => c.timestampMs)).toEqual([100, 900]);
    expect(selectBestFrames(candidates, 4, 0).map((c) => c.timestampMs)).toEqual([0, 100, 300, 900]);
    expect(selectBestFrames([], 3, 500)).toEqual([]);
  });

  it('holds a new candidate only while there is room or it beats the weakest', () => {
    const held = [{ timestampMs: 0, score: 5 }, { timestampMs: 1, score: 9 }];
    expect(isWorthHolding(held, { timestampMs: 2, score: 1 }, 3)).toBe(true);
    expect(isWorthHolding(held, { timestampMs: 2, score: 1 }, 2)).toBe(false);
    expect(isWorthHolding(held, { timestampMs: 2, score: 6 }, 2)).toBe(true);
  });
});

describe('audio capture pieces', () => {
  it.each([[48_000], [44_100], [16_000]])('downsamples %i Hz to 16 kHz by area averaging, across blocks', (rate) => {
    const downsampler = new Downsampler(rate, 16_000);
    let count = 0;
    let sum = 0;
    const blocks = Math.ceil(rate / 128);
    for (let block = 0; block < blocks; block++) {
      const out = downsampler.process(new Float32Array(128).fill(0.5));
      count += out.length;
      for (const v of out) sum += v;
    }
    expect(Math.abs(count - (blocks * 128 * 16_000) / rate)).toBeLessThanOrEqual(1);
    expect(sum / count).toBeCloseTo(0.5, 5);
  });

  it('writes a 16-bit mono PCM WAV header', () => {
    const wav = encodeWav(new Int16Array([0, 1000, -1000]), 16_000);
    const view = new DataView(wav.buffer);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).toBe('RIFF');
    expect(new TextDecoder().decode(wav.subarray(8, 16))).toBe('WAVEfmt ');
    expect([view.getUint16(22, true), view.getUint32(24, true), view.getUint16(34, true), view.getUint32(40, true)]).toEqual([1, 16_000, 16, 6]);
    expect(view.getInt16(46, true)).toBe(1000);
  });

  it('finds a voiced burst in 48 kHz blocks and stamps it on the context clock', () => {
    const core = new VoiceCaptureCore({ inputRateHz: 48_000, shouldRecord: true, chunkSamples: 4000 });
    const messages = [];
    const blockMs = (128 / 48_000) * 1000;
    // 1 s of quiet noise, 0.4 s of a 220 Hz voiced tone with harmonics, 1 s of quiet noise.
    let seed = 1;
    const noise = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.002;
    for (let b = 0; b < 2.4 / (blockMs / 1000); b++) {
      const block = new Float32Array(128);
      for (let i = 0; i < 128; i++) {
        const t = (b * 128 + i) / 48_000;
        const voiced = t >= 1 && t < 1.4;
        block[i] = noise() + (voiced ? 0.3 * Math.sin(2 * Math.PI * 220 * t) + 0.15 * Math.sin(2 * Math.PI * 440 * t) + 0.1 * Math.sin(2 * Math.PI * 660 * t) : 0);
      }
      messages.push(...core.process(block, 5000 + b * blockMs));
    }
    messages.push(...core.flush());
    const segments = messages.flatMap((m) => (m.type === 'segments' ? m.segments : []));
    expect(segments.length).toBeGreaterThanOrEqual(1);
    expect(segments[0]!.startMs).toBeGreaterThan(5950);
    expect(segments[0]!.startMs).toBeLessThan(6100);
    expect(segments.at(-1)!.endMs).toBeGreaterThan(6300);
    expect(segments.at(-1)!.endMs).toBeLessThan(6450);
    const pcm = messages.flatMap((m) => (m.type === 'pcm' ? [m] : []));
    expect(pcm[0]!.startMs).toBe(5000);
    expect(pcm.reduce((n, m) => n + m.samples.byteLength / 2, 0)).toBeGreaterThan(38_000);
    expect(messages.at(-1)).toEqual({ type: 'flushed' });
  });
});
