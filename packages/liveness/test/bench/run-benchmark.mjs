#!/usr/bin/env node
// Liveness benchmark (a script, not a test): raw face-landmarks-detection on the main thread vs
// the Huoti worker pipeline, in the same Chromium, over fixture footage, for wasm and WebGL
// (SwiftShader). Needs a build first. Writes .cache/bench/liveness-benchmark.json and prints a
// Markdown table. Usage: node packages/liveness/test/bench/run-benchmark.mjs [--quick]
// [--backends=wasm,webgl] [--report-only: rebuild the table and byte counts from the last run's
// per-backend JSON, e.g. after re-running one backend]
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { cameraFile } from '../../../../test-support/wtr/fake-media-files.mjs';
import { benchOutDir, bundleForBrowser, launchBenchChromium, repoRoot, serveBenchFiles } from './bench-chromium.mjs';

const packageDir = join(repoRoot, 'packages/liveness');
const outDir = benchOutDir;
const isQuick = process.argv.includes('--quick');
const isReportOnly = process.argv.includes('--report-only');
const BACKENDS = ['wasm', 'webgl'];
const backendsToRun = (process.argv.find((a) => a.startsWith('--backends='))?.slice('--backends='.length).split(',') ?? BACKENDS).filter((b) => BACKENDS.includes(b));
const OPTIONS = {
  frameCount: isQuick ? 20 : 60,
  streamSeconds: isQuick ? 5 : 30,
  tensorFrames: { wasm: isQuick ? 100 : 2000, webgl: isQuick ? 50 : 300 },
};
const CAMERA = { camera: 'grid/grid_bbaf2n.mp4', cameraSize: '640x480' };

mkdirSync(outDir, { recursive: true });
if (!isReportOnly) await runInBrowser();
const results = BACKENDS.map((backend) => JSON.parse(readFileSync(join(outDir, `liveness-benchmark-${backend}.json`), 'utf8')));

async function runInBrowser() {
  await bundleForBrowser({
    entry: join(packageDir, 'test/bench/bench-page.ts'),
    outfile: join(outDir, 'bench-page.js'),
    alias: { '@huoti/liveness': join(packageDir, 'dist/index.js') },
  });
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench-page.js"></script>\n');

  const server = await serveBenchFiles();

  const browser = await launchBenchChromium({
    protocolTimeout: 1_200_000,
    args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${cameraFile(CAMERA)}`],
  });
  const runs = [];
  try {
    for (const backend of backendsToRun) {
      const page = await browser.newPage();
      page.on('console', (message) => console.error(`[page] ${message.text()}`));
      await page.goto(`${server.origin}/bench/index.html`);
      await page.waitForFunction(() => 'runBench' in globalThis);
      console.error(`running ${backend}…`);
      const result = await page.evaluate(
        (options) => globalThis.runBench(options),
        { backend, frameCount: OPTIONS.frameCount, tensorFrames: OPTIONS.tensorFrames[backend], streamSeconds: OPTIONS.streamSeconds },
      );
      runs.push(result);
      writeFileSync(join(outDir, `liveness-benchmark-${backend}.json`), `${JSON.stringify(result, null, 2)}\n`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  return runs;
}

// Bytes: what a page ships on its main thread vs in the worker vs the model assets.
const minGzip = (files) => {
  // Each file minified on its own (they are separate modules), then gzipped together.
  const minified = files.map((f) => esbuild.transformSync(readFileSync(f, 'utf8'), { minify: true, format: 'esm', loader: 'js' }).code).join('\n');
  return { minBytes: Buffer.byteLength(minified), minGzipBytes: gzipSync(minified).byteLength };
};
const dist = join(packageDir, 'dist');
const comlinkFile = join(createRequire(join(packageDir, 'package.json')).resolve('comlink/package.json'), '../dist/esm/comlink.mjs');
const mainFiles = [join(dist, 'index.js'), ...readdirSync(join(dist, 'chunks')).filter((f) => f.endsWith('.js')).map((f) => join(dist, 'chunks', f)), comlinkFile];
const assetSet = ['facemesh-detection-short', 'facemesh', 'iris'].flatMap((m) => [`${m}.json`, `${m}.bin`]);
const bytes = {
  mainThread: minGzip(mainFiles),
  worker: minGzip([join(dist, 'worker.js')]),
  defaultModels: assetSet.reduce((sum, f) => sum + statSync(join(dist, 'assets/models', f)).size, 0),
  defaultModelsGzip: assetSet.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, 'assets/models', f))).byteLength, 0),
  wasmSimd: statSync(join(dist, 'assets', 'tfjs-backend-wasm-simd.wasm')).size,
};
const report = { date: new Date().toISOString(), camera: CAMERA, options: OPTIONS, cpuCount: (await import('node:os')).cpus().length, results, bytes };
writeFileSync(join(outDir, 'liveness-benchmark.json'), `${JSON.stringify(report, null, 2)}\n`);

const f1 = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const rows = results.map((r) => {
  const s = r.sideBySide;
  return `| ${r.backend} | ${f1(s.raw.medianMs)} / ${f1(s.raw.p95Ms)} | ${f1(s.worker.medianMs)} / ${f1(s.worker.p95Ms)} | **${s.medianRatio.toFixed(2)}** / ${s.p95Ratio.toFixed(2)} | ${f1(r.defaultPipeline.medianMs)} / ${f1(r.defaultPipeline.p95Ms)} | ${r.streaming.longTasks} (max ${f1(r.streaming.longestTaskMs)} ms) | ${f1(r.startup.fetchMs)} / ${f1(r.startup.compileMs)} / ${f1(r.startup.warmUpMs)} → ${f1(r.startup.firstMetricsMs)} | ${r.tensors.at10} → ${r.tensors.atN} (${r.tensors.n}) |`;
});
console.log(
  [
    '| backend | raw main thread ms (median / p95) | Huoti worker e2e ms (median / p95) | ratio (median / p95), target ≤ 1.10 | default pipeline with iris ms (median / p95) | main-thread long tasks in stream | start-up fetch / compile / warm-up → first metrics (ms) | tensors at 10 → N (N) |',
    '|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Bytes: main thread ${bytes.mainThread.minGzipBytes} B min+gzip (${bytes.mainThread.minBytes} min, incl. comlink); worker ${bytes.worker.minGzipBytes} B min+gzip (${bytes.worker.minBytes} min); default models ${bytes.defaultModels} B (${bytes.defaultModelsGzip} gzip); wasm SIMD ${bytes.wasmSimd} B.`,
  ].join('\n'),
);
