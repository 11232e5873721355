// Runs in Chromium (bundled by run-benchmark.mjs). Measures, on the same camera frames and the
// same tfjs backend: raw face-landmarks-detection on the main thread vs the Huoti worker pipeline.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as faceLandmarksDetection from '@tensorflow-models/face-landmarks-detection';
import { createLivenessEngine, type LivenessEngine } from '@huoti/liveness';

export interface BenchOptions {
  readonly backend: 'wasm' | 'webgl';
  /** Distinct camera frames used for the side-by-side timing. */
  readonly frameCount: number;
  /** Frames analysed before the second tensor count. */
  readonly tensorFrames: number;
  readonly streamSeconds: number;
}

const ASSETS = new URL('/packages/liveness/dist/assets/', location.href);
const WORKER = new URL('/packages/liveness/dist/worker.js', location.href);
const ANALYSIS_WIDTH_PX = 640;

const quantile = (values: number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};
const summary = (values: number[]) => ({ medianMs: quantile(values, 0.5), p95Ms: quantile(values, 0.95), n: values.length });

async function grabFrames(track: MediaStreamTrack, count: number): Promise<ImageBitmap[]> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = new MediaStream([track]);
  await video.play();
  const frames: ImageBitmap[] = [];
  while (frames.length < count) {
    await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
    const scale = Math.min(1, ANALYSIS_WIDTH_PX / video.videoWidth);
    frames.push(await createImageBitmap(video, { resizeWidth: Math.round(video.videoWidth * scale), resizeHeight: Math.round(video.videoHeight * scale) }));
  }
  video.srcObject = null;
  return frames;
}

async function startEngine(backend: BenchOptions['backend'], eyeRefinement: 'none' | 'auto') {
  const started = performance.now();
  const engine = await createLivenessEngine({ backend, eyeRefinement, allowSoftwareWebgl: true, assetBaseUrl: ASSETS, workerUrl: WORKER });
  return { engine, createMs: performance.now() - started };
}

async function timeWorkerFrame(engine: LivenessEngine, frame: ImageBitmap): Promise<{ ms: number; faces: number }> {
  const started = performance.now();
  const copy = await createImageBitmap(frame);
  const metrics = await engine.analyzeFrame(copy);
  return { ms: performance.now() - started, faces: metrics?.faceCount ?? -1 };
}

export async function runBench(options: BenchOptions) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true });
  const track = stream.getVideoTracks()[0]!;
  const frames = await grabFrames(track, options.frameCount);

  // 1. Create → first metrics, with the default eye refinement (iris).
  const createStarted = performance.now();
  const { engine, createMs } = await startEngine(options.backend, 'auto');
  const first = await timeWorkerFrame(engine, frames[0]!);
  const startup = { createMs, firstMetricsMs: performance.now() - createStarted, firstFrameMs: first.ms, ...engine.startupTimings, capabilities: engine.capabilities, modelBytes: engine.modelBytes };

  // 2. Tensors at 10 vs N frames (default pipeline).
  for (let i = 1; i < 10; i += 1) await timeWorkerFrame(engine, frames[i % frames.length]!);
  const tensorsAt10 = (await engine.memory()).tensorCount;
  const irisTimes: number[] = [];
  for (let i = 10; i < options.tensorFrames; i += 1) irisTimes.push((await timeWorkerFrame(engine, frames[i % frames.length]!)).ms);
  const tensorsAtN = (await engine.memory()).tensorCount;

  // 3. Long tasks on the main thread while streaming from the camera through watch().
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  let streamed = 0;
  let dropped = 0;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.streamSeconds * 1000);
  for await (const metrics of engine.watch(track, { signal: controller.signal })) {
    streamed += 1;
    dropped = metrics.droppedFrameCount;
  }
  clearTimeout(timer);
  observer.disconnect();
  await engine.dispose();

  // 4. Side by side on the same frames and backend: raw library on the main thread vs the worker
  //    pipeline without eye refinement (the same graphs), interleaved frame by frame.
  if (options.backend === 'wasm') setWasmPaths(ASSETS.href);
  await tf.setBackend(options.backend);
  await tf.ready();
  const raw = await faceLandmarksDetection.createDetector(faceLandmarksDetection.SupportedModels.MediaPipeFaceMesh, {
    runtime: 'tfjs',
    maxFaces: 2,
    refineLandmarks: false,
    detectorModelUrl: new URL('models/facemesh-detection-short.json', ASSETS).href,
    landmarkModelUrl: new URL('models/facemesh.json', ASSETS).href,
  });
  const { engine: plain } = await startEngine(options.backend, 'none');
  const rawTimes: number[] = [];
  const workerTimes: number[] = [];
  let rawFaces = 0;
  let workerFaces = 0;
  for (let round = 0; round < 2; round += 1) {
    for (const frame of frames) {
      const started = performance.now();
      const image = tf.browser.fromPixels(frame);
      const faces = await raw.estimateFaces(image);
      image.dispose();
      const rawMs = performance.now() - started;
      const worker = await timeWorkerFrame(plain, frame);
      // The first round warms both paths up; only the second is timed.
      if (round === 1) {
        rawTimes.push(rawMs);
        workerTimes.push(worker.ms);
        rawFaces += faces.length;
        workerFaces += worker.faces;
      }
    }
  }
  raw.dispose();
  await plain.dispose();
  track.stop();
  const frameSize = [frames[0]?.width, frames[0]?.height];
  for (const frame of frames) frame.close();
  const rawSummary = summary(rawTimes);
  const workerSummary = summary(workerTimes);
  return {
    backend: options.backend,
    frameSize,
    sideBySide: {
      raw: rawSummary,
      worker: workerSummary,
      medianRatio: workerSummary.medianMs / rawSummary.medianMs,
      p95Ratio: workerSummary.p95Ms / rawSummary.p95Ms,
      facesFound: { raw: rawFaces, worker: workerFaces },
    },
    defaultPipeline: summary(irisTimes),
    startup,
    tensors: { at10: tensorsAt10, atN: tensorsAtN, n: options.tensorFrames },
    streaming: { seconds: options.streamSeconds, analysedFrames: streamed, droppedFrames: dropped, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) },
  };
}

(globalThis as unknown as { runBench: typeof runBench }).runBench = runBench;
