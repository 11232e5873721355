import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { digestEvidence, validateEvidenceBundle, type ChallengePlan } from '@huoti/liveness/protocol';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationEvent, CertificationOutcome } from '../src/session/certification-event.js';
import { closeCameraInPage, openCameraInPage } from './clip-samples.js';
import { declareFakeMedia } from '../../../test-support/fake-media.js';

// GRID swwp2s loops every 3 s with blinks at 1.04, 1.72 and 2.84 s: three chances per loop, so a
// blink plan passes even when the loaded CI box analyses only a few frames per second. Its sound
// track (six words every loop) feeds the fake microphone.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

/** The worklet entry, served (compiled) by the test server from the package's source. */
const WORKLET_URL = new URL('../src/audio-worklet.ts', import.meta.url);
/** Generous: the clip blinks three times every 3 s; a slow machine may still miss a few. */
const STEP_TIMEOUT_MS = 20_000;
/** The loaded CI box may analyse only ~3 frames per second: keep the frame-rate guard out of the way. */
const PROFILE_OVERRIDES = { guards: { minFrameRateFps: 1 } };

function blinkPlan(): ChallengePlan {
  const now = Date.now();
  return {
    version: 1,
    nonce: 'session-grid-test-nonce',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 120_000).toISOString(),
    strictness: 'standard',
    steps: [{ kind: 'blink', timeoutMs: STEP_TIMEOUT_MS }],
  };
}

describe('runCertification on a GRID speaker (fake camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('passes a blink plan and produces evidence that validates, with a matching digest and best frames', async () => {
    const video = await openCameraInPage();
    const plan = blinkPlan();
    const events: CertificationEvent[] = [];
    let outcome: CertificationOutcome | undefined;
    try {
      for await (const event of runCertification({ engine, video, plan, evidence: { includeBestFrames: true }, profileOverrides: PROFILE_OVERRIDES })) {
        events.push(event);
        if (event.type === 'complete') outcome = event.outcome;
      }
    } finally {
      closeCameraInPage(video);
    }
    expect(outcome, 'a complete event').to.not.equal(undefined);
    const bundle = outcome!.evidence;
    console.log(`session: ${bundle.evidence.trace.frames.length} frames, fps ${bundle.evidence.environment.fps}, steps ${JSON.stringify(bundle.steps)}, trace steps ${JSON.stringify(bundle.evidence.trace.steps)}`);
    expect(outcome!.passed, `reason ${outcome!.reason}`).to.equal(true);
    expect(events[0]).to.deep.equal({ type: 'step', index: 0, total: 1, kind: 'blink', revealedDigits: [] });
    expect(events.at(-1)?.type).to.equal('complete');

    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
    expect(await digestEvidence(bundle)).to.equal(bundle.evidence.digest);
    expect(bundle.evidence.plan).to.deep.equal(plan);
    expect(bundle.steps).to.have.length(1);
    expect(bundle.steps[0]!.passed).to.equal(true);
    const [stepTrace] = bundle.evidence.trace.steps;
    expect(stepTrace!.eventsMs).to.have.length(1);
    const { startedAt, durationMs } = bundle.steps[0]!;
    expect(stepTrace!.eventsMs[0]).to.be.within(startedAt, startedAt + durationMs);
    expect(bundle.evidence.environment.backend).to.equal(engine.capabilities.backend);
    expect(bundle.evidence.environment.userAgent).to.equal(navigator.userAgent);

    const bestFrames = bundle.evidence.bestFrames ?? [];
    expect(bestFrames.length).to.be.within(1, 3);
    for (const frame of bestFrames) {
      const bytes = Uint8Array.from(atob(frame.jpegBase64), (c) => c.charCodeAt(0));
      expect(bytes.length).to.be.at.most(50 * 1024);
      expect([bytes[0], bytes[1]]).to.deep.equal([0xff, 0xd8]);
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      expect([image.width, image.height]).to.deep.equal([frame.width, frame.height]);
      image.close();
    }
  });

  it('runs a readDigits step on the microphone: a recording that ignores the reveals fails, with its segments and audio in the evidence', async () => {
    const video = await openCameraInPage();
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const plan: ChallengePlan = { ...blinkPlan(), steps: [{ kind: 'readDigits', digits: [4, 7, 1], digitOnsetsMs: [500, 1500, 2500] }] };
    const revealed: (readonly number[])[] = [];
    let outcome: CertificationOutcome | undefined;
    try {
      const events = runCertification({
        engine,
        video,
        plan,
        microphone,
        audioWorkletUrl: WORKLET_URL,
        evidence: { includeAudio: true },
        profileOverrides: PROFILE_OVERRIDES,
      });
      for await (const event of events) {
        if (event.type === 'step') revealed.push(event.revealedDigits);
        if (event.type === 'complete') outcome = event.outcome;
      }
      expect(microphone.getAudioTracks()[0]!.readyState, "the caller's microphone keeps running").to.equal('live');
    } finally {
      closeCameraInPage(video);
      for (const track of microphone.getTracks()) track.stop();
    }
    expect(revealed.map((digits) => digits.join(''))).to.deep.equal(['', '4', '47', '471']);
    // Six words every 3 s, whatever the reveals: extra speech and unmatched timing.
    expect(outcome!.passed).to.equal(false);
    expect(outcome!.reason).to.equal('DIGITS_NOT_READ');
    const bundle = outcome!.evidence;
    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
    expect(await digestEvidence(bundle)).to.equal(bundle.evidence.digest);
    const segments = bundle.evidence.trace.steps[0]!.voicedSegments ?? [];
    expect(segments.length, 'voiced segments heard during the step').to.be.at.least(2);
    const { startedAt, durationMs } = bundle.steps[0]!;
    for (const [startMs, endMs] of segments) {
      expect(startMs).to.be.at.least(startedAt);
      expect(endMs).to.be.at.most(startedAt + durationMs);
    }
    const audio = bundle.evidence.audio!;
    expect(audio).to.include({ sampleRateHz: 16_000, channels: 1 });
    const wav = Uint8Array.from(atob(audio.wavBase64), (c) => c.charCodeAt(0));
    const header = new DataView(wav.buffer);
    expect(new TextDecoder().decode(wav.subarray(0, 4))).to.equal('RIFF');
    expect([header.getUint16(22, true), header.getUint32(24, true), header.getUint16(34, true)]).to.deep.equal([1, 16_000, 16]);
    const audioEndMs = audio.startMs + ((wav.length - 44) / 2 / 16_000) * 1000;
    expect(audio.startMs).to.be.at.most(segments[0]![0]);
    expect(audioEndMs).to.be.at.least(segments.at(-1)![1]);
  });

  it('leaves out best frames unless asked, and stops quietly on abort', async () => {
    const video = await openCameraInPage();
    const controller = new AbortController();
    const events: CertificationEvent[] = [];
    try {
      for await (const event of runCertification({ engine, video, plan: blinkPlan(), signal: controller.signal })) {
        events.push(event);
        if (event.type === 'step') controller.abort();
      }
    } finally {
      closeCameraInPage(video);
    }
    expect(events.map((e) => e.type)).to.not.include('complete');
  });
});
