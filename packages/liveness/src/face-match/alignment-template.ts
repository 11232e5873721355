import type { PixelPoint } from './face-keypoints.js';

/**
 * Where the five keypoints (see `FiveFaceKeypoints`) land in the model's input crop, as fractions
 * of the crop's side (0 = left/top edge, 1 = right/bottom edge).
 */
export type AlignmentTemplate = readonly [PixelPoint, PixelPoint, PixelPoint, PixelPoint, PixelPoint];

/**
 * The ArcFace / InsightFace 5-point template (112×112 crop, from `insightface/utils/face_align.py`),
 * divided by 112. The eyes sit level at y ≈ 0.46 with an inter-ocular distance of ≈ 0.31 of the side.
 */
export const ARCFACE_ALIGNMENT_TEMPLATE: AlignmentTemplate = Object.freeze([
  Object.freeze([38.2946 / 112, 51.6963 / 112] as const),
  Object.freeze([73.5318 / 112, 51.5014 / 112] as const),
  Object.freeze([56.0252 / 112, 71.7366 / 112] as const),
  Object.freeze([41.5493 / 112, 92.3655 / 112] as const),
  Object.freeze([70.7299 / 112, 92.2041 / 112] as const),
]) as AlignmentTemplate;

/**
 * `template` zoomed about the crop's centre by `zoomRatio`: below 1 the face gets smaller in the
 * crop and more of the head and background shows (for models trained on loose crops).
 */
export function zoomAlignmentTemplate(template: AlignmentTemplate, zoomRatio: number): AlignmentTemplate {
  return Object.freeze(
    template.map(([x, y]) => Object.freeze([0.5 + (x - 0.5) * zoomRatio, 0.5 + (y - 0.5) * zoomRatio] as const)),
  ) as unknown as AlignmentTemplate;
}
