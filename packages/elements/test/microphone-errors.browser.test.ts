import { expect } from '@esm-bundle/chai';
import { en, LivenessDriver, zhCN, type HuotiLiveness } from '@huoti/elements';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { acceptConsent, buttonNamed, mountLiveness, oneEvent, part, until } from './support/liveness-harness.js';
import { readDigitsPlan } from './support/read-digits-plan.js';

// The camera works (real footage); only the microphone that read-digits needs fails.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

describe('<huoti-liveness> microphone errors (real getUserMedia, real engine)', () => {
  let element: HuotiLiveness | undefined;
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    element?.remove();
    frame?.remove();
  });

  it('a microphone that is not there → MICROPHONE_NOT_FOUND with its own message, not a camera code', async () => {
    // Chromium's fake devices always include a microphone, so ask for one that does not exist:
    // getUserMedia rejects with OverconstrainedError, which reads as "not found".
    const driver = new LivenessDriver({
      openMicrophone: () => navigator.mediaDevices.getUserMedia({ audio: { deviceId: { exact: 'no-such-microphone' } }, video: false }),
    });
    element = await mountLiveness({ plan: readDigitsPlan() }, { driver });
    const failed = oneEvent(element, 'huoti-error');
    await acceptConsent(element);
    const { detail } = await failed;
    expect(detail.code).to.equal('MICROPHONE_NOT_FOUND');
    expect(detail.message).to.equal(zhCN.errors.MICROPHONE_NOT_FOUND);
    expect((detail.cause as { cause?: { name?: string } }).cause?.name).to.equal('OverconstrainedError');
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(element.cameraStream, 'the camera stops on the error').to.equal(null);
  });

  it(`a page that may use the camera but not the microphone (iframe allow="camera; microphone 'none'") → MICROPHONE_DENIED with the permission help`, async () => {
    frame = document.createElement('iframe');
    // Same-origin frames inherit both features by default ('self'); this policy takes the microphone away.
    frame.setAttribute('allow', "camera; microphone 'none'");
    frame.srcdoc = `<!doctype html><html lang="en"><body><script type="module">
      import '/packages/elements/src/define.ts';
      window.huotiReady = customElements.whenDefined('huoti-liveness');
    </script></body></html>`;
    const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const inner = frame.contentWindow as Window & { huotiReady?: Promise<unknown> };
    await until(() => inner.huotiReady !== undefined, 'the element module runs in the frame', 20_000);
    await inner.huotiReady;
    const doc = frame.contentDocument!;
    const liveness = doc.createElement('huoti-liveness') as HuotiLiveness;
    liveness.setAttribute('lang', 'en');
    liveness.setAttribute('plan', readDigitsPlan());
    doc.body.append(liveness);
    await liveness.updateComplete;
    const failed = oneEvent(liveness, 'huoti-error');
    buttonNamed(liveness, en.startButton).click();
    await liveness.updateComplete;
    buttonNamed(liveness, en.consentAccept).click();
    await until(() => liveness.state === 'error', 'the error screen', 50_000).catch((error: Error) => {
      throw new Error(`${error.message} (state ${liveness.state})`);
    });
    const { detail } = await failed;
    expect(detail.code).to.equal('MICROPHONE_DENIED');
    expect(detail.message).to.equal(en.errors.MICROPHONE_DENIED);
    await liveness.updateComplete;
    const help = part(liveness, 'help');
    expect(help, 'the permission help is shown').to.not.equal(null);
    expect(help!.textContent).to.contain(en.permissionHelp.desktop);
    expect(help!.textContent).to.contain('Microphone');
  });
});
