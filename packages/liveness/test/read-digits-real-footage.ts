import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, decideReadDigits, STRICTNESS_PROFILES, type LivenessEngine, type ReadDigitsDecision } from '@huoti/liveness';
import { METRIC_FRAME_FIELDS, type ChallengePlan } from '@huoti/liveness/protocol';
import { startVoiceCapture } from '../src/audio-capture/start-voice-capture.js';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationOutcome } from '../src/session/certification-event.js';
import { fixtureUrl, type FakeMediaDeclaration } from '../../../test-support/fake-media.js';

// Read digits (读数) end to end on real footage, shared by read-digits-real-*.browser.test.ts: a
// GRID clip is the fake camera, its own voice the fake microphone, and the real engine, AudioWorklet
// VAD and session decide a one-digit plan whose reveal comes from the clip's word alignment.
// The microphone keeps only the digit word (`microphoneKeepOnly`: the aligned word ±50 ms): a GRID
// sentence is one continuous utterance that starts ~0.7 s before the digit, which a one-digit plan
// rightly refuses (read-digits-real.test.ts). The camera keeps the whole sentence, so the mouth
// moves before and after the digit as well.
//
// Chromium's fake devices start their files when getUserMedia opens them and loop (video 3.00 s,
// audio 2.98 s); the plan's reveal times count from the step's start, the first analysed frame.
// So a run opens camera and microphone together, makes the plan at once (the reveal
// `AIMED_LATENCY_MS` before the word, counted from the step's expected start) and starts the run;
// then it measures, from the evidence, where the step, the reveal and the voice really were.

/** The worklet entry, served (compiled) by the test server from the package's source. */
const WORKLET_URL = new URL('../src/audio-worklet.ts', import.meta.url);
/** `.align` times are in 1/25000 s. */
const ALIGN_UNITS_PER_MS = 25;
const DIGIT_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/**
 * From the devices' start (taken as getUserMedia's answer) to the first analysed frame. Measured
 * on the 2-core box with warmed-up devices: the step started 130–300 ms after the getUserMedia call.
 */
const EXPECTED_STEP_START_MS = 250;
/**
 * The reveal comes this long before the word: a prompt reader, inside standard's 250–2,000 ms
 * window. The pass holds while the step starts up to ~650 ms after the devices.
 */
const AIMED_LATENCY_MS = 700;
/** A plan shifted this much later reveals the digit after the voice has begun (the issue's ≥ 1 s case). */
const LATE_PLAN_SHIFT_MS = 1000;
const STANDARD = STRICTNESS_PROFILES.standard.readDigits;
const MAR_COLUMN = METRIC_FRAME_FIELDS.indexOf('mar');
const FACE_COUNT_COLUMN = METRIC_FRAME_FIELDS.indexOf('faceCount');
/** The 2-core box may analyse only a few frames per second: keep the frame-rate guard out of the way. The read-digits thresholds stay standard. */
const PROFILE_OVERRIDES = { guards: { minFrameRateFps: 1 } };

/** The clip's digit word, from its alignment file. */
interface AlignedDigit {
  readonly digit: number;
  readonly startMs: number;
  readonly endMs: number;
}

async function alignedDigit(alignPath: string): Promise<AlignedDigit> {
  const text = await (await fetch(fixtureUrl(alignPath))).text();
  for (const line of text.trim().split('\n')) {
    const [start, end, word] = line.trim().split(/\s+/);
    const digit = DIGIT_WORDS.indexOf(word ?? '');
    if (digit >= 0) return { digit, startMs: Number(start) / ALIGN_UNITS_PER_MS, endMs: Number(end) / ALIGN_UNITS_PER_MS };
  }
  throw new Error(`no digit word in ${alignPath}`);
}

function readDigitsPlan(digit: number, onsetMs: number): ChallengePlan {
  const now = Date.now();
  return {
    version: 1,
    nonce: 'read-digits-real-footage-nonce',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 120_000).toISOString(),
    strictness: 'standard',
    steps: [{ kind: 'readDigits', digits: [digit], digitOnsetsMs: [onsetMs] }],
  };
}

/** What one run measured, in ms after `getUserMedia()` was called (the fake devices' time 0, within its latency). */
interface FootageRun {
  readonly outcome: CertificationOutcome;
  readonly stepStartMs: number;
  readonly revealMs: number;
  readonly segmentsMs: readonly (readonly [number, number])[];
  /** The standard read-digits decision recomputed from the evidence alone (trace MAR, voiced segments, plan), as a server would. */
  readonly fromEvidence: ReadDigitsDecision;
  /** The highest MAR rise over the step's baseline within `mouthSyncSlackMs` of the voice; `null` without voice. */
  readonly mouthRiseAtVoice: number | null;
}

/**
 * The first camera and worklet start of a page is slower (device start, worklet compile: the step
 * then started up to 520 ms after the devices) than the runs that follow: done once beforehand,
 * so that every run starts alike.
 */
async function warmUpDevices(engine: LivenessEngine): Promise<void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream(stream.getVideoTracks());
  try {
    await video.play();
    const capture = await startVoiceCapture(new MediaStream(stream.getAudioTracks()), { workletUrl: WORKLET_URL });
    await capture.stop();
    const controller = new AbortController();
    for await (const frame of engine.watch(video, { signal: controller.signal })) if (frame.faceCount > 0) controller.abort();
  } finally {
    for (const track of stream.getTracks()) track.stop();
  }
}

/**
 * Opens camera and microphone together and starts the run at once, with a one-digit plan whose
 * reveal is `AIMED_LATENCY_MS` (less `planShiftMs`) before the aligned word as the step is
 * expected to see it; places everything on the clock of the getUserMedia call.
 */
async function runOnFootage(engine: LivenessEngine, word: AlignedDigit, planShiftMs: number): Promise<FootageRun> {
  const t0 = performance.now();
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  const openedMs = performance.now() - t0;
  const onsetMs = Math.round(word.startMs - AIMED_LATENCY_MS - EXPECTED_STEP_START_MS + planShiftMs);
  const plan = readDigitsPlan(word.digit, onsetMs);
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream(stream.getVideoTracks());
  document.body.append(video);
  let outcome: CertificationOutcome | undefined;
  try {
    await video.play();
    const events = runCertification({
      engine,
      video,
      plan,
      microphone: new MediaStream(stream.getAudioTracks()),
      audioWorkletUrl: WORKLET_URL,
      profileOverrides: PROFILE_OVERRIDES,
    });
    for await (const event of events) if (event.type === 'complete') outcome = event.outcome;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.remove();
  }
  expect(outcome, 'a complete event').to.not.equal(undefined);
  const bundle = outcome!.evidence;
  const step = bundle.steps[0]!;
  const stepSegments = bundle.evidence.trace.steps[0]?.voicedSegments ?? [];
  const frames = bundle.evidence.trace.frames.filter((f) => f[0] >= step.startedAt && f[0] <= step.startedAt + step.durationMs);
  const mouthSamples = frames.map((f) => ({ timestampMs: f[0], mouthAspectRatio: f[FACE_COUNT_COLUMN] === 1 ? (f[MAR_COLUMN] as number) : null }));
  const fromEvidence = decideReadDigits({
    revealTimesMs: [step.startedAt + onsetMs],
    segments: stepSegments.map(([startMs, endMs]) => ({ startMs, endMs })),
    mouthSamples,
    profile: STANDARD,
  });
  let mouthRiseAtVoice: number | null = null;
  if (stepSegments.length > 0 && fromEvidence.mouthBaseline !== null) {
    const from = stepSegments[0]![0] - STANDARD.mouthSyncSlackMs;
    const to = stepSegments.at(-1)![1] + STANDARD.mouthSyncSlackMs;
    const near = mouthSamples.filter((s) => s.timestampMs >= from && s.timestampMs <= to && s.mouthAspectRatio !== null);
    if (near.length > 0) mouthRiseAtVoice = Math.max(...near.map((s) => s.mouthAspectRatio! - fromEvidence.mouthBaseline!));
  }

  if (stepSegments.length > 0) {
    const v = stepSegments[0]![0];
    console.log(`MAR around the voice (ms from its start: MAR): ${mouthSamples.filter((m) => Math.abs(m.timestampMs - v) < 800).map((m) => `${Math.round(m.timestampMs - v)}:${m.mouthAspectRatio}`).join(' ')}`);
  }
  // Evidence times are relative to the first frame, whose clock time `capturedAt` carries (±1 ms).
  const originMs = Date.parse(bundle.evidence.capturedAt) - performance.timeOrigin - t0;
  const stepStartMs = originMs + step.startedAt;
  const segmentsMs = stepSegments.map(([start, end]) => [originMs + start, originMs + end] as const);
  const round = (ms: number): number => Math.round(ms);
  console.log(
    `onset ${onsetMs} ms: ${outcome!.passed ? 'PASS' : outcome!.reason} (from the evidence: ${fromEvidence.passed ? 'PASS' : fromEvidence.failure}); ` +
      `opened ${round(openedMs)}, step start ${round(stepStartMs)}, reveal ${round(stepStartMs + onsetMs)}, ` +
      `voiced ${JSON.stringify(segmentsMs.map(([s, e]) => [round(s), round(e)]))} ms after getUserMedia; ` +
      `MAR baseline ${fromEvidence.mouthBaseline}, rise at the voice ${mouthRiseAtVoice?.toFixed(3)}; fps ${bundle.evidence.environment.fps}, step ${round(step.durationMs)} ms`,
  );
  return { outcome: outcome!, stepStartMs, revealMs: stepStartMs + onsetMs, segmentsMs, fromEvidence, mouthRiseAtVoice };
}

/** The seconds a `microphoneKeepOnly: 'A-B'` declaration keeps. */
function keptSpanMs(media: FakeMediaDeclaration): readonly [number, number] {
  const [from, to] = (media.microphoneKeepOnly ?? '').split('-').map(Number);
  if (from === undefined || to === undefined || !(from < to)) throw new Error(`the declaration needs microphoneKeepOnly, got ${media.microphoneKeepOnly}`);
  return [from * 1000, to * 1000];
}

/**
 * The read-digits suite for one GRID clip declared as `media` (its own video and wav, the wav
 * cut to the digit word with `microphoneKeepOnly`): the on-time plan passes with voice and mouth
 * together, a plan `LATE_PLAN_SHIFT_MS` later fails.
 */
export function describeReadDigitsOnFootage(media: FakeMediaDeclaration, clip: { readonly alignPath: string; readonly digit: number }): void {
  describe(`read digits on real footage: ${media.camera}, own voice (digit word only), standard`, () => {
    let engine: LivenessEngine;
    let word: AlignedDigit;
    before(async () => {
      engine = await createLivenessEngine();
      word = await alignedDigit(clip.alignPath);
      await warmUpDevices(engine);
    });
    after(async () => {
      await engine?.dispose();
    });

    it('the microphone keeps the aligned digit word', () => {
      const [from, to] = keptSpanMs(media);
      expect(word.digit).to.equal(clip.digit);
      expect(from).to.be.at.most(word.startMs);
      expect(to).to.be.at.least(word.endMs);
    });

    it('the digit revealed before the spoken word passes: voice in the response window, mouth open with it', async () => {
      const run = await runOnFootage(engine, word, 0);
      expect(run.outcome.passed, `reason ${run.outcome.reason}`).to.equal(true);
      // The VAD may split a word at a stop ("t-wo"); the decision joins segments closer than utteranceGapMs.
      const [first, ...rest] = run.segmentsMs;
      expect(first, 'voice heard in the step').to.not.equal(undefined);
      for (const [i, [start]] of rest.entries()) expect(start - run.segmentsMs[i]![1], 'one utterance').to.be.below(STANDARD.utteranceGapMs);
      const [keptFrom, keptTo] = keptSpanMs(media);
      expect(run.segmentsMs.at(-1)![0] - first![0], 'all inside the kept word').to.be.at.most(keptTo - keptFrom);
      const latencyMs = first![0] - run.revealMs;
      // The VAD hears the kept span from its start: the devices started about `first − kept start` after getUserMedia was called.
      console.log(`latency ${Math.round(latencyMs)} ms; step start ≈ ${Math.round(run.stepStartMs - (first![0] - keptFrom))} ms after the devices started`);
      expect(latencyMs).to.be.within(STANDARD.responseWindowStartMs, STANDARD.responseWindowEndMs);
      // The same decision from the evidence alone: the voice in the window, the mouth open with it.
      expect(run.fromEvidence.passed, run.fromEvidence.failure).to.equal(true);
      expect(run.fromEvidence.digits[0]!.hasMouthMovement).to.equal(true);
      expect(run.mouthRiseAtVoice).to.be.at.least(STANDARD.mouthMinRise);
    });

    it(`the same footage against a plan ${LATE_PLAN_SHIFT_MS} ms later fails: the digit is revealed after the voice began`, async () => {
      const run = await runOnFootage(engine, word, LATE_PLAN_SHIFT_MS);
      expect(run.outcome.passed).to.equal(false);
      expect(run.outcome.reason).to.equal('DIGITS_NOT_READ');
      expect(run.segmentsMs.length, 'the word was heard in the step').to.be.at.least(1);
      expect(run.segmentsMs[0]![0], 'the voice began before the reveal').to.be.below(run.revealMs);
      for (const [start] of run.segmentsMs) {
        expect(start - run.revealMs, 'no voice in the response window').to.not.be.within(STANDARD.responseWindowStartMs, STANDARD.responseWindowEndMs);
      }
      expect(run.fromEvidence.failure).to.equal('DIGIT_NOT_SPOKEN');
    });
  });
}
