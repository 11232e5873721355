import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import type { AlignmentTemplate } from './alignment-template.js';
import { fiveFaceKeypoints, type PixelPoint } from './face-keypoints.js';
import { fitSimilarityTransform, type SimilarityTransform } from './similarity-transform.js';

/**
 * The similarity that maps image pixels to pixels of a `cropSizePx` square crop in which the face's
 * five keypoints land on `template` (eyes level, fixed inter-ocular distance and eye position).
 *
 * @throws {RangeError} when `landmarks` has fewer than 468 points or they are degenerate.
 */
export function faceAlignmentTransform(landmarks: FaceLandmarks, template: AlignmentTemplate, cropSizePx: number): SimilarityTransform {
  const target = template.map(([x, y]): PixelPoint => [x * cropSizePx, y * cropSizePx]);
  return fitSimilarityTransform(fiveFaceKeypoints(landmarks), target);
}
