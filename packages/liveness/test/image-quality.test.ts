import { describe, expect, it } from 'vitest';
import { imageQuality, type RgbaPixels } from '../src/index.js';

const image = (width: number, height: number, luma: (x: number, y: number) => number): RgbaPixels => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const value = luma(x, y);
      data.set([value, value, value, 255], (y * width + x) * 4);
    }
  }
  return { data, width, height };
};
const WHOLE = { x: 0, y: 0, width: 1, height: 1 };

describe('image quality', () => {
  it.each([
    ['black', 0],
    ['mid grey', 128],
    ['white', 255],
  ])('brightness of a flat %s image is its grey level and sharpness is 0', (_name, level) => {
    const quality = imageQuality(image(16, 16, () => level), WHOLE);
    expect(quality.brightness).toBeCloseTo(level, 3);
    expect(quality.sharpness).toBeCloseTo(0, 6);
  });

  it('uses BT.601 luma weights', () => {
    const data = new Uint8ClampedArray(4 * 4 * 4);
    for (let i = 0; i < 16; i += 1) data.set([255, 0, 0, 255], i * 4);
    expect(imageQuality({ data, width: 4, height: 4 }, WHOLE).brightness).toBeCloseTo(0.299 * 255, 3);
  });

  it('a checkerboard is sharper than the same board blurred, and only the box counts', () => {
    const board = image(32, 32, (x, y) => ((x + y) % 2 === 0 ? 0 : 255));
    const blurred = image(32, 32, (x) => 128 + 20 * Math.sin(x / 4));
    expect(imageQuality(board, WHOLE).sharpness).toBeGreaterThan(imageQuality(blurred, WHOLE).sharpness * 100);
    const half = image(32, 32, (x, y) => (x < 16 ? 40 : (x + y) % 2 === 0 ? 0 : 255));
    const left = imageQuality(half, { x: 0, y: 0, width: 0.5, height: 1 });
    expect(left.brightness).toBeCloseTo(40, 3);
    expect(left.sharpness).toBeCloseTo(0, 6);
  });

  it('returns NaN for a box under 3x3 pixels', () => {
    expect(imageQuality(image(8, 8, () => 0), { x: 0, y: 0, width: 0.1, height: 0.1 }).brightness).toBeNaN();
  });
});
