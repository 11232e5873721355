import { describe, expect, it } from 'vitest';
import { createChallengeRun, type ChallengeRunState } from '../src/challenges/challenge-run.js';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { loadRecordedTracesByClip, looped } from './traces/recorded-traces.js';
import { RunGuards } from '../src/challenges/run-guards.js';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import type { ChallengePlan, ChallengeStepKind } from '../src/protocol/challenge-plan.js';

// Whole challenge runs over real engine metric traces (see traces/README.md): a printed photo,
// a phone-screen replay and a photo of a live person (3 s stills), two people, no face, and the
// GRID talkers. Chromium loops a fake-camera file, so short clips are looped here the same way.




const NOW = Date.parse('2026-11-29T10:00:00Z');
const plan = (kind: ChallengeStepKind): ChallengePlan => ({
  version: 1,
  nonce: 'real-trace',
  issuedAt: new Date(NOW).toISOString(),
  expiresAt: new Date(NOW + 120_000).toISOString(),
  strictness: 'standard',
  steps: [{ kind }],
});

function run(kind: ChallengeStepKind, samples: readonly MetricSample[]): ChallengeRunState {
  const challenge = createChallengeRun(plan(kind), { now: NOW });
  let state = challenge.state;
  for (const sample of samples) state = challenge.push(sample);
  return state;
}

const stills = loadRecordedTracesByClip('no-action-traces.iris.json.gz');
const annotated = loadRecordedTracesByClip('blink-traces.iris.json.gz');

describe('challenge runs on real traces', () => {
  const photos = ['spoof/silentface_image_F1_still3s.mp4', 'spoof/silentface_image_F2_still3s.mp4', 'spoof/silentface_image_T1_still3s.mp4'];
  const motions: ChallengeStepKind[] = ['blink', 'mouthOpen', 'turnLeft', 'turnRight', 'nod'];

  it.each(photos)('%s (a still, looped for 12 s): no action step passes, each times out', (clip) => {
    const samples = looped(stills.get(clip) ?? [], 12_000);
    expect(samples.length).toBeGreaterThan(300);
    for (const kind of motions) {
      const state = run(kind, samples);
      expect(state.final, kind).toEqual({ passed: false, reason: 'TIMEOUT' });
    }
  });

  it('two people in view fail with MULTIPLE_FACES', () => {
    const state = run('blink', looped(stills.get('faces/openh264_CiscoVT2people_twofaces.mp4') ?? [], 6000));
    expect(state.final).toEqual({ passed: false, reason: 'MULTIPLE_FACES' });
  });

  it('no face fails with FACE_LOST', () => {
    const state = run('blink', looped(stills.get('noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4') ?? [], 6000));
    expect(state.final).toEqual({ passed: false, reason: 'FACE_LOST' });
  });

  const gridWithBlink = ['grid_bbaf2n', 'grid_brbk7n', 'grid_lbax4n', 'grid_pwij3p', 'grid_sbwe5n', 'grid_swwp2s'];
  it.each(gridWithBlink)('%s: a talking person who blinks passes a blink step (clip played once)', (id) => {
    const state = run('blink', annotated.get(`grid/${id}.mp4`) ?? []);
    expect(state.final).toEqual({ passed: true });
  });

  // grid_lrwp9a is left out: its annotated partial blink (lids to a slit) may count either way.
  it.each(['grid_lbbc2a', 'grid_lwbsza', 'grid_sbia1a', 'grid_swiz3n'])('%s: no blink in the clip, so the blink step is still open at its end', (id) => {
    const state = run('blink', annotated.get(`grid/${id}.mp4`) ?? []);
    expect(state.status).toBe('running');
    expect(state.stepResults).toEqual([]);
  });

  it('GRID talkers never pass a mouth-open step by talking', () => {
    for (const [clip, samples] of annotated) {
      if (!clip.startsWith('grid/')) continue;
      expect(run('mouthOpen', samples).final, clip).toBeNull();
    }
  });

  it('the continuity guard holds on all 14 annotated clips, even the handheld one; the face leaving fails FACE_LOST after the grace time', () => {
    for (const strictness of ['loose', 'standard', 'strict'] as const) {
      for (const [clip, samples] of annotated) {
        const guards = new RunGuards(STRICTNESS_PROFILES[strictness].guards);
        const failure = samples.map((s) => [s.timestampMs, guards.push(s).failure] as const).find(([, f]) => f !== null);
        expect(failure?.[1], `${clip} ${strictness}`).not.toBe('FACE_CHANGED');
        expect(failure?.[1], `${clip} ${strictness}`).not.toBe('MULTIPLE_FACES');
        if (clip === 'faces/openh264_BA1_FT_C_foreman.mp4') {
          // The face leaves the frame at about 7.3–7.75 s; the clip ends at 11.96 s.
          const graceMs = STRICTNESS_PROFILES[strictness].guards.faceLostFailMs;
          expect(failure?.[1] ?? null, strictness).toBe(7750 + graceMs < 11_960 ? 'FACE_LOST' : null);
          if (failure) expect(failure[0], strictness).toBeGreaterThan(7300 + graceMs - 100);
        }
      }
    }
  });
});
