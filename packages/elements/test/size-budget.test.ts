import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup, type Plugin } from 'rollup';
import { describe, expect, it } from 'vitest';

/**
 * Main-thread JavaScript budget, min+gzip: what a page that uses `<huoti-liveness>` loads
 * (`import '@huoti/elements/define.js'`): the element, Lit, and the part of `@huoti/liveness` the
 * element's default driver runs on the main thread (engine client, challenge run, evidence,
 * voice capture), bundled from the built packages as an integrator's bundler would. The worker
 * bundle, the audio worklet, models and wasm load later and are not counted.
 */
// The target is 40 kB. Wiring the real driver brought the page to 42.9 kB (2026-11-29):
// the engine client, challenge run, evidence builder and voice capture now ship with the element.
// This guard stops further growth while the target miss stays open (see docs/benchmarks.md).
const TARGET_BYTES = 40_000;
const BUDGET_BYTES = 45_000;

const ENTRY_ID = '\0huoti-size-entry';
const virtualEntry: Plugin = {
  name: 'huoti-size-entry',
  resolveId: (id) => (id === ENTRY_ID ? id : null),
  load: (id) => (id === ENTRY_ID ? "import '@huoti/elements/define.js';\n" : null),
};

async function measure(): Promise<{ minifiedBytes: number; gzipBytes: number; modules: string[] }> {
  const bundle = await rollup({
    input: ENTRY_ID,
    plugins: [virtualEntry, nodeResolve({ browser: true, rootDir: new URL('../../..', import.meta.url).pathname }), terser({ format: { comments: false } })],
    onwarn: (warning, warn) => {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
    const chunk = output[0];
    return {
      minifiedBytes: Buffer.byteLength(chunk.code),
      gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      modules: Object.keys(chunk.modules),
    };
  } finally {
    await bundle.close();
  }
}

describe('main-thread size budget', () => {
  it(`<huoti-liveness> + the @huoti/liveness client stay within ${BUDGET_BYTES / 1000} kB min+gzip`, async () => {
    const { minifiedBytes, gzipBytes, modules } = await measure();
    console.info(`[size] ${minifiedBytes} B minified, ${gzipBytes} B min+gzip, guard ${BUDGET_BYTES} B, target ${TARGET_BYTES} B${gzipBytes > TARGET_BYTES ? ' (over target)' : ''}`);
    expect(modules.some((id) => id.includes('/packages/elements/dist/')), 'the element is in the bundle').toBe(true);
    expect(modules.some((id) => id.includes('/packages/liveness/dist/')), 'the engine client is in the bundle').toBe(true);
    expect(modules.some((id) => /[/\\]lit-html[/\\]/.test(id)), 'Lit is counted').toBe(true);
    expect(gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
