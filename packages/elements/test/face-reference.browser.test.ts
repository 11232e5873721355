import { expect } from '@esm-bundle/chai';
import type { HuotiLiveness } from '@huoti/elements';
import { validateEvidenceBundle, type EvidenceBundle } from '@huoti/liveness/protocol';
import { declareFakeMedia, fixtureUrl } from '../../../test-support/fake-media.js';
import { acceptConsent, completionOf, mountLiveness, unsignedPlan, until } from './support/liveness-harness.js';

// `faceReference` on the element, end to end with the real engine: the fake camera plays GRID
// swwp2s (a grey-haired man, blinks at 1.04, 1.72 and 2.84 s of each 3 s loop); the portal's
// reference is a JPEG, as a file input would give it, cut from a fixture in the page.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

const STEP_TIMEOUT_MS = 20_000;

const faceMatchPlan = (): string =>
  unsignedPlan({
    steps: [{ kind: 'faceMatch', timeoutMs: STEP_TIMEOUT_MS }, { kind: 'blink', timeoutMs: STEP_TIMEOUT_MS }],
    strictness: 'loose',
    nonce: 'element-face-reference-test',
    validForMs: 5 * 60_000,
  });

/** A JPEG of one frame of a fixture video at `timeS`. */
async function fixtureJpeg(path: string, timeS: number): Promise<Blob> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = fixtureUrl(path);
  await new Promise((resolve, reject) => {
    video.addEventListener('loadeddata', resolve, { once: true });
    video.addEventListener('error', () => reject(new Error(`cannot load ${path}`)), { once: true });
  });
  await new Promise((resolve) => {
    video.addEventListener('seeked', resolve, { once: true });
    video.currentTime = timeS;
  });
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
  canvas.getContext('2d')!.drawImage(video, 0, 0);
  video.removeAttribute('src');
  video.load();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
}

async function runWithReference(reference: Blob): Promise<{ element: HuotiLiveness; bundle: EvidenceBundle }> {
  const element = await mountLiveness({ plan: faceMatchPlan() });
  element.faceReference = reference;
  const completed = completionOf(element);
  await acceptConsent(element);
  const detail = await completed;
  await until(() => element.state === 'result', 'result screen');
  const bundle = detail.evidence as EvidenceBundle;
  const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
  expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
  return { element, bundle };
}

/** Every similarity in the evidence, as the UI would print it if it leaked (two decimals). */
const printedScores = (bundle: EvidenceBundle): string[] =>
  (bundle.evidence.faceMatch?.scores ?? []).flatMap((score) => [score.similarity.toFixed(2), score.similarity.toFixed(3)]);

describe('<huoti-liveness faceReference> (real engine, fake camera, JPEG reference)', function () {
  this.timeout(120_000);
  let element: HuotiLiveness | undefined;
  afterEach(() => element?.remove());

  it('passes with a photo of the same man, and the evidence carries the scores (never the screen)', async () => {
    const run = await runWithReference(await fixtureJpeg('grid/grid_swwp2s.mp4', 2.5));
    element = run.element;
    const record = run.bundle.evidence.faceMatch;
    console.log(`same man: ${JSON.stringify(record)}`);
    expect(run.bundle.passed, JSON.stringify(run.bundle.steps)).to.equal(true);
    expect(record).to.include({ mode: 'reference', referenceSource: 'client-image', decision: 'match' });
    expect(record!.scores.length).to.be.greaterThan(0);
    const text = element.shadowRoot!.textContent ?? '';
    for (const score of printedScores(run.bundle)) expect(text).to.not.contain(score);
  });

  it('fails with the ordinary failure text when the photo is another person (GRID brbk7n, a woman)', async () => {
    const run = await runWithReference(await fixtureJpeg('grid/grid_brbk7n.mp4', 1.0));
    element = run.element;
    const record = run.bundle.evidence.faceMatch;
    console.log(`other person: reason ${run.bundle.reason}; ${JSON.stringify(record)}`);
    expect(run.bundle.passed).to.equal(false);
    expect(run.bundle.reason).to.equal('FACE_MISMATCH');
    expect(record).to.include({ mode: 'reference', decision: 'mismatch' });
    const text = element.shadowRoot!.textContent ?? '';
    expect(text, 'the failure ends with the hotline hint').to.contain('12333');
    for (const score of printedScores(run.bundle)) expect(text).to.not.contain(score);
  });
});
