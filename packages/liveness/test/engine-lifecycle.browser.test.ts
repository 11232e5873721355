import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, DEFAULT_CERTIFICATION_CONFIG, HuotiError, runCertification, type LivenessEngine } from '@huoti/liveness';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { openFakeCamera, watchClip } from './clip-samples.js';

// The synthetic ffmpeg test pattern: a camera that never shows a face.
declareFakeMedia({ camera: 'noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4' });

const CLIP_DURATION_S = 3;

const blinkPlan = (): ChallengePlan => ({
  version: 1,
  nonce: `lifecycle-${Math.random()}`,
  issuedAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  strictness: 'standard',
  steps: [{ kind: 'blink' }],
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const rejection = async (promise: Promise<unknown>): Promise<HuotiError> => {
  const reason = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(reason, String(reason)).to.be.instanceOf(HuotiError);
  return reason as HuotiError;
};

describe('liveness engine lifecycle (test-pattern camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('finds no face on the test pattern, at the configured analysis width', async () => {
    const samples = await watchClip(engine, CLIP_DURATION_S, 1);
    expect(samples.length).to.be.greaterThan(3);
    for (const { metrics } of samples) {
      expect(metrics.faceCount).to.equal(0);
      expect(metrics.primaryFace).to.equal(null);
      expect([metrics.frameWidthPx, metrics.frameHeightPx]).to.deep.equal([640, 480]);
    }
  });

  it('restarts a crashed worker once, transparently, then surfaces WORKER_CRASHED', async () => {
    const track = await openFakeCamera();
    let frames = 0;
    let crashes = 0;
    const error = await (async () => {
      for await (const metrics of engine.watch(track)) {
        frames += 1;
        expect(metrics.faceCount).to.equal(0);
        // Crash every 3rd frame: the first crash is absorbed, the second surfaces.
        if (frames % 3 === 0) {
          crashes += 1;
          await engine.crashWorkerForTesting();
        }
      }
      return null;
    })().then(
      () => null,
      (reason: unknown) => reason,
    );
    track.stop();
    expect(crashes).to.equal(2);
    expect(engine.restartCount).to.equal(1);
    expect((error as HuotiError).code, String(error)).to.equal('WORKER_CRASHED');
  });

  it('a crash during a certification run ends that run with WORKER_CRASHED (its challenge state lived in the worker); the restarted worker serves the next run', async () => {
    const local = await createLivenessEngine();
    const track = await openFakeCamera();
    try {
      const events: string[] = [];
      const crashed = await rejection(
        (async () => {
          for await (const event of runCertification({ engine: local, video: track, plan: blinkPlan() })) {
            events.push(event.type);
            // The test pattern has no face: a "no face" hint follows the first step within a few frames.
            if (event.type === 'hints') await local.crashWorkerForTesting();
          }
        })(),
      );
      expect(events).to.deep.equal(['step', 'hints']);
      expect(crashed.code).to.equal('WORKER_CRASHED');
      expect(crashed.message).to.contain('certification session was lost');
      expect(local.restartCount).to.equal(1);

      const next = runCertification({ engine: local, video: track, plan: blinkPlan() });
      const first = await next.next();
      expect(first.value?.type).to.equal('step');
      await next.return(undefined);
    } finally {
      track.stop();
      await local.dispose();
    }
  });

  it('an idle worker is terminated after idleTerminateMs and started again by the next call; an open challenge keeps it running', async () => {
    const IDLE_MS = 400;
    const local = await createLivenessEngine({ idleTerminateMs: IDLE_MS });
    const track = await openFakeCamera();
    try {
      expect(local.isWorkerRunning).to.equal(true);
      await sleep(IDLE_MS * 2.5);
      expect(local.isWorkerRunning, 'stopped after idling').to.equal(false);

      // The next call starts it again, models and all: a watch analyses frames as before.
      let frames = 0;
      for await (const metrics of local.watch(track)) {
        expect(metrics.faceCount).to.equal(0);
        if (++frames === 3) break;
      }
      expect(local.isWorkerRunning).to.equal(true);
      expect(local.restartCount, 'an idle stop is not a crash').to.equal(0);

      // An open challenge is never idle: its state lives in the worker.
      const challenge = await local.openChallenge({ plan: blinkPlan(), config: DEFAULT_CERTIFICATION_CONFIG });
      await sleep(IDLE_MS * 2.5);
      expect(local.isWorkerRunning, 'kept while a challenge is open').to.equal(true);
      await challenge.close();
      await sleep(IDLE_MS * 2.5);
      expect(local.isWorkerRunning, 'stopped once the challenge closed').to.equal(false);

      // Any call wakes it: the models are loaded again.
      expect((await local.memory()).tensorCount).to.be.greaterThan(0);
      expect(local.isWorkerRunning).to.equal(true);
    } finally {
      track.stop();
      await local.dispose();
    }
    expect(local.isWorkerRunning).to.equal(false);
    expect((await rejection(createLivenessEngine({ idleTerminateMs: 0 }))).code).to.equal('INVALID_INPUT');
  });

  it('dispose() ends a running watch with DISPOSED, and every later call gets DISPOSED', async () => {
    const local = await createLivenessEngine();
    const track = await openFakeCamera();
    const watching = (async () => {
      for await (const metrics of local.watch(track)) {
        if (metrics.frameIndex === 2) void local.dispose();
      }
    })();
    const ended = await rejection(watching);
    track.stop();
    expect(ended.code).to.equal('DISPOSED');
    expect((await rejection(local.memory())).code).to.equal('DISPOSED');
    expect((await rejection(local.watch(track).next())).code).to.equal('DISPOSED');
    await local.dispose(); // twice is fine
  });

  it('a missing asset folder fails with ASSET_LOAD_FAILED naming the URL', async () => {
    const assetBaseUrl = new URL('/packages/liveness/dist/no-such-assets/', location.href);
    const error = await rejection(createLivenessEngine({ assetBaseUrl, backend: 'cpu' }));
    expect(error.code).to.equal('ASSET_LOAD_FAILED');
    expect(error.message).to.match(/HTTP 404/);
    expect(error.message).to.contain(assetBaseUrl.href);
    expect(error.localized['zh-CN']).to.match(/[\u4e00-\u9fff]/);
  });

  it('an explicit webgl request that may use SwiftShader runs on webgl; auto refuses it', async () => {
    const webgl = await createLivenessEngine({ backend: 'webgl', eyeRefinement: 'none' });
    try {
      expect(webgl.capabilities.backend).to.equal('webgl');
      expect(webgl.capabilities.webglRenderer).to.match(/SwiftShader/i);
      expect(webgl.capabilities.fallbacks).to.deep.equal([]);
    } finally {
      await webgl.dispose();
    }
    expect(engine.capabilities.backend).to.equal('wasm');
    expect(engine.capabilities.fallbacks.map((f) => f.skipped)).to.deep.equal(['webgl']);
  });

  it('rejects what it cannot watch with INVALID_INPUT', async () => {
    const error = await rejection(engine.watch(document.createElement('div') as unknown as HTMLVideoElement).next());
    expect(error.code).to.equal('INVALID_INPUT');
  });
});
