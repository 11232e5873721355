import { describe, expect, it } from 'vitest';
import { detectVoicedSegments } from '../src/audio/detect-voiced-segments.js';
import { DEFAULT_VOICE_ACTIVITY_CONFIG, resolveVoiceActivityConfig } from '../src/audio/voice-activity-config.js';
import { VoiceActivityDetector } from '../src/audio/voice-activity-detector.js';
import type { VoicedSegment } from '../src/audio/voiced-segment.js';

const RATE = 16_000;
const samplesFor = (ms: number): number => Math.round((ms * RATE) / 1000);

/** Deterministic uniform noise in −1…1 (LCG), so no test depends on Math.random. */
function noise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  };
}

/** A buffer of `durationMs` with optional background noise at `noiseAmplitude`. */
function buffer(durationMs: number, noiseAmplitude = 0, seed = 1): Float32Array {
  const next = noise(seed);
  return Float32Array.from({ length: samplesFor(durationMs) }, () => next() * noiseAmplitude);
}

/** Adds a vowel-like harmonic tone (150 Hz and its harmonics, 20 ms fades) from `startMs` for `durationMs`. */
function addVowel(pcm: Float32Array, startMs: number, durationMs: number, amplitude = 0.3): void {
  const start = samplesFor(startMs);
  const length = samplesFor(durationMs);
  const fade = samplesFor(20);
  for (let i = 0; i < length && start + i < pcm.length; i++) {
    const t = i / RATE;
    let value = 0;
    for (let h = 1; h <= 12; h++) value += Math.sin(2 * Math.PI * 150 * h * t) / h;
    const envelope = Math.min(1, i / fade, (length - i) / fade);
    pcm[start + i] = (pcm[start + i] ?? 0) + amplitude * 0.5 * value * envelope;
  }
}

describe('VoiceActivityDetector on synthetic signals', () => {
  it('finds nothing in digital silence or in white noise (loud hiss is not voice)', () => {
    expect(detectVoicedSegments(buffer(2000))).toEqual([]);
    expect(detectVoicedSegments(buffer(2000, 0.3))).toEqual([]);
  });

  it('finds a 300 ms vowel in faint noise, with start and end within 40 ms', () => {
    const pcm = buffer(2000, 0.002);
    addVowel(pcm, 800, 300);
    const segments = detectVoicedSegments(pcm);
    expect(segments).toHaveLength(1);
    expect(Math.abs((segments[0]?.startMs ?? 0) - 800)).toBeLessThan(40);
    expect(Math.abs((segments[0]?.endMs ?? 0) - 1100)).toBeLessThan(40);
  });

  it('keeps two vowels 300 ms apart as two segments, and drops a 30 ms click', () => {
    const pcm = buffer(2500, 0.002);
    addVowel(pcm, 300, 250);
    addVowel(pcm, 850, 250);
    addVowel(pcm, 1800, 30);
    const segments = detectVoicedSegments(pcm);
    expect(segments).toHaveLength(2);
    expect(segments.map((s) => Math.round(s.startMs / 100))).toEqual([3, 9]);
  });

  it('finds speech that starts over background noise present from the start (adaptive noise floor)', () => {
    const pcm = buffer(3000, 0.02); // about −37 dBFS of hiss all along
    addVowel(pcm, 1500, 300, 0.3);
    const segments = detectVoicedSegments(pcm);
    expect(segments).toHaveLength(1);
    expect(Math.abs((segments[0]?.startMs ?? 0) - 1500)).toBeLessThan(40);
  });

  it('gives the same segments whatever the block size (128-sample worklet blocks or any other)', () => {
    const pcm = buffer(3000, 0.002, 7);
    addVowel(pcm, 400, 200);
    addVowel(pcm, 1400, 500);
    const byBlocks = (size: number): VoicedSegment[] => {
      const detector = new VoiceActivityDetector();
      const out: VoicedSegment[] = [];
      for (let i = 0; i < pcm.length; i += size) out.push(...detector.process(pcm.subarray(i, i + size)));
      return [...out, ...detector.flush()];
    };
    const reference = detectVoicedSegments(pcm);
    expect(reference).toHaveLength(2);
    expect(byBlocks(128)).toEqual(reference);
    expect(byBlocks(441)).toEqual(reference);
    expect(byBlocks(pcm.length)).toEqual(reference);
  });

  it('emits a segment in the block where it ends, and reports speech in progress', () => {
    const pcm = buffer(1500, 0.002);
    addVowel(pcm, 500, 300);
    const detector = new VoiceActivityDetector();
    const emittedAtMs: number[] = [];
    let wasVoiced = false;
    for (let i = 0; i < pcm.length; i += 128) {
      const closed = detector.process(pcm.subarray(i, i + 128));
      wasVoiced ||= detector.isVoiced;
      if (closed.length > 0) emittedAtMs.push((i * 1000) / RATE);
    }
    expect(wasVoiced).toBe(true);
    expect(emittedAtMs).toHaveLength(1);
    // The segment closes once the hangover has passed after the vowel's end.
    expect(emittedAtMs[0]).toBeGreaterThan(800);
    expect(emittedAtMs[0]).toBeLessThan(800 + DEFAULT_VOICE_ACTIVITY_CONFIG.hangoverMs + DEFAULT_VOICE_ACTIVITY_CONFIG.frameMs + 20);
    expect(detector.noiseFloorDb).toBeLessThan(-50);
  });

  it('runs at a worklet\'s 48 kHz when told the rate', () => {
    const rate = 48_000;
    const pcm = new Float32Array(rate * 2);
    const next = noise(3);
    for (let i = 0; i < pcm.length; i++) {
      const t = i / rate;
      let value = next() * 0.002;
      if (t >= 0.6 && t < 0.9) for (let h = 1; h <= 12; h++) value += (0.15 * Math.sin(2 * Math.PI * 150 * h * t)) / h;
      pcm[i] = value;
    }
    const segments = detectVoicedSegments(pcm, { config: { sampleRateHz: rate } });
    expect(segments).toHaveLength(1);
    expect(Math.abs((segments[0]?.startMs ?? 0) - 600)).toBeLessThan(40);
  });

  it('puts segments on the caller clock with streamStartMs', () => {
    const pcm = buffer(1000, 0.002);
    addVowel(pcm, 300, 300);
    const [plain] = detectVoicedSegments(pcm);
    const [shifted] = detectVoicedSegments(pcm, { streamStartMs: 10_000 });
    expect((shifted?.startMs ?? 0) - (plain?.startMs ?? 0)).toBeCloseTo(10_000, 6);
  });

  it('flush() closes a segment still open at the end of the stream', () => {
    const pcm = buffer(1000, 0.002);
    addVowel(pcm, 700, 300);
    const detector = new VoiceActivityDetector();
    expect(detector.process(pcm)).toEqual([]);
    expect(detector.flush()).toHaveLength(1);
  });

  it('resolves config overrides into a frozen copy and leaves the default frozen', () => {
    const config = resolveVoiceActivityConfig({ hangoverMs: 120 });
    expect(config.hangoverMs).toBe(120);
    expect(config.frameMs).toBe(DEFAULT_VOICE_ACTIVITY_CONFIG.frameMs);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VOICE_ACTIVITY_CONFIG)).toBe(true);
  });
});
