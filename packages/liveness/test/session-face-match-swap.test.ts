import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FaceEmbedder, FaceLandmarker } from '@huoti/liveness/face-match';
import type { MetricSample } from '../src/challenges/metric-sample.js';
import { measureFace } from '../src/metrics/measure-face.js';
import { DEFAULT_CERTIFICATION_CONFIG } from '../src/session/certification-config.js';
import { FaceMatchTracker } from '../src/session/face-match-tracker.js';
import { toMetricSample } from '../src/session/to-metric-sample.js';
import { DEFAULT_FACE_MATCH_THRESHOLDS } from '../src/face-match/face-match-thresholds.js';
import { diskGraphModel } from './disk-graph-model.js';

// A swap of the person mid-run, with the real landmarker and embedding model on the tfjs wasm
// backend in Node (the built `@huoti/liveness/face-match`, as a server would load it): Chromium's
// fake camera plays one file for a whole test file, so a camera that changes person mid-run is
// replayed here instead, frame by frame, through the session's own face-match decision
// (`FaceMatchTracker`, which the worker's `ChallengeSession` drives the same way). Frames are decoded from the
// shared fixtures with ffmpeg; the metrics that pick the checked frames are the engine's own
// (`measureFace` on the same landmarks). Needs `pnpm build` first (dist/assets/models).

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');
const modelDir = join(repoRoot, 'packages', 'liveness', 'dist', 'assets', 'models');
const requireHere = createRequire(import.meta.url);

function fixture(relative: string): string {
  const path = join(fixturesDir, relative);
  if (!existsSync(path)) throw new Error(`missing fixture ${relative} (looked in ${fixturesDir}; set HUOTI_SHARED_DIR)`);
  return path;
}

/** One RGB frame of a clip at `timeS`, decoded by ffmpeg as binary PPM. */
function decodeFrame(relative: string, timeS: number): { width: number; height: number; rgb: Uint8Array } {
  const ppm = execFileSync('ffmpeg', ['-loglevel', 'error', '-ss', String(timeS), '-i', fixture(relative), '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'ppm', '-']);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`unexpected ffmpeg output for ${relative}`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, rgb: new Uint8Array(ppm.subarray(header[0].length, header[0].length + width * height * 3)) };
}

const diskModel = (name: string): tf.io.IOHandler => diskGraphModel(join(modelDir, name)).handler;

interface LiveFrame {
  readonly sample: MetricSample;
  readonly embedding: Float32Array;
}

let landmarker: FaceLandmarker;
let embedder: FaceEmbedder;

/** What the worker does for one camera frame: landmarks, the engine's metrics, and the embedding. */
async function liveFrame(relative: string, timeS: number, timestampMs: number): Promise<LiveFrame> {
  const { width, height, rgb } = decodeFrame(relative, timeS);
  const image = tf.tensor3d(Int32Array.from(rgb), [height, width, 3], 'int32');
  try {
    landmarker.reset();
    const faces = await landmarker.estimate(image);
    expect(faces, `${relative} @ ${timeS} s`).toHaveLength(1);
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0, j = 0; i < rgb.length; i += 3, j += 4) [rgba[j], rgba[j + 1], rgba[j + 2], rgba[j + 3]] = [rgb[i]!, rgb[i + 1]!, rgb[i + 2]!, 255];
    const face = measureFace(faces[0]!.landmarks, { data: rgba, width, height }, false);
    const sample = toMetricSample({ faceCount: 1, primaryFace: face, cameraTimestampMs: timestampMs });
    return { sample, embedding: await embedder.embedAsync(image, faces[0]!.landmarks) };
  } finally {
    image.dispose();
  }
}

/** Feeds frames (each with the plan step it was shown in) through the tracker as the worker's `ChallengeSession` does. */
function replay(tracker: FaceMatchTracker, frames: readonly (LiveFrame & { stepIndex: number })[]): number | null {
  for (const frame of frames) {
    if (tracker.shouldCheck(frame.stepIndex, frame.sample) && tracker.check(frame.stepIndex, frame.sample, frame.embedding)) return frame.sample.timestampMs;
  }
  return null;
}

const SPEAKER_A = 'grid/grid_swwp2s.mp4'; // a grey-haired man
const SPEAKER_B = 'grid/grid_lbax4n.mp4'; // a man with glasses
const THRESHOLD = DEFAULT_FACE_MATCH_THRESHOLDS.standard;
const STEP_MS = 1_500;
const FRAME_MS = 500;

/** Three steps of 1.5 s, a frame every 0.5 s: A throughout, or A then B from the third step. */
async function session(stepSpeakers: readonly string[]): Promise<(LiveFrame & { stepIndex: number })[]> {
  const frames: (LiveFrame & { stepIndex: number })[] = [];
  for (let stepIndex = 0; stepIndex < stepSpeakers.length; stepIndex++) {
    for (let offsetMs = 0; offsetMs < STEP_MS; offsetMs += FRAME_MS) {
      const timestampMs = stepIndex * STEP_MS + offsetMs;
      // Times inside the 3-s clips, different from the reference's.
      const timeS = 0.3 + ((timestampMs / 1_000) % 2.4);
      frames.push({ ...(await liveFrame(stepSpeakers[stepIndex]!, timeS, timestampMs)), stepIndex });
    }
  }
  return frames;
}

describe('the session face-match decision on a swap of the person (real model, Node)', () => {
  let reference: Float32Array;

  beforeAll(async () => {
    const { createFaceLandmarker, createFaceEmbedder, DEFAULT_FACE_EMBEDDING_MODEL } = await import('@huoti/liveness/face-match');
    setWasmPaths(`${dirname(requireHere.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
    expect(await tf.setBackend('wasm')).toBe(true);
    landmarker = await createFaceLandmarker({
      detectorModel: diskModel('facemesh-detection-short'),
      meshModel: diskModel('facemesh'),
      isAttentionMesh: false,
      maxFaces: 2,
    });
    embedder = createFaceEmbedder(await loadGraphModel(diskModel('faceres')), DEFAULT_FACE_EMBEDDING_MODEL);
    reference = (await liveFrame(SPEAKER_A, 2.9, 0)).embedding;
  }, 120_000);

  afterAll(() => {
    landmarker?.dispose();
    embedder?.dispose();
  });

  const tracker = () =>
    new FaceMatchTracker({ source: 'client-image', model: 'faceres', embedding: reference }, THRESHOLD, DEFAULT_CERTIFICATION_CONFIG);

  it('the same person throughout passes: a score per step, all above the threshold', async () => {
    const faceMatch = tracker();
    const frames = await session([SPEAKER_A, SPEAKER_A, SPEAKER_A]);
    expect(replay(faceMatch, frames)).toBeNull();
    const record = faceMatch.record((ms) => ms);
    console.log(`A, A, A: ${JSON.stringify(record.scores)}`);
    expect(record.decision).toBe('match');
    expect(record.scores.map((score) => score.stepIndex)).toEqual([0, 1, 2]);
    for (const score of record.scores) expect(score.similarity).toBeGreaterThanOrEqual(THRESHOLD);
  }, 120_000);

  it('another person taking over at the third step fails at the first checked frame of that step', async () => {
    const faceMatch = tracker();
    const frames = await session([SPEAKER_A, SPEAKER_A, SPEAKER_B]);
    const failedAtMs = replay(faceMatch, frames);
    const record = faceMatch.record((ms) => ms);
    console.log(`A, A, B: failed at ${failedAtMs} ms; ${JSON.stringify(record.scores)}`);
    expect(failedAtMs).not.toBeNull();
    expect(failedAtMs!).toBeGreaterThanOrEqual(2 * STEP_MS);
    expect(record.decision).toBe('mismatch');
    const [first, second, third] = record.scores;
    expect([first!.stepIndex, second!.stepIndex, third!.stepIndex]).toEqual([0, 1, 2]);
    expect(first!.similarity).toBeGreaterThanOrEqual(THRESHOLD);
    expect(second!.similarity).toBeGreaterThanOrEqual(THRESHOLD);
    expect(third!.similarity).toBeLessThan(THRESHOLD);
  }, 120_000);

  it('checks best-frame candidates only: at most the configured number per step, never a turned-away frame', async () => {
    const faceMatch = tracker();
    const frames = await session([SPEAKER_A]);
    const turned = { ...frames[0]!, sample: { ...frames[0]!.sample, timestampMs: 10_000, yawDeg: 30 }, stepIndex: 1 };
    expect(faceMatch.shouldCheck(1, turned.sample)).toBe(false);
    let checks = 0;
    for (let round = 0; round < 5; round++) {
      for (const frame of frames) {
        const sample = { ...frame.sample, timestampMs: frame.sample.timestampMs + round * 2_000, sharpness: (frame.sample.sharpness ?? 1) * 2 ** round };
        if (faceMatch.shouldCheck(0, sample)) {
          checks += 1;
          faceMatch.check(0, sample, frame.embedding);
        }
      }
    }
    expect(checks).toBe(DEFAULT_CERTIFICATION_CONFIG.faceMatchMaxChecksPerStep);
  }, 120_000);

  it('without a reference nothing is checked and the record says liveness only', async () => {
    const faceMatch = new FaceMatchTracker(null, THRESHOLD, DEFAULT_CERTIFICATION_CONFIG);
    const [frame] = await session([SPEAKER_A]);
    expect(faceMatch.shouldCheck(0, frame!.sample)).toBe(false);
    expect(faceMatch.record((ms) => ms)).toEqual({ mode: 'none', scores: [], decision: 'not_checked' });
  }, 120_000);
});
