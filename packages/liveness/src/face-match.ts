// The `@huoti/liveness/face-match` entry: the tfjs half of face match, for Node (used by
// `@huoti/verify/face-match`). The worker imports these files directly; the main entry re-exports
// only the tfjs-free half so that the main thread never loads tfjs.
export { alignFace } from './face-match/face-alignment.js';
export { createFaceEmbedder, type FaceEmbedder } from './face-match/face-embedder.js';
export { createFaceLandmarker, type FaceLandmarker, type FaceLandmarkerOptions, type DetectedFace } from './landmarks/face-landmarker.js';
