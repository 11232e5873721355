import { expect } from '@esm-bundle/chai';
import { DEFAULT_ELEMENT_TIMING, en, zhCN, type HuotiLiveness } from '@huoti/elements';
import { HuotiError } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import {
  axeViolations,
  buttonNamed,
  buttons,
  ControlledDriver,
  failingDriver,
  mountLiveness,
  oneEvent,
  part,
  shadow,
  startToFraming,
  testPlan,
  textOf,
  until,
  videoOf,
} from './support/liveness-harness.js';
import { emulateMedia, pressKey, screenshot } from './support/wtr-commands.js';

// Real face footage feeds the fake camera: framing must show it.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

const mounted: HuotiLiveness[] = [];
async function mount(...args: Parameters<typeof mountLiveness>): Promise<HuotiLiveness> {
  const element = await mountLiveness(...args);
  mounted.push(element);
  return element;
}

afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  localStorage.removeItem('huoti.camera.deviceId');
});

async function expectAxeClean(element: HuotiLiveness): Promise<void> {
  await element.updateComplete;
  expect(await axeViolations(element), `axe in state ${element.state}`).to.deep.equal([]);
}

const endedTracks = (stream: MediaStream | null): boolean => !!stream && stream.getTracks().every((track) => track.readyState === 'ended');

describe('<huoti-liveness>', () => {
  it('starts on the intro: what happens, free of charge, anti-fraud, 12333', async () => {
    const element = await mount();
    expect(element.state).to.equal('intro');
    expect(element.getAttribute('state')).to.equal('intro');
    const text = textOf(element);
    for (const expected of [zhCN.introHeading, zhCN.freeOfCharge, zhCN.antiFraud, '12333', ...zhCN.introSteps]) expect(text).to.contain(expected);
    expect(part(element, 'region')?.getAttribute('lang')).to.equal('zh-CN');
    expect(shadow(element).querySelector('[aria-live="polite"]'), 'live region').to.not.equal(null);
    expect(element.cameraStream).to.equal(null);
  });

  it('declining consent emits huoti-declined (bubbling, composed) and shows the offline channels', async () => {
    const element = await mount();
    element.start();
    await element.updateComplete;
    expect(element.state).to.equal('consent');
    expect(textOf(element)).to.contain('个人信息保护法');
    const declined = oneEvent(document, 'huoti-declined');
    buttonNamed(element, zhCN.consentDecline).click();
    const event = await declined;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.channels).to.deep.equal(zhCN.offlineChannels);
    await element.updateComplete;
    expect(element.state).to.equal('declined');
    for (const channel of Object.values(zhCN.offlineChannels)) expect(textOf(element)).to.contain(channel);
    expect(element.cameraStream, 'no camera after declining').to.equal(null);
    buttonNamed(element, zhCN.backButton).click();
    await element.updateComplete;
    expect(element.state).to.equal('intro');
  });

  it('with the default engine driver, refuses a plan the challenge run cannot run (PLAN_INVALID) before asking for the camera', async () => {
    // testPlan() has a readDigits step without reveal times (digitOnsetsMs): the default
    // LivenessDriver validates the plan before it starts the engine or the camera.
    const element = await mount({ plan: testPlan() });
    element.start();
    await element.updateComplete;
    const failed = oneEvent(element, 'huoti-error');
    buttonNamed(element, zhCN.consentAccept).click();
    const { detail } = await failed;
    expect(detail.code).to.equal('PLAN_INVALID');
    await element.updateComplete;
    expect(element.state).to.equal('error');
    expect(element.cameraStream).to.equal(null);
    expect(textOf(element)).to.contain('12333');
    await expectAxeClean(element);
  });

  it('refuses an invalid or expired plan before the camera starts', async () => {
    const expired = JSON.stringify({ ...JSON.parse(testPlan()), expiresAt: new Date(Date.now() - 1_000).toISOString() });
    for (const [plan, code] of [
      ['{not json', 'PLAN_INVALID'],
      [expired, 'PLAN_EXPIRED'],
    ] as const) {
      const element = await mount({ plan }, { driver: new ControlledDriver() });
      element.start();
      await element.updateComplete;
      const failed = oneEvent(element, 'huoti-error');
      buttonNamed(element, zhCN.consentAccept).click();
      expect((await failed).detail.code).to.equal(code);
      expect(element.cameraStream).to.equal(null);
    }
  });

  it('intro → consent → camera → framing shows the live camera video inside the oval guide', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan(), 'asset-base': '/models/' }, { driver });
    await startToFraming(element);
    const video = videoOf(element);
    expect(video.srcObject).to.equal(element.cameraStream);
    expect(video.muted && video.playsInline).to.equal(true);
    expect(part(element, 'stage')?.getBoundingClientRect().height).to.be.greaterThan(100);
    expect(part(element, 'guide')).to.not.equal(null);
    const time = video.currentTime;
    await until(() => video.currentTime > time, 'the video plays');
    const input = driver.current.input;
    expect(input.video).to.equal(video);
    expect(JSON.parse(JSON.stringify(input.plan)).steps).to.have.length(3);
    expect(input.assetBaseUrl?.href).to.equal(new URL('/models/', location.href).href);
    expect(input.elderly).to.equal(false);
    expect(input.lang).to.equal('zh-CN');

    const progress = oneEvent(element, 'huoti-progress');
    driver.current.push({ type: 'progress', loadedBytes: 50, totalBytes: 200 });
    expect((await progress).detail).to.deep.equal({ loadedBytes: 50, totalBytes: 200 });
    await element.updateComplete;
    expect(textOf(element)).to.contain('25%');
    const ready = oneEvent(element, 'huoti-ready');
    driver.current.push({ type: 'ready' });
    await ready;

    const hint = oneEvent(element, 'huoti-hint');
    driver.current.push({ type: 'hint', code: 'MOVE_CLOSER' });
    expect((await hint).detail).to.deep.equal({ code: 'MOVE_CLOSER', text: zhCN.hints.MOVE_CLOSER });
    await element.updateComplete;
    expect(part(element, 'hint')?.textContent).to.contain(zhCN.hints.MOVE_CLOSER);
    expect(shadow(element).querySelector('[aria-live]')?.textContent).to.contain(zhCN.hints.MOVE_CLOSER);
    await expectAxeClean(element);
  });

  it('shows steps with big prompts, "第 1 步，共 3 步" and large digits, then the result; stops the camera', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan() }, { driver });
    await startToFraming(element);
    const stream = element.cameraStream;

    const step = oneEvent(element, 'huoti-step');
    driver.current.push({ type: 'step', index: 0, total: 3, kind: 'blink' });
    expect((await step).detail).to.deep.equal({ index: 0, total: 3, kind: 'blink', digits: [], prompt: zhCN.stepPrompts.blink });
    await element.updateComplete;
    expect(part(element, 'progress')?.textContent).to.equal('第 1 步，共 3 步');
    expect(part(element, 'prompt')?.textContent).to.equal(zhCN.stepPrompts.blink);
    await expectAxeClean(element);

    driver.current.push({ type: 'step', index: 2, total: 3, kind: 'readDigits', digits: [3, 8] });
    await until(() => part(element, 'digits')?.textContent?.replace(/\s/g, '') === '38', 'two digits revealed');
    driver.current.push({ type: 'step', index: 2, total: 3, kind: 'readDigits', digits: [3, 8, 1, 5] });
    await until(() => part(element, 'digits')?.textContent?.replace(/\s/g, '') === '3815', 'four digits revealed');
    expect(part(element, 'progress')?.textContent).to.equal('第 3 步，共 3 步');
    expect(parseFloat(getComputedStyle(part(element, 'digits')!).fontSize)).to.be.at.least(48);
    await expectAxeClean(element);

    const complete = oneEvent(element, 'huoti-complete');
    driver.current.push({ type: 'complete', result: { passed: true, evidence: { nonce: 'n' } } });
    expect((await complete).detail).to.deep.equal({ passed: true, evidence: { nonce: 'n' } });
    await element.updateComplete;
    expect(element.state).to.equal('result');
    expect(textOf(element)).to.contain(zhCN.passedHeading);
    expect(endedTracks(stream), 'tracks stopped on completion').to.equal(true);
    expect(element.cameraStream).to.equal(null);
    await expectAxeClean(element);
  });

  it('a failed result gives the reason with 12333; retry starts a fresh run on a new stream', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan() }, { driver });
    await startToFraming(element);
    const firstStream = element.cameraStream;
    driver.current.push({ type: 'complete', result: { passed: false, reason: 'STEP_TIMEOUT' } });
    await until(() => element.state === 'result', 'result');
    await element.updateComplete;
    expect(textOf(element)).to.contain(zhCN.failureReasons.STEP_TIMEOUT);
    expect(zhCN.failureReasons.STEP_TIMEOUT).to.contain('12333');
    await expectAxeClean(element);
    buttonNamed(element, zhCN.retryButton).click();
    await until(() => element.state === 'framing', 'framing again', 10_000);
    expect(driver.runs).to.have.length(2);
    expect(driver.runs[0]!.isAborted).to.equal(true);
    expect(element.cameraStream).to.not.equal(firstStream);
    expect(endedTracks(firstStream)).to.equal(true);
  });

  it('reset() mid-run stops every track and aborts the run; the next run is fresh', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan() }, { driver });
    await startToFraming(element);
    driver.current.push({ type: 'step', index: 0, total: 3, kind: 'nod' });
    await until(() => element.state === 'step', 'step');
    const stream = element.cameraStream;
    element.reset();
    await element.updateComplete;
    expect(element.state).to.equal('intro');
    expect(endedTracks(stream)).to.equal(true);
    expect(driver.runs[0]!.isAborted).to.equal(true);
    expect(videoOf(element).srcObject).to.equal(null);
    await startToFraming(element);
    expect(driver.runs).to.have.length(2);
    expect(driver.current.isAborted).to.equal(false);
    expect(element.cameraStream).to.not.equal(stream);
    expect(part(element, 'progress'), 'no step left from the old run').to.equal(null);
  });

  it('disconnecting stops every track; re-attaching starts the camera again', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan() }, { driver });
    await startToFraming(element);
    const stream = element.cameraStream;
    element.remove();
    expect(endedTracks(stream), 'track.readyState === "ended"').to.equal(true);
    expect(driver.runs[0]!.isAborted).to.equal(true);
    document.body.append(element);
    await until(() => element.state === 'framing' && element.cameraStream !== null && element.cameraStream !== stream, 're-attached run', 10_000);
    expect(driver.runs).to.have.length(2);
  });

  it('a camera that stops by itself (unplugged) ends in CAMERA_DISCONNECTED', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan() }, { driver });
    await startToFraming(element);
    const failed = oneEvent(element, 'huoti-error');
    const track = element.cameraStream!.getVideoTracks()[0]!;
    // track.stop() never fires `ended` (only the source ending does): simulate the unplug.
    track.stop();
    track.dispatchEvent(new Event('ended'));
    const { detail } = await failed;
    expect(detail.code).to.equal('CAMERA_DISCONNECTED');
    expect(detail.message).to.equal(zhCN.errors.CAMERA_DISCONNECTED);
    expect(driver.current.isAborted).to.equal(true);
    await element.updateComplete;
    expect(element.state).to.equal('error');
  });

  it('camera="<unknown deviceId>" ends in CAMERA_OVERCONSTRAINED; a stale remembered camera is forgotten', async () => {
    const element = await mount({ plan: testPlan(), camera: 'no-such-camera' }, { driver: new ControlledDriver() });
    element.start();
    await element.updateComplete;
    const failed = oneEvent(element, 'huoti-error');
    buttonNamed(element, zhCN.consentAccept).click();
    expect((await failed).detail.code).to.equal('CAMERA_OVERCONSTRAINED');

    localStorage.setItem('huoti.camera.deviceId', 'unplugged-camera');
    const second = await mount({ plan: testPlan() }, { driver: new ControlledDriver() });
    await startToFraming(second);
    expect(localStorage.getItem('huoti.camera.deviceId')).to.equal(null);
  });

  it('keeps the code and localized text of a @huoti/liveness HuotiError from the driver', async () => {
    const element = await mount({ plan: testPlan(), lang: 'en' }, { driver: failingDriver(new HuotiError('WORKER_CRASHED')) });
    element.start();
    await element.updateComplete;
    const failed = oneEvent(element, 'huoti-error');
    buttonNamed(element, en.consentAccept).click();
    const { detail } = await failed;
    expect(detail.code).to.equal('WORKER_CRASHED');
    expect(detail.message).to.contain(new HuotiError('WORKER_CRASHED').localized.en);
    expect(detail.message.endsWith(en.hotlineHint)).to.equal(true);
    await until(() => element.cameraStream === null, 'camera released after the error');
  });

  it('paces hints: a new hint replaces the shown one only after hintMinDisplayMs', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan() }, { driver });
    await startToFraming(element);
    const hints: string[] = [];
    element.addEventListener('huoti-hint', (event) => hints.push(event.detail.code));
    driver.current.push({ type: 'hint', code: 'NO_FACE' });
    await until(() => hints.length === 1, 'first hint');
    const shownAtMs = performance.now();
    driver.current.push({ type: 'hint', code: 'TOO_DARK' }, { type: 'hint', code: 'MOVE_BACK' });
    await until(() => hints.length === 2, 'second hint', 5_000);
    expect(performance.now() - shownAtMs).to.be.at.least(DEFAULT_ELEMENT_TIMING.hintMinDisplayMs - 50);
    expect(hints, 'the latest hint wins').to.deep.equal(['NO_FACE', 'MOVE_BACK']);
  });

  it('voice: a bare attribute means on, absent means auto, "off" means off', async () => {
    const element = await mount({ voice: '' });
    expect(element.voice).to.equal('on');
    element.setAttribute('voice', 'off');
    expect(element.voice).to.equal('off');
    element.removeAttribute('voice');
    expect(element.voice).to.equal('auto');
  });

  it('lang="en" and a partial strings override', async () => {
    const element = await mount({ lang: 'en' }, { strings: { startButton: 'Begin', hints: { NO_FACE: 'Where are you?' } } });
    expect(part(element, 'region')?.getAttribute('lang')).to.equal('en');
    expect(textOf(element)).to.contain(en.introHeading);
    expect(buttons(element).map((button) => button.textContent?.trim())).to.deep.equal(['Begin']);
    element.lang = 'zh-CN';
    await element.updateComplete;
    expect(textOf(element)).to.contain(zhCN.introHeading);
  });

  it('helper mode addresses the relative and reminds that the pensioner must be on camera', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan(), helper: '' }, { driver });
    expect(textOf(element)).to.contain(zhCN.introHelperNote);
    await startToFraming(element);
    expect(textOf(element)).to.contain(zhCN.framingPromptHelper);
    expect(textOf(element)).to.contain(zhCN.helperReminder);
    driver.current.push({ type: 'hint', code: 'LOOK_AT_SCREEN' });
    await until(() => part(element, 'hint')?.textContent?.includes('请让老人看着屏幕') === true, 'helper hint');
    driver.current.push({ type: 'step', index: 0, total: 1, kind: 'blink' });
    await until(() => part(element, 'prompt')?.textContent === zhCN.helperStepPrompts.blink, 'helper step prompt');
  });

  it('elderly mode: main text ≥ 18 px, prompt ≥ 30 px, line height ≥ 1.3, main buttons ≥ 60 × 60 px', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ plan: testPlan(), elderly: '' }, { driver });
    const minimums = (): void => {
      for (const paragraph of shadow(element).querySelectorAll('p, li')) {
        const style = getComputedStyle(paragraph);
        expect(parseFloat(style.fontSize), `font size of "${paragraph.textContent}"`).to.be.at.least(18);
        expect(parseFloat(style.lineHeight) / parseFloat(style.fontSize), `line height of "${paragraph.textContent}"`).to.be.at.least(1.3);
      }
      for (const button of buttons(element)) {
        const box = button.getBoundingClientRect();
        expect(Math.min(box.width, box.height), `target size of "${button.textContent}"`).to.be.at.least(60);
      }
    };
    minimums();
    element.start();
    await element.updateComplete;
    minimums();
    buttonNamed(element, zhCN.consentAccept).click();
    await until(() => element.state === 'framing', 'framing', 10_000);
    expect(driver.current.input.elderly).to.equal(true);
    expect(driver.current.input.timeoutScale).to.be.greaterThan(1);
    driver.current.push({ type: 'step', index: 0, total: 1, kind: 'readDigits', digits: [1, 2, 3] });
    await until(() => element.state === 'step', 'step');
    await element.updateComplete;
    minimums();
    const prompt = part(element, 'prompt')!;
    expect(parseFloat(getComputedStyle(prompt).fontSize)).to.be.at.least(30);
    expect(parseFloat(getComputedStyle(part(element, 'digits')!).fontSize)).to.be.at.least(30);
    await expectAxeClean(element);
  });

  it('keyboard: Tab reaches every control with a visible focus ring; Enter activates', async () => {
    const driver = new ControlledDriver();
    const element = await mount({ lang: 'en', plan: testPlan() }, { driver });
    const focused = (): Element | null => shadow(element).activeElement;
    const reached = async (count: number): Promise<Element[]> => {
      (document.activeElement as HTMLElement | null)?.blur();
      const seen: Element[] = [];
      for (let i = 0; i < count; i += 1) {
        await pressKey('Tab');
        const active = focused();
        if (active) seen.push(active);
      }
      return seen;
    };
    expect(await reached(1)).to.deep.equal(buttons(element));
    const ring = getComputedStyle(focused()!);
    expect(ring.outlineStyle).to.not.equal('none');
    expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
    await pressKey('Enter');
    await element.updateComplete;
    expect(element.state).to.equal('consent');
    expect(focused()?.tagName, 'focus moves to the new heading').to.equal('H2');
    const consentButtons = buttons(element);
    const seen = await reached(consentButtons.length);
    for (const button of consentButtons) expect(seen, button.textContent ?? '').to.include(button);
    buttonNamed(element, en.consentAccept).focus();
    await pressKey('Enter');
    await until(() => element.state === 'framing', 'framing', 10_000);
    driver.current.push({ type: 'step', index: 0, total: 1, kind: 'blink' });
    await until(() => element.state === 'step', 'step');
    expect(await reached(1)).to.deep.equal([buttonNamed(element, en.repeatButton)]);
  });

  it('respects prefers-reduced-motion and never animates', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const driver = new ControlledDriver();
      const element = await mount({ plan: testPlan() }, { driver });
      await startToFraming(element);
      expect(getComputedStyle(part(element, 'guide')!).transitionDuration).to.equal('0s');
      driver.current.push({ type: 'hint', code: 'TOO_DARK' });
      await until(() => part(element, 'hint')?.textContent?.includes(zhCN.hints.TOO_DARK) === true, 'hint shown');
      expect(shadow(element).getAnimations().filter((animation) => animation.playState === 'running')).to.deep.equal([]);
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('screenshots every state in zh-CN and en (docs/screenshots)', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const strings = lang === 'en' ? en : zhCN;
      const shot = async (element: HuotiLiveness, state: string): Promise<void> => {
        await element.updateComplete;
        await expectAxeClean(element);
        await screenshot(`liveness-${state}-${lang}`);
      };
      const driver = new ControlledDriver();
      const element = await mount({ plan: testPlan(), lang, elderly: '' }, { driver });
      await shot(element, 'intro');
      element.start();
      await shot(element, 'consent');
      buttonNamed(element, strings.consentDecline).click();
      await shot(element, 'declined');
      buttonNamed(element, strings.backButton).click();
      await element.updateComplete;
      await startToFraming(element);
      driver.current.push({ type: 'hint', code: 'MOVE_CLOSER' });
      await until(() => part(element, 'hint')?.textContent?.includes(strings.hints.MOVE_CLOSER) === true, 'hint');
      await shot(element, 'framing');
      driver.current.push({ type: 'step', index: 2, total: 3, kind: 'readDigits', digits: [3, 8, 1, 5] });
      await until(() => element.state === 'step', 'step');
      await shot(element, 'step-read-digits');
      driver.current.push({ type: 'complete', result: { passed: false, reason: 'FACE_LOST' } });
      await until(() => element.state === 'result', 'result');
      await shot(element, 'result-failed');
      buttonNamed(element, strings.retryButton).click();
      await until(() => element.state === 'framing', 'framing again', 10_000);
      driver.current.push({ type: 'complete', result: { passed: true, evidence: null } });
      await until(() => element.state === 'result', 'result');
      await shot(element, 'result-passed');
      element.remove();
      const noDriver = await mount({ plan: testPlan(), lang, elderly: '' });
      noDriver.start();
      await noDriver.updateComplete;
      buttonNamed(noDriver, strings.consentAccept).click();
      await until(() => noDriver.state === 'error', 'plan refused');
      await shot(noDriver, 'error-plan-invalid');
      noDriver.remove();
    }
  });
});
