#!/usr/bin/env node
// Face-match model comparison (`pnpm bench:face-match`; a benchmark, not a test). Bundles
// evaluate-face-match.ts with esbuild, @mediapipe stubbed as in the build (face-landmarks-detection
// imports it even with runtime 'tfjs'), then runs it in Node on the tfjs wasm backend over frames of
// ../shared/fixtures sampled with ffmpeg. Prints a Markdown table and writes
// .cache/bench/face-match.json. `--explore` also scores pre-processing alternatives (template
// zoom, input range) so the shipped specs can be checked against them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const stub = fileURLToPath(new URL('./mediapipe-stub.mjs', import.meta.url));
// Inside packages/liveness, so the bundle resolves tfjs-backend-wasm's .wasm files from its node_modules.
const outfile = join(repoRoot, 'packages/liveness/.cache/evaluate-face-match.mjs');
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
