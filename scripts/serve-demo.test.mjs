// The README's demo command serves the portal page and the built CDN bundle with the documented headers,
// and its backend (examples/server) issues plans and verifies evidence with the built @huoti/verify.
import { createPublicKey, verify } from 'node:crypto';
import { planSigningInput, validateChallengePlan } from '@huoti/liveness/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesizeEvidence } from '../packages/verify/test/support/synthesize-evidence.ts';
import { createDemoServer, DEMO_HEADERS } from './serve-demo.mjs';

let server;
let origin;
beforeAll(async () => {
  server = createDemoServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('demo server', () => {
  it('redirects / to the portal and serves it with the strict CSP', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.url).toBe(`${origin}/examples/portal/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(DEMO_HEADERS['Content-Security-Policy']);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
    const html = await response.text();
    expect(html).toContain('/packages/elements/dist/cdn/huoti.min.js');
    expect(html).not.toMatch(/<script>(?!<\/script>)/); // no inline script under the CSP
  });

  it('serves the built CDN bundle and wasm with the right MIME types', async () => {
    const bundle = await fetch(`${origin}/packages/elements/dist/cdn/huoti.min.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    const wasm = await fetch(`${origin}/packages/liveness/dist/assets/tfjs-backend-wasm.wasm`);
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
  });

  it('serves nothing outside examples/ and the built packages', async () => {
    for (const path of ['/package.json', '/packages/liveness/src/index.ts', '/examples/../package.json', '/%2e%2e/package.json']) {
      expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
    }
  });
});

describe('demo server API (examples/server)', () => {
  // Its own server, whose clock runs a minute ahead: plans are issued "now" and the synthetic
  // captures (a few seconds, starting 1 s after issue) are over by the time they are verified.
  let apiServer;
  let apiOrigin;
  beforeAll(async () => {
    apiServer = createDemoServer({ now: () => Date.now() + 60_000 });
    await new Promise((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
    apiOrigin = `http://127.0.0.1:${apiServer.address().port}`;
  });
  afterAll(() => new Promise((resolve) => apiServer.close(resolve)));
  const post = (path, body, headers = {}) => fetch(`${apiOrigin}${path}`, { method: 'POST', body, headers });

  it('POST /plans issues a signed plan that GET /plans/keys verifies, with the CSP headers', async () => {
    const response = await post('/plans');
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('content-security-policy')).toBe(DEMO_HEADERS['Content-Security-Policy']);
    const plan = await response.json();
    expect(validateChallengePlan(plan).ok).toBe(true);
    const { keys } = await (await fetch(`${apiOrigin}/plans/keys`)).json();
    const key = keys.find((candidate) => candidate.kid === plan.keyId);
    const signature = Buffer.from(plan.signature, 'base64url');
    expect(verify(null, Buffer.from(planSigningInput(plan)), createPublicKey({ key, format: 'jwk' }), signature)).toBe(true);
  });

  it('POST /verify accepts the honest bundle for an issued plan once, then rejects its replay', async () => {
    const plan = await (await post('/plans')).json();
    const bundle = await synthesizeEvidence(plan);
    const first = await post('/verify', JSON.stringify(bundle), { 'Content-Type': 'application/json' });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ accepted: true, reasons: [], nonce: plan.nonce });
    const replay = await post('/verify', JSON.stringify(bundle));
    expect(replay.status).toBe(422);
    expect((await replay.json()).reasons).toEqual(['nonce_replayed']);
  });

  it('POST /verify rejects garbage with a reason, and an oversized body with 413 before reading it all', async () => {
    const garbage = await post('/verify', '{"passed": tru');
    expect(garbage.status).toBe(422);
    expect(await garbage.json()).toEqual({ accepted: false, reasons: ['malformed_json'], issues: [] });
    const tooLarge = await post('/verify', 'x'.repeat(3 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect((await tooLarge.json()).reasons).toEqual(['body_too_large']);
  });

  it('refuses other methods on the API', async () => {
    const response = await fetch(`${apiOrigin}/verify`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
