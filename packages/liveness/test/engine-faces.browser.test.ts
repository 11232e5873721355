import { expect } from '@esm-bundle/chai';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { watchClip } from './clip-samples.js';

// CiscoVT2people: a man (left) and a woman (right) side by side; the woman's hand crosses her
// face in the last frames of the 4 s loop.
declareFakeMedia({ camera: 'faces/openh264_CiscoVT2people_twofaces.mp4' });

describe('liveness engine with two people in view (fake camera)', () => {
  let engine: LivenessEngine;
  before(async () => {
    engine = await createLivenessEngine();
  });
  after(async () => {
    await engine?.dispose();
  });

  it('counts two faces and reports the larger as primary', async () => {
    const samples = await watchClip(engine, 4, 2.5);
    const two = samples.filter((s) => s.metrics.faceCount === 2);
    expect(two.length, `faceCount per frame: ${samples.map((s) => s.metrics.faceCount).join('')}`).to.be.at.least(samples.length * 0.8);
    for (const { metrics } of two) {
      const primary = metrics.primaryFace!;
      const other = metrics.otherFaces[0]!;
      expect(primary.areaRatio).to.be.at.least(other.box.width * other.box.height);
      const left = Math.min(primary.box.x, other.box.x);
      const right = Math.max(primary.box.x, other.box.x);
      expect(right - left, 'the two boxes are apart').to.be.above(0.2);
    }
  });
});
