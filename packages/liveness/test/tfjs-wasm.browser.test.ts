import { expect } from '@esm-bundle/chai';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

// tfjs's wasm backend loads the .wasm files our build copies into @huoti/liveness's dist/assets/,
// from the test server itself: no CDN.
describe('tfjs wasm backend with self-hosted binaries', () => {
  it('loads its .wasm from dist/assets on this origin and runs an op', async () => {
    setWasmPaths('/packages/liveness/dist/assets/');
    expect(await tf.setBackend('wasm'), 'wasm backend initialised').to.equal(true);
    await tf.ready();
    expect(tf.getBackend()).to.equal('wasm');

    const sum = tf.add(tf.tensor1d([1, 2, 3]), tf.tensor1d([10, 20, 30]));
    expect(Array.from(await sum.data())).to.deep.equal([11, 22, 33]);
    tf.dispose(sum);

    const wasmFetches = performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name))
      .filter((url) => url.pathname.endsWith('.wasm'));
    expect(wasmFetches.length, 'at least one .wasm file fetched').to.be.greaterThan(0);
    for (const url of wasmFetches) {
      expect(url.origin).to.equal(location.origin);
      expect(url.pathname).to.match(/^\/packages\/liveness\/dist\/assets\/tfjs-backend-wasm(-simd|-threaded-simd)?\.wasm$/);
    }
  });
});
