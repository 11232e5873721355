import { HuotiError } from '../errors/huoti-error.js';

/**
 * Longest side, in px, a reference photo is decoded at. Larger photos are scaled down: the face
 * check and the 224-px embedding crop need no more, and a 12-megapixel readback would cost 48 MB.
 */
export const REFERENCE_MAX_SIDE_PX = 1920;

/**
 * A fresh `ImageBitmap` of a reference photo, at most `maxSidePx` on its longer side, that the
 * caller may transfer: the portal's own bitmap or image is never consumed.
 *
 * @throws {HuotiError} `INVALID_INPUT` when the image cannot be decoded or is empty.
 */
export async function referenceBitmap(
  image: ImageBitmap | Blob | HTMLImageElement | ImageData,
  maxSidePx: number = REFERENCE_MAX_SIDE_PX,
): Promise<ImageBitmap> {
  let decoded: ImageBitmap;
  try {
    if (typeof HTMLImageElement !== 'undefined' && image instanceof HTMLImageElement && !image.complete) await image.decode();
    decoded = await createImageBitmap(image);
  } catch (cause) {
    throw new HuotiError('INVALID_INPUT', `the reference image could not be decoded: ${String(cause)}`, { cause });
  }
  const { width, height } = decoded;
  if (width === 0 || height === 0) {
    decoded.close();
    throw new HuotiError('INVALID_INPUT', 'the reference image is empty');
  }
  const scale = maxSidePx / Math.max(width, height);
  if (scale >= 1) return decoded;
  try {
    return await createImageBitmap(decoded, {
      resizeWidth: Math.max(1, Math.round(width * scale)),
      resizeHeight: Math.max(1, Math.round(height * scale)),
      resizeQuality: 'high',
    });
  } finally {
    decoded.close();
  }
}
