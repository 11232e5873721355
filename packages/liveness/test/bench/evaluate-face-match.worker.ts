// Browser half of `pnpm bench:face-match --browser`: runs in a module worker, like the engine's, and
// times one face's embedding (alignment + faceres + read-back) on the requested backend. The frame
// arrives as raw RGB decoded by ffmpeg; the models come from the built package's dist/assets.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { createFaceLandmarker } from '../../src/landmarks/face-landmarker.js';
import { createFaceEmbedder } from '../../src/face-match/face-embedder.js';
import { DEFAULT_FACE_EMBEDDING_MODEL } from '../../src/face-match/face-embedding-model-spec.js';

interface Job {
  readonly backend: 'wasm' | 'webgl';
  readonly width: number;
  readonly height: number;
  readonly runs: number;
}

const assets = new URL('/packages/liveness/dist/assets/', self.location.href);
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

self.onmessage = async ({ data: job }: MessageEvent<Job>) => {
  try {
    setWasmPaths(assets.href);
    if (!(await tf.setBackend(job.backend))) throw new Error(`${job.backend} did not start`);
    const rgb = new Uint8Array(await (await fetch('./face-match-frame.rgb')).arrayBuffer());
    const image = tf.tensor3d(Int32Array.from(rgb), [job.height, job.width, 3], 'int32');
    const landmarker = await createFaceLandmarker({
      detectorModel: tf.io.http(new URL('models/facemesh-detection-short.json', assets).href),
      meshModel: tf.io.http(new URL('models/facemesh.json', assets).href),
      isAttentionMesh: false,
      maxFaces: 1,
    });
    const [face] = await landmarker.estimate(image);
    if (!face) throw new Error('no face in the benchmark frame');
    const loadStarted = performance.now();
    const embedder = createFaceEmbedder(await loadGraphModel(tf.io.http(new URL(DEFAULT_FACE_EMBEDDING_MODEL.assetName, assets).href)), DEFAULT_FACE_EMBEDDING_MODEL);
    const loadMs = performance.now() - loadStarted;
    const firstStarted = performance.now();
    await embedder.embedAsync(image, face.landmarks);
    const firstMs = performance.now() - firstStarted;
    const times: number[] = [];
    const tensorsBefore = tf.memory().numTensors;
    for (let i = 0; i < job.runs; i++) {
      const started = performance.now();
      await embedder.embedAsync(image, face.landmarks);
      times.push(performance.now() - started);
    }
    self.postMessage({ backend: job.backend, loadMs, firstMs, medianMs: median(times), runs: job.runs, tensorsBefore, tensorsAfter: tf.memory().numTensors });
    embedder.dispose();
    landmarker.dispose();
    image.dispose();
  } catch (error) {
    self.postMessage({ backend: job.backend, error: String(error) });
  }
};
