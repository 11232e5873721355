// The `@huoti/liveness/face-match` entry: face match for Node (used by `@huoti/verify/face-match`),
// the tfjs half included. The worker imports these files directly; the main entry re-exports only
// the tfjs-free half so that the main thread never loads tfjs.
export { alignFace } from './face-match/face-alignment.js';
export { createFaceEmbedder, type FaceEmbedder } from './face-match/face-embedder.js';
export { createFaceLandmarker, type FaceLandmarker, type FaceLandmarkerOptions, type DetectedFace } from './landmarks/face-landmarker.js';
export { faceAlignmentTransform } from './face-match/face-alignment-transform.js';
export { fiveFaceKeypoints, interOcularDistancePx, type FiveFaceKeypoints, type PixelPoint } from './face-match/face-keypoints.js';
export { ARCFACE_ALIGNMENT_TEMPLATE, zoomAlignmentTemplate, type AlignmentTemplate } from './face-match/alignment-template.js';
export {
  FACE_EMBEDDING_MODELS,
  DEFAULT_FACE_EMBEDDING_MODEL,
  type FaceEmbeddingModelSpec,
  type PixelNormalisation,
} from './face-match/face-embedding-model-spec.js';
export { cosineSimilarity } from './face-match/cosine-similarity.js';
export { DEFAULT_FACE_MATCH_THRESHOLDS, resolveFaceMatchThresholds, type FaceMatchThresholds } from './face-match/face-match-thresholds.js';
export { decideFaceMatch, type FaceMatchDecision } from './face-match/face-match-decision.js';
export {
  checkReferenceFaces,
  DEFAULT_REFERENCE_FACE_CONFIG,
  type ReferenceFaceConfig,
  type ReferenceFaceCheck,
  type ReferenceFaceErrorCode,
} from './face-match/reference-face-check.js';
export { MODEL_ASSET_NAMES } from './models/model-asset-names.js';
