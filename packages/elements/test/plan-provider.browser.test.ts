import { expect } from '@esm-bundle/chai';
import { zhCN, type HuotiLiveness, type HuotiPlanRequest } from '@huoti/elements';
import { acceptConsent, buttonNamed, ControlledDriver, mountLiveness, oneEvent, testPlan, until } from './support/liveness-harness.js';

describe('<huoti-liveness> planProvider and pacing', () => {
  let element: HuotiLiveness | undefined;
  afterEach(() => element?.remove());

  it('asks the provider for a fresh plan on every run, with pacing "elderly" in elderly mode, and runs that plan', async () => {
    const requests: HuotiPlanRequest[] = [];
    const plans: string[] = [];
    const driver = new ControlledDriver();
    element = await mountLiveness(
      { elderly: '', lang: 'zh-CN', helper: '' },
      {
        driver,
        planProvider: async (request) => {
          requests.push(request);
          const plan = testPlan(['blink']).replace('dGVzdC1ub25jZQ', `run-${requests.length}`);
          plans.push(plan);
          return plan;
        },
      },
    );
    expect(element.pacing).to.equal('elderly');
    await acceptConsent(element);
    await until(() => driver.runs.length === 1, 'the first run', 10_000);
    expect(requests).to.have.length(1);
    expect(requests[0]).to.include({ pacing: 'elderly', lang: 'zh-CN', helper: true });
    expect(requests[0]!.signal.aborted).to.equal(false);
    const input = driver.current.input;
    expect(input.plan).to.deep.equal(JSON.parse(plans[0]!));
    expect(input.pacing).to.equal('elderly');
    expect(input.elderly).to.equal(true);

    driver.current.push({ type: 'complete', result: { passed: false, reason: 'STEP_TIMEOUT' } });
    await until(() => element!.state === 'result', 'result');
    await element.updateComplete;
    buttonNamed(element, zhCN.retryButton).click();
    await until(() => driver.runs.length === 2, 'the second run', 10_000);
    expect(requests, 'a plan is single-use: the retry asks again').to.have.length(2);
    expect(driver.current.input.plan?.nonce).to.equal('run-2');
  });

  it('standard pacing without the elderly attribute', async () => {
    element = await mountLiveness({}, { driver: new ControlledDriver() });
    expect(element.pacing).to.equal('standard');
  });

  it('a failing provider ends in PLAN_UNAVAILABLE with its message; a provider answering an invalid plan in PLAN_INVALID', async () => {
    element = await mountLiveness({}, { driver: new ControlledDriver(), planProvider: () => Promise.reject(new TypeError('Failed to fetch')) });
    const failed = oneEvent(element, 'huoti-error');
    await acceptConsent(element);
    const { detail } = await failed;
    expect(detail.code).to.equal('PLAN_UNAVAILABLE');
    expect(detail.message).to.equal(zhCN.errors.PLAN_UNAVAILABLE);
    expect((detail.cause as Error).cause).to.be.instanceOf(TypeError);
    await element.updateComplete;
    expect(element.cameraStream).to.equal(null);

    element.remove();
    element = await mountLiveness({}, { driver: new ControlledDriver(), planProvider: async () => '{"version":1}' });
    const invalid = oneEvent(element, 'huoti-error');
    await acceptConsent(element);
    expect((await invalid).detail.code).to.equal('PLAN_INVALID');
  });

  it('a reset while the provider is still answering aborts its signal and starts nothing', async () => {
    let request: HuotiPlanRequest | undefined;
    const driver = new ControlledDriver();
    element = await mountLiveness({}, { driver, planProvider: (r) => ((request = r), new Promise<never>(() => undefined)) });
    await acceptConsent(element);
    await until(() => request !== undefined, 'the provider is asked');
    element.reset();
    expect(request!.signal.aborted).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(driver.runs).to.have.length(0);
    expect(element.state).to.equal('intro');
  });
});
