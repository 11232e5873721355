import type { ExifOrientation } from './jpeg-orientation.js';
import type { RgbImage } from './rgb-image.js';

/**
 * For each orientation: whether display axes are swapped, and whether the stored x / y runs
 * backwards. Display pixel (x, y) comes from stored (sx, sy) = swap ? (y, x) : (x, y), then flipped.
 */
const ORIENTATION_MAPPING: Readonly<Record<ExifOrientation, readonly [isTransposed: boolean, isFlippedX: boolean, isFlippedY: boolean]>> = Object.freeze({
  1: [false, false, false],
  2: [false, true, false], // mirrored horizontally
  3: [false, true, true], // rotated 180°
  4: [false, false, true], // mirrored vertically
  5: [true, false, false], // transposed
  6: [true, false, true], // stored rotated: display turns it 90° clockwise
  7: [true, true, true], // transversed
  8: [true, true, false], // display turns it 90° counter-clockwise
});

/** The image as it should be displayed under `orientation` (the EXIF table's rotations and mirrors). */
export function orientImage(image: RgbImage, orientation: ExifOrientation): RgbImage {
  if (orientation === 1) return image;
  const [isTransposed, isFlippedX, isFlippedY] = ORIENTATION_MAPPING[orientation];
  const { width, height, data } = image;
  const [outWidth, outHeight] = isTransposed ? [height, width] : [width, height];
  const out = new Uint8Array(data.length);
  for (let y = 0; y < outHeight; y++) {
    for (let x = 0; x < outWidth; x++) {
      let [sx, sy] = isTransposed ? [y, x] : [x, y];
      if (isFlippedX) sx = width - 1 - sx;
      if (isFlippedY) sy = height - 1 - sy;
      const from = (sy * width + sx) * 3;
      const to = (y * outWidth + x) * 3;
      out[to] = data[from] as number;
      out[to + 1] = data[from + 1] as number;
      out[to + 2] = data[from + 2] as number;
    }
  }
  return { width: outWidth, height: outHeight, data: out };
}
