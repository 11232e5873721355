import jpeg from 'jpeg-js';
import pngjs from 'pngjs';
import { VerifyError } from '../errors/verify-error.js';
import { readJpegOrientation } from './jpeg-orientation.js';
import { orientImage } from './orient-image.js';
import type { RgbImage } from './rgb-image.js';

/** Limits on what a decoder may allocate for one image (a hostile file can claim huge dimensions). */
export interface ImageDecodeLimits {
  /** Largest width × height accepted, megapixels. */
  readonly maxMegapixels: number;
  /** Most memory the JPEG decoder may use, MB. */
  readonly maxMemoryMb: number;
}

const isJpeg = (bytes: Uint8Array): boolean => bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
const isPng = (bytes: Uint8Array): boolean => bytes.length > 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;

/** Drops the alpha byte of RGBA pixels (PNG alpha is composited on black, as a camera sees no transparency). */
function rgbaToRgb(rgba: Uint8Array, width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    const alpha = (rgba[i + 3] as number) / 255;
    data[j] = Math.round((rgba[i] as number) * alpha);
    data[j + 1] = Math.round((rgba[i + 1] as number) * alpha);
    data[j + 2] = Math.round((rgba[i + 2] as number) * alpha);
  }
  return { width, height, data };
}

/**
 * Decodes a JPEG (baseline or progressive; EXIF orientation applied) or a PNG to RGB pixels, with
 * pure-JS decoders (`jpeg-js`, `pngjs`): no native code on the server.
 *
 * @throws {VerifyError} `IMAGE_DECODE_FAILED` when the bytes are neither, do not decode, or exceed `limits`.
 */
export function decodeImage(bytes: Uint8Array, limits: ImageDecodeLimits): RgbImage {
  try {
    if (isJpeg(bytes)) {
      const decoded = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        maxResolutionInMP: limits.maxMegapixels,
        maxMemoryUsageInMB: limits.maxMemoryMb,
      });
      return orientImage({ width: decoded.width, height: decoded.height, data: decoded.data }, readJpegOrientation(bytes));
    }
    if (isPng(bytes)) {
      // IHDR comes first: check its width and height before pngjs allocates for them.
      const header = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      if (bytes.length >= 24 && header.getUint32(16) * header.getUint32(20) > limits.maxMegapixels * 1e6) {
        throw new RangeError(`${header.getUint32(16)}x${header.getUint32(20)} is over ${limits.maxMegapixels} megapixels`);
      }
      const png = pngjs.PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      return rgbaToRgb(new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
    }
  } catch (error) {
    throw new VerifyError('IMAGE_DECODE_FAILED', `the image does not decode: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  throw new VerifyError('IMAGE_DECODE_FAILED', 'the image is neither a JPEG nor a PNG');
}
