import type { FaceLandmarks } from '../landmarks/landmark-point.js';

/** An axis-aligned box normalised to the frame: `x`, `y` of the top-left corner, sizes in 0–1. */
export interface NormalizedBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box that encloses every landmark, normalised to the frame and clipped to it. */
export function landmarkBox(landmarks: FaceLandmarks, frameWidthPx: number, frameHeightPx: number): NormalizedBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of landmarks) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (!Number.isFinite(minX) || frameWidthPx <= 0 || frameHeightPx <= 0) return { x: 0, y: 0, width: 0, height: 0 };
  const clip = (v: number): number => Math.min(1, Math.max(0, v));
  const x0 = clip(minX / frameWidthPx);
  const y0 = clip(minY / frameHeightPx);
  return { x: x0, y: y0, width: clip(maxX / frameWidthPx) - x0, height: clip(maxY / frameHeightPx) - y0 };
}

/** Box centre minus frame centre, per axis. */
export function centerOffset(box: NormalizedBox): { x: number; y: number } {
  return { x: box.x + box.width / 2 - 0.5, y: box.y + box.height / 2 - 0.5 };
}
