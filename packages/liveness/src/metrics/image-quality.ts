import type { NormalizedBox } from './face-box.js';

/** RGBA pixels, as in `ImageData`. */
export interface RgbaPixels {
  readonly data: Uint8ClampedArray | Uint8Array;
  readonly width: number;
  readonly height: number;
}

/** Brightness and sharpness of a region. */
export interface ImageQuality {
  /** Mean luma, BT.601, 0–255. */
  readonly brightness: number;
  /** Variance of the 4-neighbour Laplacian of luma (Pech-Pacheco et al. 2000); higher is sharper. */
  readonly sharpness: number;
}

/**
 * Mean luma and variance of the Laplacian inside `box`. Pure function on pixels.
 *
 * @returns `NaN`s when the box holds fewer than 3x3 pixels.
 */
export function imageQuality(pixels: RgbaPixels, box: NormalizedBox): ImageQuality {
  const x0 = Math.max(0, Math.floor(box.x * pixels.width));
  const y0 = Math.max(0, Math.floor(box.y * pixels.height));
  const x1 = Math.min(pixels.width, Math.ceil((box.x + box.width) * pixels.width));
  const y1 = Math.min(pixels.height, Math.ceil((box.y + box.height) * pixels.height));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w < 3 || h < 3) return { brightness: Number.NaN, sharpness: Number.NaN };
  const luma = new Float32Array(w * h);
  let lumaSum = 0;
  for (let y = 0; y < h; y += 1) {
    for (let x = 0; x < w; x += 1) {
      const i = ((y0 + y) * pixels.width + (x0 + x)) * 4;
      const value = 0.299 * (pixels.data[i] ?? 0) + 0.587 * (pixels.data[i + 1] ?? 0) + 0.114 * (pixels.data[i + 2] ?? 0);
      luma[y * w + x] = value;
      lumaSum += value;
    }
  }
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let y = 1; y < h - 1; y += 1) {
    for (let x = 1; x < w - 1; x += 1) {
      const c = y * w + x;
      const laplacian = (luma[c - 1] ?? 0) + (luma[c + 1] ?? 0) + (luma[c - w] ?? 0) + (luma[c + w] ?? 0) - 4 * (luma[c] ?? 0);
      sum += laplacian;
      sumSquares += laplacian * laplacian;
      count += 1;
    }
  }
  const mean = sum / count;
  return { brightness: lumaSum / (w * h), sharpness: sumSquares / count - mean * mean };
}
