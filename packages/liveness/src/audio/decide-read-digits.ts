import type { ReadDigitsProfile } from '../challenges/strictness-profiles.js';
import { joinVoicedSegments } from './join-voiced-segments.js';
import { matchDigitResponses } from './match-digit-responses.js';
import type { MouthSample } from './mouth-sample.js';
import type { VoicedSegment } from './voiced-segment.js';

/** Inputs of {@link decideReadDigits}; every time in ms on one clock (the camera frames'). */
export interface ReadDigitsInput {
  /** When each digit was shown. */
  readonly revealTimesMs: readonly number[];
  /** Voiced segments from the {@link VoiceActivityDetector} over the whole step (at least until the last window closed). */
  readonly segments: readonly VoicedSegment[];
  /** Mouth measurements of the same step. */
  readonly mouthSamples: readonly MouthSample[];
  /** Thresholds, from the plan's strictness profile. */
  readonly profile: ReadDigitsProfile;
}

/** Why a read-digits decision failed. */
export type ReadDigitsFailure = 'DIGIT_NOT_SPOKEN' | 'EXTRA_SPEECH' | 'TIMING_INCONSISTENT' | 'MOUTH_NOT_MOVING';

/** What was found for one digit. */
export interface DigitResponse {
  /** When the digit was shown, in ms. */
  readonly revealMs: number;
  /** The utterance matched to it, or `null`. */
  readonly utterance: VoicedSegment | null;
  /** Utterance start minus reveal, in ms; `null` without an utterance. */
  readonly latencyMs: number | null;
  /** Whether the mouth opened during the utterance; `null` without an utterance or without mouth samples there. */
  readonly hasMouthMovement: boolean | null;
}

/** The read-digits (读数) decision. It never claims the digits were recognised, only that speech followed each reveal. */
export interface ReadDigitsDecision {
  /** Whether every rule held. */
  readonly passed: boolean;
  /** The first rule that failed; absent when passed. */
  readonly failure?: ReadDigitsFailure;
  /** What was found per digit, in plan order. */
  readonly digits: readonly DigitResponse[];
  /** Utterances in the step that belong to no digit. */
  readonly extraUtterances: readonly VoicedSegment[];
  /** The closed-mouth baseline used (MAR); `null` without mouth samples. */
  readonly mouthBaseline: number | null;
}

/**
 * Decides a read-digits step from voice activity, the reveal schedule and mouth movement:
 * 1. voiced segments closer than `utteranceGapMs` are joined into utterances;
 * 2. each digit, in order, takes the first utterance starting inside its response window
 *    (`responseWindowStartMs`–`responseWindowEndMs` after its reveal); at most `maxMissedDigits`
 *    may go without;
 * 3. utterances starting between the first reveal and the last window's end that match no digit
 *    are extra speech; at most `maxExtraUtterances` are tolerated (both 0 except in `loose`);
 * 4. the slowest and fastest response latency differ by at most `maxLatencySpreadMs` (a
 *    person's reaction time is steady; a replay against a new random schedule is not);
 * 5. for each matched utterance the mouth must open (MAR `mouthMinRise` above the step's low
 *    percentile) within `mouthSyncSlackMs` of it; at most `maxDigitsWithoutMouthMovement` may not.
 *
 * A replayed recording fails on timing (the schedule is random per plan), a photo with a speaker
 * fails on the mouth. Pure and deterministic.
 */
export function decideReadDigits(input: ReadDigitsInput): ReadDigitsDecision {
  const { revealTimesMs, profile } = input;
  const utterances = joinVoicedSegments(input.segments, profile.utteranceGapMs);
  const matches = matchDigitResponses(revealTimesMs, utterances, {
    startMs: profile.responseWindowStartMs,
    endMs: profile.responseWindowEndMs,
  });
  const mouthBaseline = percentile(
    input.mouthSamples.map((s) => s.mouthAspectRatio).filter((v): v is number => v !== null && Number.isFinite(v)),
    profile.mouthBaselinePercentile,
  );

  const digits: DigitResponse[] = revealTimesMs.map((revealMs, i) => {
    const index = matches[i] ?? null;
    const utterance = index === null ? null : (utterances[index] ?? null);
    return {
      revealMs,
      utterance,
      latencyMs: utterance ? utterance.startMs - revealMs : null,
      hasMouthMovement: utterance && mouthBaseline !== null ? hasMouthMovement(utterance, input.mouthSamples, mouthBaseline, profile) : null,
    };
  });

  const used = new Set(matches.filter((m): m is number => m !== null));
  const spanStart = Math.min(...revealTimesMs);
  const spanEnd = Math.max(...revealTimesMs) + profile.responseWindowEndMs;
  const extraUtterances = utterances.filter((u, i) => !used.has(i) && u.startMs >= spanStart && u.startMs <= spanEnd);

  const missed = digits.filter((d) => d.utterance === null).length;
  const latencies = digits.map((d) => d.latencyMs).filter((l): l is number => l !== null);
  const latencySpreadMs = latencies.length > 0 ? Math.max(...latencies) - Math.min(...latencies) : 0;
  const withoutMouth = digits.filter((d) => d.utterance !== null && d.hasMouthMovement !== true).length;
  const failure: ReadDigitsFailure | undefined =
    revealTimesMs.length === 0 || missed > profile.maxMissedDigits
      ? 'DIGIT_NOT_SPOKEN'
      : extraUtterances.length > profile.maxExtraUtterances
        ? 'EXTRA_SPEECH'
        : latencySpreadMs > profile.maxLatencySpreadMs
          ? 'TIMING_INCONSISTENT'
          : withoutMouth > profile.maxDigitsWithoutMouthMovement
            ? 'MOUTH_NOT_MOVING'
            : undefined;
  return failure
    ? { passed: false, failure, digits, extraUtterances, mouthBaseline }
    : { passed: true, digits, extraUtterances, mouthBaseline };
}

function hasMouthMovement(utterance: VoicedSegment, samples: readonly MouthSample[], baseline: number, profile: ReadDigitsProfile): boolean {
  const from = utterance.startMs - profile.mouthSyncSlackMs;
  const to = utterance.endMs + profile.mouthSyncSlackMs;
  return samples.some(
    (s) => s.timestampMs >= from && s.timestampMs <= to && s.mouthAspectRatio !== null && s.mouthAspectRatio - baseline >= profile.mouthMinRise,
  );
}

function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))))] ?? null;
}
