// The `@huoti/verify/face-match` entry: server-side 1:1 face match (tfjs wasm in Node). Kept apart
// from the main entry so that plan signing and evidence verification load no tfjs.
export { createServerFaceMatcher, type ServerFaceMatcher, type EvidenceFrames } from './face-match/server-face-matcher.js';
export { DEFAULT_SERVER_IMAGE_LIMITS, type ServerImageLimits, type ServerFaceMatcherOptions } from './face-match/server-face-match-config.js';
export type { EvidenceFaceComparison, FrameComparison, FrameComparisonProblem } from './face-match/evidence-face-comparison.js';
