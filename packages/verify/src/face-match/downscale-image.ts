import type { RgbImage } from './rgb-image.js';

/**
 * The image shrunk by the smallest whole factor that brings its longer side to `maxSidePx` or
 * below, each output pixel the mean of its factor × factor block; unchanged when it already fits.
 * A phone photo (12 MP) would otherwise become a 144 MB tensor, and the detector sees 128 × 128 anyway.
 */
export function downscaleToFit(image: RgbImage, maxSidePx: number): RgbImage {
  const factor = Math.ceil(Math.max(image.width, image.height) / maxSidePx);
  if (factor <= 1) return image;
  const [width, height] = [Math.floor(image.width / factor), Math.floor(image.height / factor)];
  const out = new Uint8Array(width * height * 3);
  const blockArea = factor * factor;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let channel = 0; channel < 3; channel++) {
        let sum = 0;
        for (let dy = 0; dy < factor; dy++) {
          const row = (y * factor + dy) * image.width;
          for (let dx = 0; dx < factor; dx++) sum += image.data[(row + x * factor + dx) * 3 + channel] as number;
        }
        out[(y * width + x) * 3 + channel] = Math.round(sum / blockArea);
      }
    }
  }
  return { width, height, data: out };
}
