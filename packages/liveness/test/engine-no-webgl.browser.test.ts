import { expect } from '@esm-bundle/chai';
import { createLivenessEngine } from '@huoti/liveness';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { playFakeCamera } from './clip-samples.js';

// A browser whose WebGL is switched off (as on a device with a blocklisted GPU): a request for
// WebGL must fall back to wasm and say why, and the engine must still analyse frames.
declareFakeMedia({ camera: 'grid/grid_sbwe5n.mp4', webgl: 'off' });

describe('liveness engine when WebGL fails', () => {
  it('an explicit webgl request falls back to wasm and records the reason', async () => {
    const engine = await createLivenessEngine({ backend: 'webgl', eyeRefinement: 'none' });
    try {
      expect(engine.capabilities.backend).to.equal('wasm');
      expect(engine.capabilities.fallbacks).to.deep.equal([{ skipped: 'webgl', reason: 'no WebGL context in this worker' }]);
      expect(engine.capabilities.webglRenderer).to.equal(undefined);

      const { video, stream } = await playFakeCamera();
      try {
        const frame = await createImageBitmap(video);
        const metrics = await engine.analyzeFrame(frame);
        expect(metrics?.faceCount, 'the wasm fallback still finds the face').to.equal(1);
      } finally {
        for (const track of stream.getTracks()) track.stop();
      }
    } finally {
      await engine.dispose();
    }
  });
});
