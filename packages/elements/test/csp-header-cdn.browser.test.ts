import { expect } from '@esm-bundle/chai';
import type * as LivenessModule from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { DOCUMENTED_CDN_ORIGIN, documentedHeaders } from '../../../test-support/wtr/documented-headers.js';

// The cross-origin setup of docs/csp.md: a page on the test origin, sent with the `cdn` header block
// of that doc as HTTP headers (the placeholder origin replaced by the asset origin), loads
// huoti.min.js and every engine file from another origin (test-support/wtr/asset-origins.mjs).
// The worker starts through the blob: trampoline under the page's policy, compiles its wasm, fetches
// the models, analyses the fake camera, and the audio worklet loads: with no CSP violation at all.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

interface CdnFrameWindow extends Window {
  readonly Huoti?: { readonly liveness: typeof LivenessModule };
  readonly __huotiCspViolations: ReadonlyArray<{ directive: string; blockedUri: string }>;
}

const ANALYSED_FRAMES = 10;

describe('script-tag build from another origin under the documented CDN CSP header', function () {
  this.timeout(180_000);
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => frame?.remove());

  it('starts its worker through the blob: trampoline, runs wasm on real footage, loads the worklet, with no violation', async () => {
    const origins = (await (await fetch('/__huoti/asset-origins')).json()) as { cors: string };
    const documented = documentedHeaders(await (await fetch('/docs/csp.md')).text(), 'cdn');
    const headers = Object.fromEntries(Object.entries(documented).map(([name, value]) => [name, value.replaceAll(DOCUMENTED_CDN_ORIGIN, origins.cors)]));
    expect(headers['Content-Security-Policy']).to.contain(`script-src 'self' ${origins.cors}`);
    const pageUrl = `/__huoti/asset-origins/cdn-page?headers=${encodeURIComponent(JSON.stringify(headers))}`;
    const served = await fetch(pageUrl);
    for (const [name, value] of Object.entries(headers)) expect(served.headers.get(name), name).to.equal(value);

    frame = document.createElement('iframe');
    frame.allow = 'camera; microphone';
    const loaded = new Promise<void>((resolve) => frame!.addEventListener('load', () => resolve(), { once: true }));
    frame.src = pageUrl;
    document.body.append(frame);
    await loaded;
    const inner = frame.contentWindow as CdnFrameWindow | null;
    const liveness = inner?.Huoti?.liveness;
    if (!inner || !liveness) throw new Error('huoti.min.js did not load in the CDN page');
    // The page really runs under the policy, and the recorder sees what it refuses: eval.
    expect(() => (inner as unknown as { eval(code: string): unknown }).eval('1')).to.throw();
    const deadline = performance.now() + 5_000;
    while (inner.__huotiCspViolations.length === 0 && performance.now() < deadline) await new Promise((resolve) => requestAnimationFrame(resolve));
    const evalViolation = { directive: 'script-src', blockedUri: 'eval' };
    expect(inner.__huotiCspViolations.map(({ directive, blockedUri }) => ({ directive, blockedUri }))).to.deep.equal([evalViolation]);

    const connection = await liveness.connectLivenessWorker();
    expect(connection.start.mode).to.equal('blob-trampoline');
    expect(connection.start.workerUrl).to.equal(`${origins.cors}/packages/liveness/dist/worker.js`);
    connection.terminate();

    const engine = await liveness.createLivenessEngine();
    const stream = await inner.navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    try {
      // wasm, not the cpu fallback: 'wasm-unsafe-eval' of the page's policy reached the blob: worker.
      expect(engine.capabilities.backend, JSON.stringify(engine.capabilities)).to.equal('wasm');
      const video = inner.document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      inner.document.body.append(video);
      await video.play();
      const faces: number[] = [];
      for await (const metrics of engine.watch(video)) {
        faces.push(metrics.faceCount);
        if (faces.length >= ANALYSED_FRAMES) break;
      }
      expect(faces.filter((count) => count === 1).length, `faces per analysed frame: ${faces.join(',')}`).to.be.at.least(ANALYSED_FRAMES - 1);

      const voice = await liveness.startVoiceCapture(stream);
      await voice.stop();
    } finally {
      for (const track of stream.getTracks()) track.stop();
      await engine.dispose();
    }
    const violations = inner.__huotiCspViolations.map(({ directive, blockedUri }) => ({ directive, blockedUri }));
    expect(violations, 'no violation besides the eval of the check above').to.deep.equal([evalViolation]);
  });
});
