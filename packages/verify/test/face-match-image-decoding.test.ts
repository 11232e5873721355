import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../src/face-match/decode-image.js';
import { downscaleToFit } from '../src/face-match/downscale-image.js';
import { readJpegOrientation, type ExifOrientation } from '../src/face-match/jpeg-orientation.js';
import { orientImage } from '../src/face-match/orient-image.js';
import type { RgbImage } from '../src/face-match/rgb-image.js';

const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(fileURLToPath(new URL('../../../', import.meta.url)), '..', 'shared'), 'fixtures');
const LIMITS = { maxMegapixels: 40, maxMemoryMb: 512 };

/** ffmpeg's own decoding (it applies EXIF rotation), as RGB. */
function ffmpegPixels(path: string): RgbImage {
  const ppm = execFileSync('ffmpeg', ['-loglevel', 'error', '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'ppm', '-'], { maxBuffer: 64 * 1024 * 1024 });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('no PPM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  return { width, height, data: new Uint8Array(ppm.subarray(header[0].length, header[0].length + width * height * 3)) };
}

const meanAbsoluteDifference = (a: Uint8Array, b: Uint8Array): number => a.reduce((sum, value, i) => sum + Math.abs(value - (b[i] as number)), 0) / a.length;

describe('reference image decoding', () => {
  it.each(['silentface_image_F1.jpg', 'silentface_image_F2.jpg', 'silentface_image_T1.jpg'])(
    'decodes the phone photo %s upright, like ffmpeg (EXIF orientation applied)',
    (name) => {
      const path = join(fixturesDir, 'spoof', name);
      const bytes = new Uint8Array(readFileSync(path));
      expect(readJpegOrientation(bytes)).not.toBe(1);
      const decoded = decodeImage(bytes, LIMITS);
      const reference = ffmpegPixels(path);
      expect([decoded.width, decoded.height]).toEqual([reference.width, reference.height]);
      // Two JPEG decoders differ by rounding and chroma upsampling, not by whole pixels.
      expect(meanAbsoluteDifference(decoded.data, reference.data)).toBeLessThan(4);
    },
  );

  it('maps every EXIF orientation like the EXIF table (a 3×2 image, each pixel its own value)', () => {
    const stored: RgbImage = { width: 3, height: 2, data: Uint8Array.from({ length: 18 }, (_, i) => Math.floor(i / 3)) };
    const displayed = (orientation: ExifOrientation): number[] => Array.from(orientImage(stored, orientation).data.filter((_, i) => i % 3 === 0));
    // Stored pixels, row by row: 0 1 2 / 3 4 5.
    expect(displayed(1)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(displayed(2)).toEqual([2, 1, 0, 5, 4, 3]);
    expect(displayed(3)).toEqual([5, 4, 3, 2, 1, 0]);
    expect(displayed(4)).toEqual([3, 4, 5, 0, 1, 2]);
    expect(displayed(5)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(displayed(6)).toEqual([3, 0, 4, 1, 5, 2]);
    expect(displayed(7)).toEqual([5, 2, 4, 1, 3, 0]);
    expect(displayed(8)).toEqual([2, 5, 1, 4, 0, 3]);
    expect([orientImage(stored, 6).width, orientImage(stored, 6).height]).toEqual([2, 3]);
  });

  it('refuses images over the size limit before decoding them', () => {
    const bytes = new Uint8Array(readFileSync(join(fixturesDir, 'spoof', 'silentface_image_T1.jpg')));
    expect(() => decodeImage(bytes, { maxMegapixels: 0.1, maxMemoryMb: 512 })).toThrow(expect.objectContaining({ code: 'IMAGE_DECODE_FAILED' }));
    const png = new Uint8Array(execFileSync('ffmpeg', ['-loglevel', 'error', '-i', join(fixturesDir, 'spoof', 'silentface_image_T1.jpg'), '-f', 'image2pipe', '-vcodec', 'png', '-']));
    expect(decodeImage(png, LIMITS).width).toBe(480);
    expect(() => decodeImage(png, { maxMegapixels: 0.1, maxMemoryMb: 512 })).toThrow(expect.objectContaining({ code: 'IMAGE_DECODE_FAILED' }));
  });

  it('shrinks by whole factors with block means, and leaves small images alone', () => {
    const image: RgbImage = { width: 4, height: 2, data: Uint8Array.from([0, 0, 0, 10, 10, 10, 20, 20, 20, 30, 30, 30, 40, 40, 40, 50, 50, 50, 60, 60, 60, 70, 70, 70]) };
    expect(downscaleToFit(image, 4)).toBe(image);
    expect(downscaleToFit(image, 2)).toEqual({ width: 2, height: 1, data: Uint8Array.from([25, 25, 25, 45, 45, 45]) });
  });
});
