import { expect } from '@esm-bundle/chai';
import type { HuotiLiveness } from '@huoti/elements';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { acceptConsent, completionOf, mountLiveness, until } from './support/liveness-harness.js';

// End to end through the server half: the example backend (examples/server, @huoti/verify) signs a
// plan, <huoti-liveness> runs it on real footage with the real engine, and the backend verifies the
// evidence: signature, nonce, digest and the metric trace against the plan.
// GRID swwp2s loops every 3 s with blinks at 1.04, 1.72 and 2.84 s.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

const BACKEND = '/__huoti/example-backend';

interface Verdict {
  readonly accepted: boolean;
  readonly reasons: readonly string[];
}

async function post<T>(path: string, body: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${BACKEND}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as T };
}

describe('server-issued plan → <huoti-liveness> → server verification', function () {
  this.timeout(180_000);
  let element: HuotiLiveness | undefined;
  afterEach(() => element?.remove());

  it('the backend accepts the evidence of a passed run, once, and refuses its replay', async () => {
    const issued = await post<ChallengePlan>('/plans', {});
    expect(issued.status).to.equal(201);
    expect(issued.json.signature, 'the plan is signed').to.be.a('string');
    expect(issued.json.steps.map((step) => step.kind)).to.deep.equal(['blink']);

    element = await mountLiveness({ plan: JSON.stringify(issued.json) });
    const completed = completionOf(element);
    await acceptConsent(element);
    const detail = await completed;
    expect(detail.passed, 'the blink was seen').to.equal(true);
    await until(() => element!.state === 'result', 'result screen');

    const verdict = await post<Verdict>('/verify', detail.evidence);
    expect(verdict.json.reasons).to.deep.equal([]);
    expect(verdict.json.accepted).to.equal(true);
    expect(verdict.status).to.equal(200);

    const replay = await post<Verdict>('/verify', detail.evidence);
    expect(replay.json.accepted).to.equal(false);
    expect(replay.json.reasons).to.include('nonce_replayed');
  });
});
