// The example backend's POST /plans: what the portal page may ask for (pacing, face match), and
// what it may not. Runs the real server on a loopback port; plans are checked with the verifier's
// own plan validator and signature.
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveStrictnessLimits, validateChallengePlan } from '@huoti/liveness/protocol';
import { DEFAULT_PLAN_POLICY } from '@huoti/verify';
import { createPortalServer, parsePlanRequest } from './portal-server.mjs';

const POLICY = { strictness: 'loose', stepKinds: ['blink'], requiredStepKinds: ['blink'], stepCount: 1 };

let server;
let origin;
beforeAll(async () => {
  server = createPortalServer({ policy: POLICY });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  origin = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const postPlans = (body) =>
  fetch(`${origin}/plans`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, ...(body === undefined ? {} : { body }) });

async function issuedPlan(body) {
  const response = await postPlans(body);
  expect(response.status).toBe(201);
  const plan = await response.json();
  const checked = validateChallengePlan(plan);
  expect(checked.ok ? [] : checked.issues).toEqual([]);
  return plan;
}

describe('example backend: POST /plans', () => {
  it('issues the policy plan for an empty body, as before', async () => {
    const plan = await issuedPlan(undefined);
    expect(plan.steps.map((step) => step.kind)).toEqual(['blink']);
    expect(plan.signature).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('gives an elderly plan longer step timeouts than a standard one', async () => {
    const standard = await issuedPlan(JSON.stringify({ pacing: 'standard' }));
    const elderly = await issuedPlan(JSON.stringify({ pacing: 'elderly' }));
    // A standard plan leaves the step on its strictness's own timeout; an elderly one states a longer one.
    const standardMs = standard.steps[0].timeoutMs ?? resolveStrictnessLimits(standard.strictness).stepTimeoutMs;
    expect(elderly.steps[0].timeoutMs).toBe(Math.round(standardMs * DEFAULT_PLAN_POLICY.elderlyTimeoutScale));
    expect(elderly.steps[0].timeoutMs).toBeGreaterThan(standardMs);
  });

  it('starts the plan with the face-match step when the page holds a reference photo', async () => {
    const plan = await issuedPlan(JSON.stringify({ faceMatch: true, pacing: 'elderly' }));
    expect(plan.steps.map((step) => step.kind)).toEqual(['faceMatch', 'blink']);
  });

  it('refuses anything else with 400, and an oversized body with 413', async () => {
    for (const body of ['{', '[]', '"elderly"', '{"pacing":"slow"}', '{"faceMatch":"yes"}', '{"strictness":"loose"}', 'null']) {
      const response = await postPlans(body);
      expect(response.status, body).toBe(400);
      expect(await response.json()).toEqual({ error: 'invalid_plan_request' });
    }
    const response = await postPlans(JSON.stringify({ pacing: 'elderly', padding: 'x'.repeat(4096) }));
    expect(response.status).toBe(413);
  });

  it('parses plan requests without a server too', () => {
    expect(parsePlanRequest(Buffer.alloc(0))).toEqual({ pacing: 'standard', faceMatch: false });
    expect(parsePlanRequest(Buffer.from('{"pacing":"elderly","faceMatch":true}'))).toEqual({ pacing: 'elderly', faceMatch: true });
    expect(parsePlanRequest(Buffer.from('{"pacing":"elderly","extra":1}'))).toBe(null);
  });
});
