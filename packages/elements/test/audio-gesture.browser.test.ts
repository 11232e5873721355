import { expect } from '@esm-bundle/chai';
import { zhCN, type HuotiLiveness } from '@huoti/elements';
import { HuotiError, startVoiceCapture } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { acceptConsent, buttonNamed, completionOf, ControlledDriver, mountLiveness, unsignedPlan, until } from './support/liveness-harness.js';
import { readDigitsPlan } from './support/read-digits-plan.js';
import { pressKey } from './support/wtr-commands.js';

// Chromium's strict autoplay policy: an AudioContext runs only after a real user gesture (or, in
// Chromium, once the page captures the camera or microphone). The tests run in order: the first
// three before this page has had any gesture, the first two before it has captured anything.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4', autoplay: 'document-user-activation-required' });

/** Intro → consent with scripted clicks (no user activation). */
async function toConsent(element: HuotiLiveness): Promise<void> {
  buttonNamed(element, zhCN.startButton).click();
  await element.updateComplete;
}

describe('<huoti-liveness> read-digits audio and the autoplay policy', () => {
  let element: HuotiLiveness | undefined;
  afterEach(() => element?.remove());

  it('startVoiceCapture on a suspended context fails with AUDIO_SUSPENDED after startTimeoutMs instead of hanging', async () => {
    // A live audio track that is not a capture (the page captures nothing yet, and has had no gesture).
    const source = new AudioContext();
    const track = source.createMediaStreamDestination().stream;
    expect(source.state).to.equal('suspended');
    const given = new AudioContext();
    for (const audioContext of [undefined, given]) {
      const startedAt = performance.now();
      const error = await startVoiceCapture(track, { startTimeoutMs: 1_500, ...(audioContext ? { audioContext } : {}) }).then(
        () => null,
        (reason: unknown) => reason,
      );
      expect(error).to.be.instanceOf(HuotiError);
      expect((error as HuotiError).code).to.equal('AUDIO_SUSPENDED');
      expect(performance.now() - startedAt).to.be.below(5_000);
    }
    expect(given.state, 'a given context stays the caller\'s').to.equal('suspended');
    await Promise.all([source.close(), given.close()]);
  });

  it('makes the run\'s AudioContext in the click that starts it; without a real gesture the policy keeps it suspended', async () => {
    expect(navigator.userActivation.hasBeenActive, 'no gesture yet on this page').to.equal(false);
    const driver = new ControlledDriver();
    element = await mountLiveness({ plan: readDigitsPlan() }, { driver });
    await acceptConsent(element);
    await until(() => driver.runs.length === 1, 'the driver runs');
    const context = driver.current.input.audioContext;
    expect(context, 'a read-digits plan gets an AudioContext').to.be.instanceOf(AudioContext);
    expect(context!.state).to.equal('suspended');
    element.reset();
    await until(() => context!.state === 'closed', 'reset closes the context');
  });

  it('under this policy the real engine still runs read-digits from scripted clicks: the camera capture lets the context run', async function () {
    // Chromium exempts a page that captures the camera from the autoplay policy, so the
    // element's context resumes once the camera is on; Safari and in-app webviews need the gesture.
    this.timeout(120_000);
    element = await mountLiveness({ plan: readDigitsPlan() });
    const digits: string[] = [];
    element.addEventListener('huoti-step', (event) => digits.push(event.detail.digits.join('')));
    const completed = completionOf(element);
    await acceptConsent(element);
    await completed;
    expect(digits.at(-1)).to.equal('295');
    expect(navigator.userActivation.hasBeenActive, 'still no user gesture on this page').to.equal(false);
  });

  it('after a real gesture the context is running when the driver gets it, and a plan without read-digits gets none', async () => {
    const driver = new ControlledDriver();
    element = await mountLiveness({ plan: readDigitsPlan() }, { driver });
    await toConsent(element);
    buttonNamed(element, zhCN.consentAccept).focus();
    await pressKey('Enter');
    await until(() => driver.runs.length === 1, 'the driver runs');
    const context = driver.current.input.audioContext!;
    await until(() => context.state === 'running', 'the context runs');
    element.remove();
    await until(() => context.state === 'closed', 'disconnect closes the context');

    const blinkOnly = new ControlledDriver();
    const blinkPlan = unsignedPlan({ steps: [{ kind: 'blink' }], strictness: 'loose', nonce: 'blink-only', validForMs: 60_000 });
    element = await mountLiveness({ plan: blinkPlan }, { driver: blinkOnly });
    await acceptConsent(element);
    await until(() => blinkOnly.runs.length === 1, 'the driver runs');
    expect(blinkOnly.current.input.audioContext).to.equal(null);
  });
});
