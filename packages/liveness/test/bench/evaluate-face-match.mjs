#!/usr/bin/env node
// Face-match model comparison (`pnpm bench:face-match`; a benchmark, not a test). Bundles
// evaluate-face-match.ts with esbuild, @mediapipe stubbed as in the build (face-landmarks-detection
// imports it even with runtime 'tfjs'), then runs it in Node on the tfjs wasm backend over frames of
// ../shared/fixtures sampled with ffmpeg. Prints a Markdown table and writes
// .cache/bench/face-match.json. `--explore` also scores pre-processing alternatives (template
// zoom, input range) so the shipped specs can be checked against them. `--browser` instead times
// faceres in a module worker in headless Chromium (wasm, and webgl on SwiftShader); it needs a
// build first (models and wasm from packages/liveness/dist/assets).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { benchOutDir, bundleForBrowser, launchBenchChromium, repoRoot, serveBenchFiles } from './bench-chromium.mjs';

const stub = fileURLToPath(new URL('./mediapipe-stub.mjs', import.meta.url));
if (process.argv.includes('--browser')) {
  await timeInBrowser();
  process.exit(0);
}
// Inside packages/liveness, so the bundle resolves tfjs-backend-wasm's .wasm files from its
// node_modules; under node_modules/.cache, which git and eslint ignore.
const outfile = join(repoRoot, 'packages/liveness/node_modules/.cache/huoti/evaluate-face-match.mjs');
await esbuild.build({
  entryPoints: [fileURLToPath(new URL('./evaluate-face-match.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  alias: { '@mediapipe/face_mesh': stub, '@mediapipe/face_detection': stub },
  banner: {
    js: "import{createRequire as c}from'module';import{fileURLToPath as f}from'url';const require=c(import.meta.url);const __filename=f(import.meta.url);const __dirname=f(new URL('.',import.meta.url));",
  },
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
process.exit(run.status ?? 1);

/** Times faceres in a module worker in headless Chromium on a GRID frame, per backend. */
async function timeInBrowser() {
  const outDir = benchOutDir;
  mkdirSync(outDir, { recursive: true });
  await bundleForBrowser({ entry: fileURLToPath(new URL('./evaluate-face-match.worker.ts', import.meta.url)), outfile: join(outDir, 'face-match-worker.js') });
  const [width, height] = [360, 288];
  const fixtures = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');
  writeFileSync(
    join(outDir, 'face-match-frame.rgb'),
    execFileSync('ffmpeg', ['-loglevel', 'error', '-ss', '1', '-i', join(fixtures, 'grid/grid_bbaf2n.mp4'), '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 24 }),
  );
  writeFileSync(
    join(outDir, 'face-match.html'),
    `<!doctype html><meta charset="utf-8"><script type="module">
globalThis.timeEmbedding = (job) => new Promise((resolve) => { const w = new Worker('./face-match-worker.js', { type: 'module' }); w.onmessage = (e) => { resolve(e.data); w.terminate(); }; w.postMessage(job); });
</script>\n`,
  );
  const server = await serveBenchFiles();
  const browser = await launchBenchChromium({ protocolTimeout: 600_000 });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => console.error(`[page] ${message.text()}`));
    await page.goto(`${server.origin}/bench/face-match.html`);
    await page.waitForFunction(() => 'timeEmbedding' in globalThis);
    for (const backend of ['wasm', 'webgl']) {
      const result = await page.evaluate((job) => globalThis.timeEmbedding(job), { backend, width, height, runs: 20 });
      console.log(JSON.stringify(result));
    }
  } finally {
    await browser.close();
    server.close();
  }
}
