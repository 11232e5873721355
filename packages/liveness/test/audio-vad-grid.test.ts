import { describe, expect, it } from 'vitest';
import { decideReadDigits } from '../src/audio/decide-read-digits.js';
import { detectVoicedSegments } from '../src/audio/detect-voiced-segments.js';
import { matchDigitResponses } from '../src/audio/match-digit-responses.js';
import { resolveStrictnessProfile, STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import { loadGridClips, type GridClip } from './detector-accuracy-fixtures.js';

// The VAD and the read-digits timing on real human speech: the GRID clips (English sentences such
// as "bin blue at f two now"), with a plan whose single reveal is the digit word's aligned onset
// minus a reaction time.

const SAMPLE_RATE_HZ = 16_000;
const REACTION_MS = 400;

/** The clip with everything outside the digit word (±50 ms) silenced: one real spoken digit at its own time. */
function digitOnly(clip: GridClip): Float32Array {
  const from = Math.round(((clip.digitStartMs - 50) * SAMPLE_RATE_HZ) / 1000);
  const to = Math.round(((clip.digitEndMs + 50) * SAMPLE_RATE_HZ) / 1000);
  return clip.pcm.map((v, i) => (i >= from && i < to ? v : 0));
}

const clips = loadGridClips();
const standard = STRICTNESS_PROFILES.standard;
const window = { startMs: standard.readDigits.responseWindowStartMs, endMs: standard.readDigits.responseWindowEndMs };
// Only the audio half of the decision is judged here: the mouth half is switched off explicitly
// (read-digits-real.test.ts judges both, with the clips' recorded MAR traces).
const audioOnly = resolveStrictnessProfile('standard', { readDigits: { maxDigitsWithoutMouthMovement: Number.POSITIVE_INFINITY } }).readDigits;

/** "p nine": the /iː/ of "p" runs into the nasal of "nine" with no dip at all, so no VAD can split them. */
const MERGED_DIGIT_ONSET = new Set(['grid_lrwp9a']);

describe('VAD on the GRID clips (real speech)', () => {
  it.each(clips.map((c) => [c.id, c] as const))('%s: a voiced segment starts in the response window after the reveal', (_id, clip) => {
    const segments = detectVoicedSegments(clip.pcm);
    const reveal = clip.digitStartMs - REACTION_MS;
    const [match] = matchDigitResponses([reveal], segments, window);
    expect(match).not.toBeNull();
    const segment = segments[match ?? -1];
    expect(segment?.startMs).toBeGreaterThanOrEqual(reveal + window.startMs);
    expect(segment?.startMs).toBeLessThanOrEqual(reveal + window.endMs);
  });

  it.each(clips.map((c) => [c.id, c] as const))('%s: the digit word has its own segment onset (except a known coarticulation)', (id, clip) => {
    const segments = detectVoicedSegments(clip.pcm);
    const hasOwnOnset = segments.some((s) => s.startMs >= clip.digitStartMs - 120 && s.startMs <= clip.digitEndMs);
    expect(hasOwnOnset).toBe(!MERGED_DIGIT_ONSET.has(id));
  });
});

describe('read-digits timing on the GRID digit words', () => {
  // With a single digit, only the response window constrains the timing: a reveal moved later by
  // ≥ 1 s leaves the speech before the window (fails); one moved earlier still fails once the
  // latency exceeds the window end (2 s under standard), but 1 s earlier is a 1.4 s latency, which
  // a slow reader can have. Multi-digit plans add the latency-spread rule (tested below and with espeak).
  it.each(clips.map((c) => [c.id, c] as const))('%s: the digit at its planned time passes; plans shifted later by ≥ 1 s or earlier beyond the window fail', (_id, clip) => {
    const pcm = digitOnly(clip);
    const segments = detectVoicedSegments(pcm);
    expect(segments.length).toBeGreaterThanOrEqual(1);
    const reveal = clip.digitStartMs - REACTION_MS;
    const decide = (revealMs: number) => decideReadDigits({ revealTimesMs: [revealMs], segments, mouthSamples: [], profile: audioOnly });
    expect(decide(reveal).passed).toBe(true);
    for (const shiftMs of [1000, 1500, 2000, -2000, -2500]) {
      expect(decide(reveal + shiftMs).passed, `shift ${shiftMs} ms`).toBe(false);
    }
  });

  it('four real digit words from different speakers at a random schedule pass; the same audio on a shifted schedule fails', () => {
    const chosen = clips.filter((c) => ['grid_bbaf2n', 'grid_lbax4n', 'grid_lwbsza', 'grid_pwij3p'].includes(c.id));
    const revealTimesMs = [1000, 3300, 5100, 7900];
    const pcm = new Float32Array(Math.ceil(((revealTimesMs.at(-1) ?? 0) + 3000) * (SAMPLE_RATE_HZ / 1000)));
    chosen.forEach((clip, i) => {
      const word = digitOnly(clip).subarray(
        Math.round(((clip.digitStartMs - 50) * SAMPLE_RATE_HZ) / 1000),
        Math.round(((clip.digitEndMs + 50) * SAMPLE_RATE_HZ) / 1000),
      );
      pcm.set(word, Math.round((((revealTimesMs[i] ?? 0) + REACTION_MS) * SAMPLE_RATE_HZ) / 1000));
    });
    const segments = detectVoicedSegments(pcm);
    const decide = (reveals: number[]) => decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: [], profile: audioOnly });
    const decision = decide(revealTimesMs);
    expect(decision.passed).toBe(true);
    expect(decision.digits.map((d) => d.utterance !== null)).toEqual([true, true, true, true]);
    expect(decide(revealTimesMs.map((t) => t + 1000)).passed).toBe(false);
    expect(decide([1000, 2600, 5800, 7400]).passed).toBe(false);
  });
});
