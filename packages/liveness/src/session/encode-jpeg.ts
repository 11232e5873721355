import { HuotiError } from '../errors/huoti-error.js';

/** A JPEG made by {@link encodeJpegWithin}. */
export interface EncodedJpeg {
  readonly width: number;
  readonly height: number;
  readonly bytes: Uint8Array;
}

/** Options of {@link encodeJpegWithin}. */
export interface JpegBudget {
  /** Largest result, in bytes. */
  readonly maxBytes: number;
  /** Widest result, in px (never upscaled). */
  readonly maxWidthPx: number;
  /** Qualities tried in order (0–1). */
  readonly qualities: readonly number[];
  /** Scale applied when no quality fits, before trying the qualities again (0–1). */
  readonly downscaleRatio: number;
}

/** Below this width a face frame shows too little to be worth keeping, in px. */
const MIN_WIDTH_PX = 64;

/**
 * Encodes `image` as a JPEG of at most `maxBytes`, with `OffscreenCanvas.convertToBlob`: tries each
 * quality in turn, then a smaller size, until one fits.
 *
 * @throws {HuotiError} `INVALID_INPUT` when even the smallest size does not fit, or the browser
 *   has no `OffscreenCanvas`.
 */
export async function encodeJpegWithin(image: ImageBitmap, budget: JpegBudget): Promise<EncodedJpeg> {
  if (typeof OffscreenCanvas === 'undefined') throw new HuotiError('INVALID_INPUT', 'best frames need OffscreenCanvas');
  let width = Math.min(image.width, budget.maxWidthPx);
  for (;;) {
    const height = Math.max(1, Math.round((image.height * width) / image.width));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new HuotiError('INVALID_INPUT', 'no 2D context on OffscreenCanvas');
    context.drawImage(image, 0, 0, width, height);
    for (const quality of budget.qualities) {
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality });
      if (blob.size <= budget.maxBytes) return { width, height, bytes: new Uint8Array(await blob.arrayBuffer()) };
    }
    const nextWidth = Math.round(width * budget.downscaleRatio);
    if (nextWidth < MIN_WIDTH_PX || nextWidth >= width) {
      throw new HuotiError('INVALID_INPUT', `no JPEG of the frame fits ${budget.maxBytes} bytes`);
    }
    width = nextWidth;
  }
}
