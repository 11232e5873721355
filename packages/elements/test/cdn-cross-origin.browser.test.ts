import { expect } from '@esm-bundle/chai';
import type { HuotiLiveness } from '@huoti/elements';
import type * as LivenessModule from '@huoti/liveness';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { declareFakeMedia } from '../../../test-support/fake-media.js';

// The script-tag build served by "a CDN" on another origin (test-support/wtr/asset-origins.mjs: a
// static server on another loopback host and port). The page loads huoti.min.js from there with a
// relative data-asset-base; the bundle must start its module worker from that origin (through the
// blob: trampoline), fetch the models and wasm from it with CORS, and analyse real footage. A second
// server without CORS headers must fail fast with typed errors, never hang.
// GRID swwp2s loops every 3 s with blinks at 1.04, 1.72 and 2.84 s.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

interface AssetOrigins {
  readonly cors: string;
  readonly noCors: string;
}

interface LoggedRequest {
  readonly server: 'cors' | 'noCors';
  readonly path: string;
  readonly status: number;
  readonly origin: string | null;
  readonly fetchMode: string | null;
  readonly fetchDest: string | null;
}

interface HuotiGlobal {
  readonly version: string;
  readonly assetUrls: { readonly assetBaseUrl: string; readonly workerUrl: string; readonly audioWorkletUrl: string } | null;
  readonly liveness: typeof LivenessModule;
}

/** What a worker start that fails fast may take at most: well under its start timeout, so no hang. */
const START_TIMEOUT_MS = 20_000;
const ANALYSED_FRAMES = 10;

const huoti = (): HuotiGlobal => {
  const global = (window as unknown as { Huoti?: HuotiGlobal }).Huoti;
  if (!global) throw new Error('window.Huoti is not defined');
  return global;
};

const requestsTo = async (server: LoggedRequest['server'], pathEnd: string): Promise<LoggedRequest[]> => {
  const log = (await (await fetch('/__huoti/asset-origins/requests')).json()) as LoggedRequest[];
  return log.filter((request) => request.server === server && request.path.endsWith(pathEnd));
};

async function rejectionOf(promise: Promise<unknown>): Promise<LivenessModule.HuotiError> {
  const reason = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (reason === null) throw new Error('expected a rejection');
  expect(reason).to.be.instanceOf(huoti().liveness.HuotiError);
  return reason as LivenessModule.HuotiError;
}

describe('CDN bundle from another origin', function () {
  this.timeout(240_000);
  let origins: AssetOrigins;

  before(async () => {
    origins = (await (await fetch('/__huoti/asset-origins')).json()) as AssetOrigins;
    expect(new URL(origins.cors).origin).not.to.equal(location.origin);
    const script = document.createElement('script');
    script.src = `${origins.cors}/packages/elements/dist/cdn/huoti.min.js`;
    // Relative: resolved against the script's URL, so it names the CDN's liveness assets.
    script.dataset['assetBase'] = '../../../liveness/dist/assets/';
    const loaded = new Promise<void>((resolve, reject) => {
      script.addEventListener('load', () => resolve());
      script.addEventListener('error', () => reject(new Error(`failed to load ${script.src}`)));
    });
    document.head.append(script);
    await loaded;
  });

  it('takes every asset URL from data-asset-base, resolved against the script on the other origin', () => {
    const liveness = `${origins.cors}/packages/liveness/dist/`;
    expect(huoti().assetUrls).to.deep.equal({
      assetBaseUrl: `${liveness}assets/`,
      workerUrl: `${liveness}worker.js`,
      audioWorkletUrl: `${liveness}audio-worklet.js`,
    });
    const element = customElements.get('huoti-liveness') as (CustomElementConstructor & { defaultAssetBase: string | null }) | undefined;
    expect(element?.defaultAssetBase).to.equal(`${liveness}assets/`);
  });

  it('starts the worker from the other origin through a blob: trampoline, fetched with CORS', async () => {
    const connection = await huoti().liveness.connectLivenessWorker();
    try {
      expect(connection.start).to.deep.equal({ workerUrl: `${origins.cors}/packages/liveness/dist/worker.js`, mode: 'blob-trampoline' });
      expect(connection.hello.version).to.equal(huoti().version);
      expect(connection.hello.isWorkerScope).to.equal(true);
    } finally {
      connection.terminate();
    }
    const workerRequests = await requestsTo('cors', '/packages/liveness/dist/worker.js');
    expect(workerRequests.length, 'worker.js fetched from the CDN origin').to.be.greaterThan(0);
    expect(workerRequests.at(-1)).to.include({ status: 200, origin: location.origin, fetchMode: 'cors' });
  });

  it('the engine loads models and wasm from the other origin and analyses the fake camera', async () => {
    const loadedUrls: string[] = [];
    const engine = await huoti().liveness.createLivenessEngine({ onProgress: (progress) => progress.url && loadedUrls.push(progress.url) });
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const video = document.createElement('video');
    try {
      expect(engine.capabilities.backend, JSON.stringify(engine.capabilities)).to.equal('wasm');
      expect(loadedUrls.length).to.be.greaterThan(3);
      for (const url of loadedUrls) expect(url.startsWith(`${origins.cors}/packages/liveness/dist/assets/`), url).to.equal(true);
      const wasm = await requestsTo('cors', '.wasm');
      expect(wasm.length, 'a tfjs .wasm fetched from the CDN origin').to.be.greaterThan(0);
      expect(wasm.at(-1)).to.include({ status: 200, origin: location.origin, fetchMode: 'cors' });

      video.muted = true;
      video.playsInline = true;
      video.srcObject = stream;
      await video.play();
      const faces: number[] = [];
      for await (const metrics of engine.watch(video)) {
        faces.push(metrics.faceCount);
        if (faces.length >= ANALYSED_FRAMES) break;
      }
      expect(faces.filter((count) => count === 1).length, `faces per analysed frame: ${faces.join(',')}`).to.be.at.least(ANALYSED_FRAMES - 1);
    } finally {
      for (const track of stream.getTracks()) track.stop();
      await engine.dispose();
    }
  });

  it('loads the audio worklet from the other origin (CORS mode)', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    try {
      const capture = await huoti().liveness.startVoiceCapture(stream);
      await capture.stop();
    } finally {
      for (const track of stream.getTracks()) track.stop();
    }
    const worklet = await requestsTo('cors', '/packages/liveness/dist/audio-worklet.js');
    expect(worklet.at(-1)).to.include({ status: 200, origin: location.origin, fetchMode: 'cors' });
  });

  it('<huoti-liveness> from the bundle runs a server-issued plan to a pass with its worker on the other origin', async () => {
    const issued = await fetch('/__huoti/example-backend/plans', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    const plan = (await issued.json()) as ChallengePlan;
    const before = (await requestsTo('cors', '/packages/liveness/dist/worker.js')).length;
    const element = document.createElement('huoti-liveness') as HuotiLiveness;
    element.plan = plan;
    document.body.append(element);
    try {
      await element.updateComplete;
      const outcome = new Promise<CustomEvent>((resolve) => {
        element.addEventListener('huoti-complete', resolve, { once: true });
        element.addEventListener('huoti-error', resolve, { once: true });
      });
      const ready = new Promise<void>((resolve) => element.addEventListener('huoti-ready', () => resolve(), { once: true }));
      const clickFirstButton = async (): Promise<void> => {
        await element.updateComplete;
        const button = element.shadowRoot?.querySelector('button');
        if (!button) throw new Error(`no button in state ${element.state}`);
        button.click();
      };
      await clickFirstButton(); // intro: start
      await clickFirstButton(); // consent: accept
      const { type, detail } = await outcome;
      expect(type, JSON.stringify(detail)).to.equal('huoti-complete');
      await ready;
      expect((detail as { passed: boolean }).passed, 'the blink was seen').to.equal(true);
      expect((await requestsTo('cors', '/packages/liveness/dist/worker.js')).length, 'the element fetched its worker from the CDN').to.be.greaterThan(before);
    } finally {
      element.remove();
    }
  });

  describe('a CDN that sends no CORS headers', () => {
    it('the worker start fails fast with WORKER_START_FAILED naming CORS, not a hang', async () => {
      const startedMs = performance.now();
      const error = await rejectionOf(
        huoti().liveness.connectLivenessWorker({ workerUrl: `${origins.noCors}/packages/liveness/dist/worker.js`, startTimeoutMs: START_TIMEOUT_MS }),
      );
      expect(error.code).to.equal('WORKER_START_FAILED');
      expect(error.message).to.contain('Access-Control-Allow-Origin');
      expect(performance.now() - startedMs, 'failed on the load error, not on the start timeout').to.be.below(START_TIMEOUT_MS / 2);
    });

    it('a direct start of a worker on another origin is refused with WORKER_START_FAILED', async () => {
      const error = await rejectionOf(huoti().liveness.connectLivenessWorker({ workerStart: 'direct', startTimeoutMs: START_TIMEOUT_MS }));
      expect(error.code).to.equal('WORKER_START_FAILED');
      expect(error.message).to.contain('blob-trampoline');
    });

    it("the engine's workerStart option reaches the worker start: 'direct' is refused the same way", async () => {
      const error = await rejectionOf(huoti().liveness.createLivenessEngine({ workerStart: 'direct', startTimeoutMs: START_TIMEOUT_MS }));
      expect(error.code).to.equal('WORKER_START_FAILED');
      expect(error.message).to.contain('blob-trampoline');
    });

    it('models and wasm without CORS fail the engine start with ASSET_LOAD_FAILED', async () => {
      const error = await rejectionOf(
        huoti().liveness.createLivenessEngine({ assetBaseUrl: `${origins.noCors}/packages/liveness/dist/assets/`, loadTimeoutMs: START_TIMEOUT_MS }),
      );
      expect(error.code, error.message).to.equal('ASSET_LOAD_FAILED');
    });

    it('the audio worklet without CORS fails with ASSET_LOAD_FAILED naming CORS', async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      try {
        const error = await rejectionOf(huoti().liveness.startVoiceCapture(stream, { workletUrl: `${origins.noCors}/packages/liveness/dist/audio-worklet.js` }));
        expect(error.code).to.equal('ASSET_LOAD_FAILED');
        expect(error.message).to.contain('Access-Control-Allow-Origin');
      } finally {
        for (const track of stream.getTracks()) track.stop();
      }
    });
  });

  describe('a page whose CSP has no blob: in worker-src', () => {
    it('the trampoline is refused with WORKER_START_FAILED that names the CSP fix', async () => {
      const frame = document.createElement('iframe');
      // Same origin as the test page; its own meta policy allows the CDN's script but no blob: worker.
      frame.srcdoc =
        `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' ${origins.cors} 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self' ${origins.cors}">` +
        `<script src="${origins.cors}/packages/elements/dist/cdn/huoti.min.js" data-asset-base="../../../liveness/dist/assets/"></script>`;
      const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
      document.body.append(frame);
      try {
        await loaded;
        const inner = (frame.contentWindow as unknown as { Huoti?: HuotiGlobal }).Huoti;
        if (!inner) throw new Error('the bundle did not load in the CSP frame');
        const startedMs = performance.now();
        const reason = await inner.liveness.connectLivenessWorker({ startTimeoutMs: START_TIMEOUT_MS }).then(
          () => null,
          (error: unknown) => error as LivenessModule.HuotiError,
        );
        expect(reason?.code, String(reason)).to.equal('WORKER_START_FAILED');
        expect(reason?.message).to.contain('blob: to worker-src');
        expect(performance.now() - startedMs).to.be.below(START_TIMEOUT_MS / 2);
      } finally {
        frame.remove();
      }
    });
  });
});
