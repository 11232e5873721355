import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import type { HuotiErrorCode } from '../errors/huoti-error-code.js';
import { interOcularDistancePx } from './face-keypoints.js';

/** Limits a reference photo's face must meet. */
export interface ReferenceFaceConfig {
  /**
   * Smallest distance between the eye centres, pixels. Below it the face has too little detail
   * for a reliable embedding (the 112-pixel ArcFace crop itself has ≈ 35 px between the eyes).
   */
  readonly minInterOcularDistancePx: number;
}

export const DEFAULT_REFERENCE_FACE_CONFIG: ReferenceFaceConfig = Object.freeze({ minInterOcularDistancePx: 32 });

/** Codes a reference photo can be refused with. */
export type ReferenceFaceErrorCode = Extract<HuotiErrorCode, 'REFERENCE_NO_FACE' | 'REFERENCE_MULTIPLE_FACES' | 'REFERENCE_FACE_TOO_SMALL'>;

/** The face to embed, or why the photo cannot serve as a reference. */
export type ReferenceFaceCheck =
  | { readonly ok: true; readonly landmarks: FaceLandmarks; readonly interOcularDistancePx: number }
  | { readonly ok: false; readonly code: ReferenceFaceErrorCode; readonly message: string };

/**
 * Decides whether the faces found in a reference photo make a usable reference: exactly one face
 * large enough. Faces below the size limit do not count as "several" (a tiny face in the
 * background of an ID photo should not refuse it), but if only such faces exist the photo is
 * refused as too small.
 */
export function checkReferenceFaces(
  faces: readonly { readonly landmarks: FaceLandmarks }[],
  config: ReferenceFaceConfig = DEFAULT_REFERENCE_FACE_CONFIG,
): ReferenceFaceCheck {
  if (faces.length === 0) return { ok: false, code: 'REFERENCE_NO_FACE', message: 'no face was found in the reference photo' };
  const measured = faces.map((face) => ({ landmarks: face.landmarks, interOcularDistancePx: interOcularDistancePx(face.landmarks) }));
  const largeEnough = measured.filter((face) => face.interOcularDistancePx >= config.minInterOcularDistancePx);
  if (largeEnough.length > 1) {
    return { ok: false, code: 'REFERENCE_MULTIPLE_FACES', message: `the reference photo shows ${largeEnough.length} faces` };
  }
  const [face] = largeEnough;
  if (!face) {
    const largest = Math.max(...measured.map((f) => f.interOcularDistancePx));
    return {
      ok: false,
      code: 'REFERENCE_FACE_TOO_SMALL',
      message: `the reference face is too small: ${largest.toFixed(1)} px between the eyes, at least ${config.minInterOcularDistancePx} px needed`,
    };
  }
  return { ok: true, ...face };
}
