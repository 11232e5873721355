import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideReadDigits } from '../src/audio/decide-read-digits.js';
import { detectVoicedSegments } from '../src/audio/detect-voiced-segments.js';
import { VoiceActivityDetector } from '../src/audio/voice-activity-detector.js';
import { createChallengeRun, type ChallengeRunState } from '../src/challenges/challenge-run.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import type { MouthSample } from '../src/audio/mouth-sample.js';
import type { VoicedSegment } from '../src/audio/voiced-segment.js';
import { createLocalPlan, type RandomBytesSource } from '../src/challenges/local-plan.js';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';

// Real (synthetic) Mandarin speech: each digit is spoken by `espeak-ng -v cmn` at test time, placed
// at the plan's reveal time + a reaction time in a 16 kHz mono buffer with a little background
// noise, then run through the VAD and the read-digits decision.

const SAMPLE_RATE_HZ = 16_000;
const REACTION_MS = 400;
const HANZI_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** mulberry32: a small seeded PRNG, so schedules and noise are reproducible. */
function seededBytes(seed: number): RandomBytesSource {
  let state = seed >>> 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
    }
    return bytes;
  };
}

function seededUniform(seed: number): () => number {
  const bytes = seededBytes(seed);
  const buffer = new Uint8Array(4);
  return () => {
    bytes(buffer);
    return (((buffer[0] ?? 0) << 24) | ((buffer[1] ?? 0) << 16) | ((buffer[2] ?? 0) << 8) | (buffer[3] ?? 0)) / 2 ** 32 + 0.5;
  };
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${command} is not installed: this test needs it (Debian: apt-get install espeak-ng ffmpeg).`);
  }
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
}

/** Speaks each digit with espeak-ng's Mandarin voice into `dir`; returns 16 kHz mono PCM per digit. */
function synthesizeDigits(dir: string): Float32Array[] {
  return HANZI_DIGITS.map((hanzi, digit) => {
    const wav = join(dir, `digit-${digit}.wav`);
    const raw = join(dir, `digit-${digit}.f32`);
    run('espeak-ng', ['-v', 'cmn', '-w', wav, hanzi]);
    run('ffmpeg', ['-loglevel', 'error', '-y', '-i', wav, '-f', 'f32le', '-ac', '1', '-ar', String(SAMPLE_RATE_HZ), raw]);
    const bytes = readFileSync(raw);
    return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  });
}

interface Placement {
  readonly startMs: number;
  readonly endMs: number;
}

/** A buffer with faint noise and each digit's speech at `revealMs + REACTION_MS`. */
function placeSpeech(voices: Float32Array[], digits: readonly number[], revealTimesMs: readonly number[], seed: number) {
  const endMs = Math.max(...revealTimesMs) + 3000;
  const pcm = new Float32Array(Math.ceil((endMs * SAMPLE_RATE_HZ) / 1000));
  const noise = seededUniform(seed);
  for (let i = 0; i < pcm.length; i++) pcm[i] = (noise() - 0.5) * 0.003; // about −60 dBFS
  const placements: Placement[] = digits.map((digit, i) => {
    const voice = voices[digit] as Float32Array;
    const startMs = (revealTimesMs[i] as number) + REACTION_MS;
    const offset = Math.round((startMs * SAMPLE_RATE_HZ) / 1000);
    for (let j = 0; j < voice.length && offset + j < pcm.length; j++) pcm[offset + j] = (pcm[offset + j] as number) + (voice[j] as number) * 0.5;
    return { startMs, endMs: startMs + (voice.length * 1000) / SAMPLE_RATE_HZ };
  });
  return { pcm, placements, durationMs: endMs };
}

/** 30 fps mouth samples: closed (MAR ≈ 0.04) except while speaking, where the lips part (MAR ≈ 0.25). */
function mouthTrace(durationMs: number, speaking: readonly Placement[], seed: number): MouthSample[] {
  const jitter = seededUniform(seed);
  const samples: MouthSample[] = [];
  for (let t = 0; t <= durationMs; t += 1000 / 30) {
    const isSpeaking = speaking.some((p) => t >= p.startMs + 60 && t <= p.endMs - 60);
    samples.push({ timestampMs: t, mouthAspectRatio: (isSpeaking ? 0.25 : 0.04) + (jitter() - 0.5) * 0.02 });
  }
  return samples;
}

const standard = STRICTNESS_PROFILES.standard.readDigits;

describe('read digits on espeak-ng Mandarin speech', () => {
  let voices: Float32Array[] = [];
  let dir = '';
  beforeAll(() => {
    const base = join(REPO_ROOT, '.cache', 'test-audio');
    mkdirSync(base, { recursive: true });
    dir = mkdtempSync(join(base, 'espeak-'));
    voices = synthesizeDigits(dir);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Five plans from the dev plan generator with a seeded source: 3–6 digits, random reveal times.
  const seeds = [1, 2, 3, 4, 5];

  for (const seed of seeds) {
    it(`plan #${seed}: speech placed at the reveal times (+${REACTION_MS} ms) passes, one utterance per digit`, () => {
      const plan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(seed) });
      const step = plan.steps[0];
      const digits = step?.digits ?? [];
      const reveals = step?.digitOnsetsMs ?? [];
      expect(digits.length).toBeGreaterThanOrEqual(3);
      const { pcm, placements, durationMs } = placeSpeech(voices, digits, reveals, seed);
      const segments = detectVoicedSegments(pcm);
      const decision = decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: mouthTrace(durationMs, placements, seed), profile: standard });
      expect(decision.failure).toBeUndefined();
      expect(decision.passed).toBe(true);
      expect(decision.extraUtterances).toEqual([]);
      decision.digits.forEach((d, i) => {
        // The VAD onset lies within 150 ms of where the speech was placed.
        expect(Math.abs((d.utterance?.startMs ?? Number.NaN) - (placements[i]?.startMs ?? 0))).toBeLessThan(150);
        expect(d.hasMouthMovement).toBe(true);
      });
    });
  }

  // Timing is the only thing a replayed recording can get wrong, so it must rarely fit a fresh
  // schedule. Measured with these defaults: 3 digits 2–12 %, 4 digits 0.5–3.5 %, 6 digits ≤ 0.5 %.
  for (const [digitCount, maxAcceptedPercent] of [
    [4, 5],
    [6, 2],
  ] as const) {
    it(`the same ${digitCount}-digit audio against 100 other random schedules is accepted at most ${maxAcceptedPercent} times`, () => {
      const plan = createLocalPlan({
        steps: ['readDigits'],
        now: 0,
        random: seededBytes(10 + digitCount),
        config: { minDigits: digitCount, maxDigits: digitCount },
      });
      const digits = plan.steps[0]?.digits ?? [];
      const reveals = plan.steps[0]?.digitOnsetsMs ?? [];
      const { pcm, placements, durationMs } = placeSpeech(voices, digits, reveals, digitCount);
      const segments = detectVoicedSegments(pcm);
      const mouth = mouthTrace(durationMs, placements, digitCount);
      expect(decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: mouth, profile: standard }).passed).toBe(true);

      let accepted = 0;
      for (let seed = 1000; seed < 1100; seed++) {
        const other = createLocalPlan({
          steps: ['readDigits'],
          now: 0,
          random: seededBytes(seed),
          config: { minDigits: digitCount, maxDigits: digitCount },
        });
        const otherReveals = other.steps[0]?.digitOnsetsMs ?? [];
        if (decideReadDigits({ revealTimesMs: otherReveals, segments, mouthSamples: mouth, profile: standard }).passed) accepted++;
      }
      expect(accepted).toBeLessThanOrEqual(maxAcceptedPercent);
    });
  }

  it('a specific other schedule fails with a timing reason', () => {
    const plan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(21) });
    const digits = plan.steps[0]?.digits ?? [];
    const reveals = plan.steps[0]?.digitOnsetsMs ?? [];
    const { pcm, placements, durationMs } = placeSpeech(voices, digits, reveals, 21);
    const segments = detectVoicedSegments(pcm);
    // Same digit count, every reveal 1 s later: each utterance now starts before its window.
    const shifted = reveals.map((r) => r + 1000);
    const decision = decideReadDigits({ revealTimesMs: shifted, segments, mouthSamples: mouthTrace(durationMs, placements, 21), profile: standard });
    expect(decision.passed).toBe(false);
    expect(['DIGIT_NOT_SPOKEN', 'EXTRA_SPEECH', 'TIMING_INCONSISTENT']).toContain(decision.failure);
  });

  it('the right speech with a still mouth (photo + loudspeaker) fails: MOUTH_NOT_MOVING', () => {
    const plan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(31) });
    const digits = plan.steps[0]?.digits ?? [];
    const reveals = plan.steps[0]?.digitOnsetsMs ?? [];
    const { pcm, durationMs } = placeSpeech(voices, digits, reveals, 31);
    const decision = decideReadDigits({
      revealTimesMs: reveals,
      segments: detectVoicedSegments(pcm),
      mouthSamples: mouthTrace(durationMs, [], 31),
      profile: standard,
    });
    expect(decision.passed).toBe(false);
    expect(decision.failure).toBe('MOUTH_NOT_MOVING');
  });

  it('silence (faint noise only) fails: no voiced segments, DIGIT_NOT_SPOKEN', () => {
    const plan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(41) });
    const reveals = plan.steps[0]?.digitOnsetsMs ?? [];
    const { pcm, durationMs } = placeSpeech(voices, [], [Math.max(...reveals)], 41);
    const segments: VoicedSegment[] = detectVoicedSegments(pcm);
    expect(segments).toEqual([]);
    const decision = decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: mouthTrace(durationMs, [], 41), profile: standard });
    expect(decision.passed).toBe(false);
    expect(decision.failure).toBe('DIGIT_NOT_SPOKEN');
  });

  it('one digit left unsaid fails under standard but passes under loose (±1)', () => {
    const plan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(51), config: { minDigits: 4, maxDigits: 4 } });
    const digits = plan.steps[0]?.digits ?? [];
    const reveals = plan.steps[0]?.digitOnsetsMs ?? [];
    const { pcm, placements, durationMs } = placeSpeech(voices, digits.slice(0, 3), reveals.slice(0, 3), 51);
    const segments = detectVoicedSegments(pcm);
    const mouth = mouthTrace(durationMs, placements, 51);
    const strictDecision = decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: mouth, profile: standard });
    expect(strictDecision.failure).toBe('DIGIT_NOT_SPOKEN');
    const looseDecision = decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: mouth, profile: STRICTNESS_PROFILES.loose.readDigits });
    expect(looseDecision.passed).toBe(true);
  });

  /**
   * The browser wiring, end to end: video samples at 30 fps and the VAD fed 128-sample blocks on
   * the same clock (as an AudioWorklet would), its segments pushed into the run as they close.
   */
  function runEndToEnd(speechPlanSeed: number, judgedPlanSeed: number): ChallengeRunState {
    const t0 = 50_000;
    const speechPlan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(speechPlanSeed), config: { minDigits: 4, maxDigits: 4 } });
    const judgedPlan = createLocalPlan({ steps: ['readDigits'], now: 0, random: seededBytes(judgedPlanSeed), config: { minDigits: 4, maxDigits: 4 } });
    const digits = speechPlan.steps[0]?.digits ?? [];
    const reveals = speechPlan.steps[0]?.digitOnsetsMs ?? [];
    const { pcm, placements, durationMs } = placeSpeech(voices, digits, reveals, speechPlanSeed);
    // Video runs on past the audio until the decision time (last window end + decision delay).
    const mouth = mouthTrace(durationMs + 1500, placements, speechPlanSeed);
    const run = createChallengeRun(judgedPlan, { now: 0 });
    const vad = new VoiceActivityDetector({ streamStartMs: t0 });
    let fed = 0;
    let state = run.state;
    for (const m of mouth) {
      const t = t0 + m.timestampMs;
      const until = Math.min(pcm.length, Math.floor((m.timestampMs * SAMPLE_RATE_HZ) / 1000));
      for (; fed + 128 <= until; fed += 128) run.pushVoicedSegments(vad.process(pcm.subarray(fed, fed + 128)));
      const sample: MetricSample = {
        timestampMs: t,
        faceCount: 1,
        eyeAspectRatioLeft: 0.3,
        eyeAspectRatioRight: 0.3,
        mouthAspectRatio: m.mouthAspectRatio,
        yawDeg: 0,
        pitchDeg: 0,
        rollDeg: 0,
        faceBox: { x: 0.3, y: 0.25, width: 0.4, height: 0.5 },
        brightness: 120,
        sharpness: 100,
      };
      state = run.push(sample);
      if (state.final) break;
    }
    return state;
  }

  it('end to end through createChallengeRun: speech on the plan passes', () => {
    const state = runEndToEnd(61, 61);
    expect(state.final).toEqual({ passed: true });
    expect(state.readDigitsDecision?.digits.every((d) => d.utterance !== null && d.hasMouthMovement === true)).toBe(true);
  });

  it('end to end through createChallengeRun: the same speech judged against another plan fails', () => {
    const state = runEndToEnd(61, 62);
    expect(state.final).toEqual({ passed: false, reason: 'DIGITS_NOT_READ' });
  });
});
