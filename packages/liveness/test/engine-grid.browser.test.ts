import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine, type LoadProgress } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { between, median, meanEyeAspectRatio, trace, watchClip } from './clip-samples.js';

// GRID bbaf2n (annotations/blinks.tsv): one frontal face; blinks at 1.68–1.84 s and 2.00–2.20 s.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

const CLIP_DURATION_S = 3;
/** Two loops of the clip: four annotated blinks to catch at ~10–20 analysed frames per second. */
const WATCH_DURATION_S = 6;
/** Blink windows with the annotation's ±1 frame and one frame of capture jitter. */
const BLINK_WINDOW_S = [1.6, 2.3] as const;
/** Iris-refined EAR falls to ~0.2–0.4x of open (docs/benchmarks.md); 0.6 leaves margin. */
const BLINK_DEPTH_RATIO = 0.6;

describe('liveness engine on a GRID speaker (fake camera)', () => {
  let engine: LivenessEngine;
  const progress: LoadProgress[] = [];
  before(async () => {
    engine = await createLivenessEngine({ backend: 'auto', onProgress: (p) => progress.push(p) });
  });
  after(async () => {
    await engine?.dispose();
  });

  it('auto picks wasm (SIMD) and records why software WebGL was skipped', () => {
    const { capabilities } = engine;
    expect(capabilities.backend, JSON.stringify(capabilities)).to.equal('wasm');
    expect(capabilities.hasWasmSimd).to.equal(true);
    expect(capabilities.eyeRefinement).to.equal('iris');
    const webgl = capabilities.fallbacks.find((f) => f.skipped === 'webgl');
    expect(webgl?.reason).to.match(/software renderer: .*SwiftShader/i);
  });

  it('reports loading progress in bytes and where start-up time went', () => {
    const fetches = progress.filter((p) => p.phase === 'fetch');
    expect(fetches.length).to.be.greaterThan(3);
    expect(fetches.every((p) => p.url?.startsWith(`${location.origin}/packages/liveness/dist/assets/`))).to.equal(true);
    expect(progress.at(-1)?.phase).to.equal('warmup');
    expect(progress.at(-1)?.loadedBytes).to.equal(engine.modelBytes);
    expect(engine.modelBytes).to.be.greaterThan(4_000_000);
    const { fetchMs, compileMs, warmUpMs } = engine.startupTimings;
    for (const ms of [fetchMs, compileMs, warmUpMs]) expect(ms).to.be.at.least(0);
  });

  it('finds the face in every frame and sees the EAR dip inside the annotated blinks', async () => {
    const samples = await watchClip(engine, CLIP_DURATION_S, WATCH_DURATION_S);
    console.log('EAR', trace(samples, meanEyeAspectRatio));
    const last = samples.at(-1)!.metrics;
    console.log(`analysed ${samples.length}, dropped ${last.droppedFrameCount}, median inference ${median(samples.map((s) => s.metrics.inferenceMs)).toFixed(0)} ms`);
    expect(samples.length).to.be.greaterThan(20);
    expect(samples.filter((s) => s.metrics.faceCount === 1).length, 'frames with exactly one face').to.be.at.least(samples.length - 1);

    const open = median(samples.map(meanEyeAspectRatio));
    const dips = samples.filter((s) => meanEyeAspectRatio(s) < open * BLINK_DEPTH_RATIO);
    expect(dips.length, 'frames with a blink-deep EAR').to.be.greaterThan(0);
    for (const dip of dips) expect(dip.clipTimeS, 'a dip outside the annotated blinks').to.be.within(...BLINK_WINDOW_S);
    const outside = [...between(samples, 0, 1.5), ...between(samples, 2.4, 3)];
    expect(Math.min(...outside.map(meanEyeAspectRatio))).to.be.above(open * 0.8);

    const face = last.primaryFace!;
    expect(face.landmarks, 'landmarks only on request').to.equal(undefined);
    expect(face.widthRatio).to.be.within(0.15, 0.6);
    expect(Math.abs(face.centerOffset.x)).to.be.below(0.2);
    expect(face.brightness).to.be.within(40, 220);
    expect(face.sharpness).to.be.greaterThan(0);
    expect(Math.abs(face.headPose.yawDeg)).to.be.below(15);
    expect([last.frameWidthPx, last.frameHeightPx]).to.deep.equal([360, 288]);
  });

  it('returns landmarks when asked, and keeps the tensor count flat over a run', async () => {
    const samples = await watchClip(engine, CLIP_DURATION_S, 0.5, true);
    expect(samples.at(-1)!.metrics.primaryFace!.landmarks).to.have.length(478);
    const before = await engine.memory();
    await watchClip(engine, CLIP_DURATION_S, 3);
    const after = await engine.memory();
    expect(after.tensorCount, 'tensors after a 3 s run vs before').to.equal(before.tensorCount);
  });
});
