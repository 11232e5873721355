// The README's demo command serves the portal page and the built CDN bundle with the documented headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
