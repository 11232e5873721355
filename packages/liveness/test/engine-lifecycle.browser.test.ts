import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, HuotiError, runCertification, type LivenessEngine } from '@huoti/liveness';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { openFakeCamera, watchClip } from './clip-samples.js';

// The synthetic ffmpeg test pattern: a camera that never shows a face.
declareFakeMedia({ camera: 'noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4' });

const CLIP_DURATION_S = 3;

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
    const plan = (): ChallengePlan => ({
      version: 1,
      nonce: `crash-${Math.random()}`,
      issuedAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      strictness: 'standard',
      steps: [{ kind: 'blink' }],
    });
    try {
      const events: string[] = [];
      const crashed = await rejection(
        (async () => {
          for await (const event of runCertification({ engine: local, video: track, plan: plan() })) {
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

      const next = runCertification({ engine: local, video: track, plan: plan() });
      const first = await next.next();
      expect(first.value?.type).to.equal('step');
      await next.return(undefined);
    } finally {
      track.stop();
      await local.dispose();
    }
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
