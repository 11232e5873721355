import { expect } from '@esm-bundle/chai';
import type { HuotiLiveness } from '@huoti/elements';
import { digestEvidence, validateEvidenceBundle, type EvidenceBundle } from '@huoti/liveness/protocol';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { acceptConsent, completionOf, mountLiveness, oneEvent, unsignedPlan, until } from './support/liveness-harness.js';
import { readDigitsPlan } from './support/read-digits-plan.js';

// GRID swwp2s loops every 3 s with blinks at 1.04, 1.72 and 2.84 s.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

/** Loose: on the loaded 2-core CI box the engine may analyse only a few frames per second. */
const blinkPlan = (): string =>
  unsignedPlan({ steps: [{ kind: 'blink' }], strictness: 'loose', nonce: 'driver-liveness-test', validForMs: 5 * 60_000 });

describe('<huoti-liveness> with its default LivenessDriver (real engine, fake camera)', () => {
  let element: HuotiLiveness | undefined;
  afterEach(() => element?.remove());

  it('runs start → consent → camera → model load → step → huoti-complete with passed: true and valid evidence', async () => {
    element = await mountLiveness({ plan: blinkPlan() });
    expect(element.driver, 'no driver set: the default one runs').to.equal(null);
    const seen: string[] = [];
    for (const type of ['huoti-progress', 'huoti-ready', 'huoti-step', 'huoti-error'] as const) {
      element.addEventListener(type, () => seen.push(type));
    }
    const completed = completionOf(element);
    await acceptConsent(element);
    const detail = await completed;
    expect(detail.passed).to.equal(true);
    expect(seen).to.include.members(['huoti-progress', 'huoti-ready', 'huoti-step']);
    expect(seen.indexOf('huoti-ready')).to.be.below(seen.indexOf('huoti-step'));
    await until(() => element!.state === 'result', 'result screen');
    expect(element.cameraStream, 'the camera stops at the result').to.equal(null);

    const bundle = detail.evidence as EvidenceBundle;
    const checked = validateEvidenceBundle(JSON.parse(JSON.stringify(bundle)));
    expect(checked.ok ? [] : checked.issues).to.deep.equal([]);
    expect(await digestEvidence(bundle)).to.equal(bundle.evidence.digest);
    expect(bundle.evidence.bestFrames, 'no face images without separate consent').to.equal(undefined);
    expect(bundle.evidence.audio).to.equal(undefined);
  });

  it("surfaces the engine's own error code when the engine cannot start", async () => {
    // The worker is found beside the asset folder (dist layout); the models are not there.
    element = await mountLiveness({ plan: blinkPlan(), 'asset-base': '/packages/liveness/dist/no-such-assets/' });
    const errored = oneEvent(element, 'huoti-error');
    await acceptConsent(element);
    const { detail } = await errored;
    expect(detail.code).to.equal('ASSET_LOAD_FAILED');
    expect(detail.message).to.contain('12333');
    expect(element.state).to.equal('error');
  });

  it('opens the microphone for read-digits, reveals the digits, and fails a recording that ignores them', async () => {
    element = await mountLiveness({ plan: readDigitsPlan() });
    const digits: string[] = [];
    element.addEventListener('huoti-step', (event) => digits.push(event.detail.digits.join('')));
    const completed = completionOf(element);
    await acceptConsent(element);
    const detail = await completed;
    // The clip's speech runs on its own schedule: extra and mistimed utterances.
    expect(detail.passed).to.equal(false);
    expect(detail.passed ? null : detail.reason).to.equal('NOT_LIVE');
    expect(digits.at(-1)).to.equal('295');
    const bundle = detail.evidence as EvidenceBundle;
    expect(bundle.evidence.trace.steps[0]!.voicedSegments?.length, 'voiced segments from the audio worklet').to.be.greaterThan(0);
    expect(bundle.evidence.audio, 'no recording without separate consent').to.equal(undefined);
  });
});
