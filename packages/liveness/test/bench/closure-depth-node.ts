// Node side of measure-closure-depth.mjs (bundled by it with esbuild): runs the engine's own
// FaceLandmarker with tfjs in Node on fixture frames decoded by ffmpeg and prints per-frame EAR.
import * as tf from '@tensorflow/tfjs-core';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createFaceLandmarker } from '../../src/landmarks/face-landmarker.js';
import { eyeAspectRatios } from '../../src/metrics/eye-aspect-ratio.js';

interface Job {
  readonly file: string;
  readonly startS: number;
  readonly durationS: number;
}

const [mode, backend, modelsDir, wasmDir, fixturesDir, jobsJson] = process.argv.slice(2) as [string, string, string, string, string, string];

function fromFile(jsonPath: string): tf.io.IOHandler {
  const model = JSON.parse(readFileSync(jsonPath, 'utf8')) as tf.io.ModelJSON;
  const weights = Buffer.concat(model.weightsManifest.flatMap((g) => g.paths).map((p) => readFileSync(new URL(p, `file://${jsonPath}`))));
  return tf.io.fromMemory({
    modelTopology: model.modelTopology,
    weightSpecs: model.weightsManifest.flatMap((g) => g.weights),
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    ...(model.signature ? { signature: model.signature } : {}),
  });
}

function decode(file: string, startS: number, durationS: number): { width: number; height: number; frames: Uint8Array[] } {
  const [width, height] = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file])
    .toString()
    .trim()
    .split(',')
    .map(Number) as [number, number];
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(startS), '-t', String(durationS), '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 30 });
  const size = width * height * 3;
  return { width, height, frames: Array.from({ length: raw.length / size }, (_, i) => new Uint8Array(raw.buffer, raw.byteOffset + i * size, size)) };
}

async function main(): Promise<void> {
  void version_cpu; // registers the cpu backend
  setWasmPaths(wasmDir);
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed`);
  const landmarker = await createFaceLandmarker({
    detectorModel: fromFile(`${modelsDir}/facemesh-detection-short.json`),
    meshModel: fromFile(`${modelsDir}/${mode === 'attention' ? 'facemesh-attention' : 'facemesh'}.json`),
    ...(mode === 'iris' ? { irisModel: fromFile(`${modelsDir}/iris.json`) } : {}),
    isAttentionMesh: mode === 'attention',
    maxFaces: 1,
  });
  for (const [jobIndex, job] of (JSON.parse(jobsJson) as Job[]).entries()) {
    landmarker.reset();
    const { width, height, frames } = decode(`${fixturesDir}/${job.file}`, job.startS, job.durationS);
    let totalMs = 0;
    for (const [i, pixels] of frames.entries()) {
      const image = tf.tensor3d(pixels, [height, width, 3], 'int32');
      const started = performance.now();
      const [face] = await landmarker.estimate(image);
      totalMs += performance.now() - started;
      image.dispose();
      const ear = face ? eyeAspectRatios(face.landmarks) : null;
      console.log(JSON.stringify({ job: jobIndex, frame: Math.round(job.startS * 25) + i, ear: ear ? (ear.left + ear.right) / 2 : null }));
    }
    console.log(JSON.stringify({ job: jobIndex, msPerFrame: totalMs / frames.length }));
  }
  landmarker.dispose();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
