import { gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup, type OutputChunk, type Plugin } from 'rollup';
import { describe, expect, it } from 'vitest';

/**
 * Main-thread JavaScript budget, min+gzip, of a page that uses `<huoti-liveness>`
 * (`import '@huoti/elements/define.js'`), bundled from the built packages as an integrator's
 * production bundler would: Lit's production build (the `production` export condition; vitest's
 * NODE_ENV=test would otherwise pick Lit's development build, 3.8 kB more), terser, code split.
 *
 * - `initial`: what loads before any run — the entry chunk and every chunk it imports statically:
 *   the element, its strings (zh-CN and en), styles, camera handling and Lit. The target is the
 *   issue's 40 kB, and the test fails above it.
 * - `run start`: chunks imported dynamically, which load when the person accepts the consent and
 *   the run starts, alongside the models: the default driver and the `@huoti/liveness` engine
 *   client (bridge, frame capture, voice capture, best frames, evidence assembly). The challenge
 *   run itself is in the worker. Initial and run start together must stay within the same 40 kB.
 *
 * The worker bundle, the audio worklet, models and wasm load later still and are not counted.
 */
const INITIAL_BUDGET_BYTES = 40_000;
/**
 * Everything on the main thread, initial and run start together: the target for the
 * element plus the engine client. 48.1 kB while the challenge run (detectors, guards, trace,
 * planarity, face-match checks) ran on the main thread; 38.2 kB once it moved to the worker, 38.7 kB
 * with the idle-terminate logic in the bridge.
 */
const TOTAL_BUDGET_BYTES = 40_000;

const ENTRY_ID = '\0huoti-size-entry';
const virtualEntry: Plugin = {
  name: 'huoti-size-entry',
  resolveId: (id) => (id === ENTRY_ID ? id : null),
  load: (id) => (id === ENTRY_ID ? "import '@huoti/elements/define.js';\n" : null),
};

interface ChunkSize {
  readonly fileName: string;
  readonly gzipBytes: number;
  readonly modules: readonly string[];
  /** The modules' rendered code before minification, to check which code is on the main thread. */
  readonly code: string;
}

interface Measurement {
  readonly initial: readonly ChunkSize[];
  readonly runStart: readonly ChunkSize[];
}

const sum = (chunks: readonly ChunkSize[]): number => chunks.reduce((total, chunk) => total + chunk.gzipBytes, 0);
const modulesOf = (chunks: readonly ChunkSize[]): string[] => chunks.flatMap((chunk) => chunk.modules);

async function measure(): Promise<Measurement> {
  const bundle = await rollup({
    input: ENTRY_ID,
    plugins: [
      virtualEntry,
      nodeResolve({ browser: true, exportConditions: ['production'], rootDir: new URL('../../..', import.meta.url).pathname }),
      terser({ format: { comments: false } }),
    ],
    onwarn: (warning, warn) => {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const chunks = new Map(output.filter((item): item is OutputChunk => item.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
    const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
    if (!entry) throw new Error('no entry chunk');
    // The entry and its static imports, transitively: all of it loads before the element renders.
    const initialNames = new Set<string>();
    const visit = (name: string): void => {
      if (initialNames.has(name)) return;
      initialNames.add(name);
      for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
    };
    visit(entry.fileName);
    const size = (chunk: OutputChunk): ChunkSize => ({
      fileName: chunk.fileName,
      gzipBytes: gzipSync(chunk.code, { level: 9 }).length,
      modules: Object.keys(chunk.modules),
      code: Object.values(chunk.modules)
        .map((module) => module.code ?? '')
        .join('\n'),
    });
    return {
      initial: [...chunks.values()].filter((chunk) => initialNames.has(chunk.fileName)).map(size),
      runStart: [...chunks.values()].filter((chunk) => !initialNames.has(chunk.fileName)).map(size),
    };
  } finally {
    await bundle.close();
  }
}

describe('main-thread size budget', () => {
  it(`<huoti-liveness> with its engine client loads at most ${TOTAL_BUDGET_BYTES / 1000} kB min+gzip on the main thread, at most ${INITIAL_BUDGET_BYTES / 1000} kB of it before a run`, async () => {
    const { initial, runStart } = await measure();
    const initialBytes = sum(initial);
    const totalBytes = initialBytes + sum(runStart);
    console.info(
      `[size] initial ${initialBytes} B min+gzip (budget ${INITIAL_BUDGET_BYTES} B), run start ${sum(runStart)} B, total ${totalBytes} B (budget ${TOTAL_BUDGET_BYTES} B)`,
    );

    const initialModules = modulesOf(initial);
    expect(initialModules.some((id) => id.includes('/packages/elements/dist/')), 'the element is in the initial load').toBe(true);
    expect(initialModules.some((id) => /[/\\]lit-html[/\\]/.test(id)), 'Lit is counted').toBe(true);
    expect(initialModules.filter((id) => /[/\\]development[/\\]/.test(id)), "Lit's production build, as a production bundler picks").toEqual([]);
    expect(initialModules.filter((id) => id.includes('/packages/liveness/dist/')), 'the engine client waits for the run').toEqual([]);
    expect(modulesOf(runStart).some((id) => id.includes('/packages/liveness/dist/')), 'the engine client is counted in the total').toBe(true);
    const runStartCode = runStart.map((chunk) => chunk.code).join('\n');
    for (const workerSide of ['class BlinkDetector', 'class RunGuards', 'function fitHomography', 'class MetricTraceRecorder']) {
      expect(runStartCode.includes(workerSide), `${workerSide} runs in the worker, not on the main thread`).toBe(false);
    }

    expect(initialBytes).toBeLessThanOrEqual(INITIAL_BUDGET_BYTES);
    expect(totalBytes).toBeLessThanOrEqual(TOTAL_BUDGET_BYTES);
  });
});
