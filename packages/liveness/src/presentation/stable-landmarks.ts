/**
 * The face-mesh points the planarity signal follows (MediaPipe FaceMesh indices), by region.
 * They span the whole face, in depth too (nose tip and bridge stand out, the jaw line lies
 * behind), so a real head turning moves them unlike any plane; the eyelids and lips add the
 * face's own non-rigid motion (blinks, speech), which a picture cannot make.
 */
export const STABLE_LANDMARK_REGIONS = Object.freeze({
  /** Top centre, mid forehead and the forehead's sides. */
  forehead: Object.freeze([10, 151, 109, 338, 67, 297] as const),
  /** Outer, middle and inner points of both brows. */
  brows: Object.freeze([70, 300, 105, 334, 107, 336] as const),
  /** Outer and inner eye corners, then the middle of each upper and lower lid. */
  eyes: Object.freeze([33, 133, 362, 263, 159, 145, 386, 374] as const),
  /** Between the eyes, bridge, ridge, tip, under the tip, and the nostril wings. */
  nose: Object.freeze([168, 6, 197, 1, 2, 98, 327] as const),
  /** Cheekbones and mid cheeks. */
  cheeks: Object.freeze([50, 280, 117, 346, 205, 425] as const),
  /** The jaw line from ear level down to the chin. */
  jaw: Object.freeze([234, 454, 132, 361, 172, 397, 150, 379, 176, 400, 152] as const),
  /** Mouth corners, the outer lips' middle and the inner lips' middle. */
  mouth: Object.freeze([61, 291, 0, 17, 13, 14] as const),
});

/** Every index of {@link STABLE_LANDMARK_REGIONS}, region by region: the point order of a planarity track. */
export const STABLE_LANDMARK_INDICES: readonly number[] = Object.freeze(Object.values(STABLE_LANDMARK_REGIONS).flat());
