import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, HuotiError, type LivenessEngine } from '@huoti/liveness';
import { digestEvidence, validateEvidenceBundle, type ChallengePlan, type FaceMatchRecord } from '@huoti/liveness/protocol';
import { DEFAULT_FACE_MATCH_THRESHOLDS } from '../src/face-match/face-match-thresholds.js';
import { runCertification } from '../src/session/run-certification.js';
import type { CertificationOutcome } from '../src/session/certification-event.js';
import { closeCameraInPage, openCameraInPage } from './clip-samples.js';
import { declareFakeMedia, fixtureUrl } from '../../../test-support/fake-media.js';

// 1:1 face match in a real run: the fake camera plays GRID swwp2s (a grey-haired man; blinks at
// 1.04, 1.72 and 2.84 s of every 3-s loop). The reference is a frame of the same footage (grabbed
// from the camera before the run), or of other fixtures decoded in the page.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4', cameraSize: '640x480' });

const STEP_TIMEOUT_MS = 20_000;
/** The loaded CI box may analyse only ~3 frames per second: keep the frame-rate guard out of the way. */
const PROFILE_OVERRIDES = { guards: { minFrameRateFps: 1 } };
const THRESHOLD = DEFAULT_FACE_MATCH_THRESHOLDS.standard;

function faceMatchPlan(): ChallengePlan {
  const now = Date.now();
  return {
    version: 1,
    nonce: 'session-face-match-nonce',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 120_000).toISOString(),
    strictness: 'standard',
    steps: [{ kind: 'faceMatch', timeoutMs: STEP_TIMEOUT_MS }, { kind: 'blink', timeoutMs: STEP_TIMEOUT_MS }],
  };
}

/** Resolves on `type`, rejects on `error` or after `timeoutMs`. */
function once(target: HTMLMediaElement, type: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeoutMs} ms`)), timeoutMs);
    target.addEventListener(type, () => (clearTimeout(timer), resolve()), { once: true });
    target.addEventListener('error', () => (clearTimeout(timer), reject(new Error(`media error ${target.error?.message ?? ''}`))), { once: true });
  });
}

/** One decoded frame of a fixture video at `timeS`, as an ImageBitmap. */
async function fixtureFrame(path: string, timeS: number): Promise<ImageBitmap> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  const loaded = once(video, 'loadeddata');
  video.src = fixtureUrl(path);
  await loaded;
  const seeked = once(video, 'seeked');
  video.currentTime = timeS;
  await seeked;
  try {
    return await createImageBitmap(video);
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}

async function run(engine: LivenessEngine, plan = faceMatchPlan()): Promise<CertificationOutcome> {
  const video = await openCameraInPage();
  let outcome: CertificationOutcome | undefined;
  try {
    for await (const event of runCertification({ engine, video, plan, evidence: { includeBestFrames: true }, profileOverrides: PROFILE_OVERRIDES })) {
      if (event.type === 'complete') outcome = event.outcome;
    }
  } finally {
    closeCameraInPage(video);
  }
  expect(outcome, 'a complete event').to.not.equal(undefined);
  const bundle = outcome!.evidence;
  console.log(`run: ${bundle.evidence.trace.frames.length} frames, ${bundle.evidence.environment.fps} fps, steps ${JSON.stringify(bundle.steps)}`);
  const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
  expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
  expect(await digestEvidence(bundle)).to.equal(bundle.evidence.digest);
  return outcome!;
}

async function enrollmentError(engine: LivenessEngine, reference: Parameters<LivenessEngine['enrollReference']>[0]): Promise<HuotiError> {
  try {
    await engine.enrollReference(reference);
  } catch (error) {
    expect(error).to.be.instanceOf(HuotiError);
    return error as HuotiError;
  }
  throw new Error('the reference was accepted');
}

describe('1:1 face match in a certification run (GRID swwp2s on the fake camera)', function () {
  this.timeout(240_000);
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  let tensorsWithoutEmbedder = Number.NaN;

  it('runs liveness only without a reference (the evidence says mode none), and loads no embedding model for it', async () => {
    expect(engine.faceReference).to.equal(null);
    tensorsWithoutEmbedder = (await engine.memory()).tensorCount;
    const outcome = await run(engine);
    expect(outcome.passed, `reason ${outcome.reason}`).to.equal(true);
    expect(outcome.evidence.evidence.faceMatch).to.deep.equal({ mode: 'none', scores: [], decision: 'not_checked' } satisfies FaceMatchRecord);
    expect((await engine.memory()).tensorCount, 'no model weights were added').to.equal(tensorsWithoutEmbedder);
  });

  it('passes with a reference decoded from the same clip (2.5 s, native 360x288): every checked frame scores above the threshold', async () => {
    const reference = await fixtureFrame('grid/grid_swwp2s.mp4', 2.5);
    const enrolled = await engine.enrollReference(reference);
    expect((await engine.memory()).tensorCount, 'the embedding model loaded on first enrollment').to.be.above(tensorsWithoutEmbedder);
    expect(reference.width, "the portal's own bitmap is not consumed").to.equal(360);
    reference.close();
    expect(enrolled.source).to.equal('client-image');
    expect(enrolled.model).to.equal('faceres');
    expect(enrolled.embedding.length).to.equal(1024);

    const outcome = await run(engine);
    const record = outcome.evidence.evidence.faceMatch!;
    console.log(`same person: ${JSON.stringify(record)}`);
    expect(outcome.passed, `reason ${outcome.reason}`).to.equal(true);
    expect(record).to.include({ mode: 'reference', referenceSource: 'client-image', model: 'faceres', threshold: THRESHOLD, decision: 'match' });
    expect(record.scores.map((score) => score.stepIndex), 'the faceMatch step has a score').to.include(0);
    for (const score of record.scores) expect(score.similarity).to.be.at.least(THRESHOLD);
    const [faceMatchStep] = outcome.evidence.steps;
    const first = record.scores[0]!;
    expect(first.timeMs).to.be.within(faceMatchStep!.startedAt, faceMatchStep!.startedAt + faceMatchStep!.durationMs);
  });

  it('a ready embedding works as a reference too (client-embedding), and a wrong-length one is refused', async () => {
    const camera = await openCameraInPage();
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(camera);
    } finally {
      closeCameraInPage(camera);
    }
    const { embedding } = await engine.enrollReference(bitmap);
    bitmap.close();
    const scaled = Float32Array.from(embedding, (value) => value * 3); // any scale: it is normalised
    const enrolled = await engine.enrollReference(scaled);
    expect(enrolled.source).to.equal('client-embedding');
    const outcome = await run(engine);
    expect(outcome.passed, `reason ${outcome.reason}`).to.equal(true);
    expect(outcome.evidence.evidence.faceMatch).to.include({ referenceSource: 'client-embedding', decision: 'match' });

    expect((await enrollmentError(engine, new Float32Array(512).fill(0.1))).code).to.equal('INVALID_INPUT');
    expect(engine.faceReference, 'a refused enrollment leaves no reference in force').to.equal(null);
  });

  it('fails with FACE_MISMATCH when the reference is another GRID speaker (brbk7n, a woman)', async () => {
    const other = await fixtureFrame('grid/grid_brbk7n.mp4', 0.5);
    await engine.enrollReference(other);
    other.close();
    const outcome = await run(engine);
    const record = outcome.evidence.evidence.faceMatch!;
    console.log(`other person: ${JSON.stringify(record)}`);
    expect(outcome.passed).to.equal(false);
    expect(outcome.reason).to.equal('FACE_MISMATCH');
    expect(record).to.include({ mode: 'reference', decision: 'mismatch' });
    expect(record.scores.length).to.be.at.least(1);
    expect(Math.min(...record.scores.map((score) => score.similarity))).to.be.below(THRESHOLD);
    // The run stops at the first frame below the threshold: the faceMatch step fails, nothing follows.
    expect(outcome.evidence.steps.map((step) => [step.kind, step.passed])).to.deep.equal([['faceMatch', false]]);
  });

  it('refuses unusable references with typed codes: no face, two faces, a face too small', async () => {
    const noFace = await fixtureFrame('noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4', 1);
    const noFaceError = await enrollmentError(engine, noFace);
    expect(noFaceError.code).to.equal('REFERENCE_NO_FACE');
    expect(noFaceError.localized['zh-CN']).to.match(/人脸/);

    // The call is 320x192: each face is below the size limit there, so the photo is "too small";
    // scaled up 3x, both faces count and the photo shows several people.
    const twoFaces = await fixtureFrame('faces/openh264_CiscoVT2people_twofaces.mp4', 1);
    expect((await enrollmentError(engine, twoFaces)).code).to.equal('REFERENCE_FACE_TOO_SMALL');
    const twoFacesLarger = await createImageBitmap(twoFaces, { resizeWidth: 960, resizeHeight: 576, resizeQuality: 'high' });
    expect((await enrollmentError(engine, twoFacesLarger)).code).to.equal('REFERENCE_MULTIPLE_FACES');
    twoFaces.close();
    twoFacesLarger.close();

    const camera = await openCameraInPage();
    let small: ImageBitmap;
    try {
      small = await createImageBitmap(camera, { resizeWidth: 160, resizeHeight: 120 });
    } finally {
      closeCameraInPage(camera);
    }
    const smallError = await enrollmentError(engine, small);
    small.close();
    console.log(`downscaled 160x120 reference: ${smallError.code}: ${smallError.message}`);
    expect(smallError.code).to.equal('REFERENCE_FACE_TOO_SMALL');

    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    expect((await enrollmentError(engine, blob)).code).to.equal('INVALID_INPUT');
    noFace.close();
  });

  it('embeds 1,000 times in the worker without leaking a tensor', async () => {
    const camera = await openCameraInPage();
    try {
      let metrics = null;
      for (let attempt = 0; attempt < 20 && metrics?.faceCount !== 1; attempt++) metrics = await engine.analyzeFrame(await createImageBitmap(camera));
      expect(metrics?.faceCount, 'a frame with one face').to.equal(1);
    } finally {
      closeCameraInPage(camera);
    }
    const first = await engine.embedLastFrame();
    expect(first?.length).to.equal(1024);
    const tensorsBefore = (await engine.memory()).tensorCount;
    const started = performance.now();
    let last: Float32Array | null = null;
    for (let index = 0; index < 1_000; index++) last = await engine.embedLastFrame();
    const perEmbeddingMs = (performance.now() - started) / 1_000;
    const tensorsAfter = (await engine.memory()).tensorCount;
    console.log(`1,000 embeddings on ${engine.capabilities.backend}: ${perEmbeddingMs.toFixed(1)} ms each (round trip), tensors ${tensorsBefore} → ${tensorsAfter}`);
    expect(tensorsAfter).to.equal(tensorsBefore);
    expect(Array.from(last!)).to.deep.equal(Array.from(first!));
  });
});
