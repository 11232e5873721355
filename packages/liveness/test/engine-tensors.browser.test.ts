import { expect } from '@esm-bundle/chai';
import { createLivenessEngine } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { playFakeCamera } from './clip-samples.js';

// Must-have: the worker's tensor count after 2,000 frames equals the count after 10, with the
// default pipeline (detector, mesh, iris refinement) on real footage from the fake camera.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

const FIRST_CHECK_FRAMES = 10;
const LONG_RUN_FRAMES = 2_000;

describe('liveness engine over a long run', function () {
  this.timeout(480_000);

  it(`has the same tensor count after ${LONG_RUN_FRAMES} frames as after ${FIRST_CHECK_FRAMES}`, async () => {
    const engine = await createLivenessEngine();
    const { video, stream } = await playFakeCamera();
    try {
      let tensorsAfterFirstCheck = Number.NaN;
      let framesWithFace = 0;
      for (let frame = 1; frame <= LONG_RUN_FRAMES; frame++) {
        const metrics = await engine.analyzeFrame(await createImageBitmap(video));
        if (metrics && metrics.faceCount > 0) framesWithFace += 1;
        if (frame === FIRST_CHECK_FRAMES) tensorsAfterFirstCheck = (await engine.memory()).tensorCount;
      }
      const tensorsAtEnd = (await engine.memory()).tensorCount;
      expect(tensorsAfterFirstCheck).to.be.greaterThan(0);
      expect(tensorsAtEnd, `tensors after ${LONG_RUN_FRAMES} frames vs after ${FIRST_CHECK_FRAMES}`).to.equal(tensorsAfterFirstCheck);
      expect(framesWithFace, 'the frames really went through the face pipeline').to.be.greaterThan(LONG_RUN_FRAMES * 0.95);
    } finally {
      for (const track of stream.getTracks()) track.stop();
      await engine.dispose();
    }
  });
});
