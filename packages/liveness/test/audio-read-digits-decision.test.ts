import { describe, expect, it } from 'vitest';
import { decideReadDigits } from '../src/audio/decide-read-digits.js';
import { joinVoicedSegments } from '../src/audio/join-voiced-segments.js';
import { matchDigitResponses } from '../src/audio/match-digit-responses.js';
import type { MouthSample } from '../src/audio/mouth-sample.js';
import type { VoicedSegment } from '../src/audio/voiced-segment.js';
import { resolveStrictnessProfile, STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';

const standard = STRICTNESS_PROFILES.standard.readDigits;
const reveals = [1000, 3000, 5500, 7500];
/** One utterance per digit, 600 ms after its reveal, 300 ms long. */
const onTime: VoicedSegment[] = reveals.map((r) => ({ startMs: r + 600, endMs: r + 900 }));

/** 30 fps MAR: 0.03 closed, 0.2 during the given spans. */
function mouth(openSpans: readonly VoicedSegment[], untilMs = 11_000): MouthSample[] {
  const samples: MouthSample[] = [];
  for (let t = 0; t <= untilMs; t += 1000 / 30) {
    samples.push({ timestampMs: t, mouthAspectRatio: openSpans.some((s) => t >= s.startMs && t <= s.endMs) ? 0.2 : 0.03 });
  }
  return samples;
}

describe('joinVoicedSegments', () => {
  it('joins segments closer than the gap and sorts them', () => {
    const joined = joinVoicedSegments(
      [
        { startMs: 900, endMs: 1000 },
        { startMs: 100, endMs: 200 },
        { startMs: 300, endMs: 400 },
      ],
      150,
    );
    expect(joined).toEqual([
      { startMs: 100, endMs: 400 },
      { startMs: 900, endMs: 1000 },
    ]);
  });
});

describe('matchDigitResponses', () => {
  it('matches in order, each segment at most once, only inside the window', () => {
    const segments: VoicedSegment[] = [
      { startMs: 1100, endMs: 1200 }, // 100 ms after reveal 1000: too early, anticipation
      { startMs: 1500, endMs: 1700 },
      { startMs: 1900, endMs: 2000 },
    ];
    expect(matchDigitResponses([1000, 1200], segments, { startMs: 250, endMs: 2000 })).toEqual([1, 2]);
    expect(matchDigitResponses([1000, 5000], segments, { startMs: 250, endMs: 2000 })).toEqual([1, null]);
  });
});

describe('decideReadDigits (synthetic segments and MAR)', () => {
  const cases: readonly {
    name: string;
    segments: readonly VoicedSegment[];
    mouthSpans?: readonly VoicedSegment[];
    profile?: typeof standard;
    passed: boolean;
    failure?: string;
  }[] = [
    { name: 'one utterance per digit, on time, mouth moving', segments: onTime, passed: true },
    {
      name: 'a digit split in two segments by a consonant still counts once',
      segments: [...onTime.slice(1), { startMs: 1600, endMs: 1700 }, { startMs: 1780, endMs: 1900 }],
      mouthSpans: [...onTime, { startMs: 1600, endMs: 1900 }],
      passed: true,
    },
    { name: 'a missing digit fails', segments: onTime.slice(0, 3), passed: false, failure: 'DIGIT_NOT_SPOKEN' },
    { name: 'a missing digit passes under loose', segments: onTime.slice(0, 3), profile: STRICTNESS_PROFILES.loose.readDigits, passed: true },
    {
      name: 'an extra word between digits fails',
      segments: [...onTime, { startMs: 2500, endMs: 2700 }],
      passed: false,
      failure: 'EXTRA_SPEECH',
    },
    {
      name: 'an extra word passes under loose',
      segments: [...onTime, { startMs: 2500, endMs: 2700 }],
      profile: STRICTNESS_PROFILES.loose.readDigits,
      passed: true,
    },
    {
      name: 'speaking before the reveal is seen (anticipation) fails',
      segments: reveals.map((r) => ({ startMs: r + 100, endMs: r + 400 })),
      passed: false,
      failure: 'DIGIT_NOT_SPOKEN',
    },
    {
      name: 'answers far too late fail',
      segments: reveals.map((r) => ({ startMs: r + 2300, endMs: r + 2500 })),
      passed: false,
    },
    {
      name: 'latencies that wander by more than the allowed spread fail',
      segments: [300, 1500, 400, 1400].map((latency, i) => ({ startMs: (reveals[i] ?? 0) + latency, endMs: (reveals[i] ?? 0) + latency + 250 })),
      passed: false,
      failure: 'TIMING_INCONSISTENT',
    },
    {
      name: 'speech with the mouth shut (loudspeaker next to a photo) fails',
      segments: onTime,
      mouthSpans: [],
      passed: false,
      failure: 'MOUTH_NOT_MOVING',
    },
    {
      name: 'mouth movement 100 ms off the audio (A/V clock skew) still counts',
      segments: onTime,
      mouthSpans: onTime.map((s) => ({ startMs: s.endMs + 100, endMs: s.endMs + 140 })),
      passed: true,
    },
    {
      name: 'mouth movement 400 ms away from the speech does not count',
      segments: onTime,
      mouthSpans: onTime.map((s) => ({ startMs: s.endMs + 400, endMs: s.endMs + 500 })),
      passed: false,
      failure: 'MOUTH_NOT_MOVING',
    },
    { name: 'no speech at all fails', segments: [], passed: false, failure: 'DIGIT_NOT_SPOKEN' },
  ];

  it.each(cases)('$name', ({ segments, mouthSpans, profile, passed, failure }) => {
    const decision = decideReadDigits({ revealTimesMs: reveals, segments, mouthSamples: mouth(mouthSpans ?? onTime), profile: profile ?? standard });
    expect(decision.passed).toBe(passed);
    if (failure) expect(decision.failure).toBe(failure);
    if (passed) expect(decision.failure).toBeUndefined();
  });

  it('reports latency, the utterance and the mouth baseline per digit', () => {
    const decision = decideReadDigits({ revealTimesMs: reveals, segments: onTime, mouthSamples: mouth(onTime), profile: standard });
    expect(decision.digits.map((d) => d.latencyMs)).toEqual([600, 600, 600, 600]);
    expect(decision.digits.every((d) => d.hasMouthMovement === true)).toBe(true);
    expect(decision.mouthBaseline).toBeCloseTo(0.03, 6);
  });

  it('without any mouth samples the mouth rule cannot be met (unless a profile waives it)', () => {
    expect(decideReadDigits({ revealTimesMs: reveals, segments: onTime, mouthSamples: [], profile: standard }).failure).toBe('MOUTH_NOT_MOVING');
    const waived = resolveStrictnessProfile('standard', { readDigits: { maxDigitsWithoutMouthMovement: 4 } }).readDigits;
    expect(decideReadDigits({ revealTimesMs: reveals, segments: onTime, mouthSamples: [], profile: waived }).passed).toBe(true);
  });

  it('an empty reveal schedule never passes', () => {
    expect(decideReadDigits({ revealTimesMs: [], segments: onTime, mouthSamples: mouth(onTime), profile: standard }).passed).toBe(false);
  });
});
