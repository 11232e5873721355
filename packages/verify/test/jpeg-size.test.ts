import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJpegSize } from '../src/verification/jpeg-size.js';
import { TINY_JPEG_BASE64 } from './support/tiny-jpeg.js';

const jpeg = Buffer.from(TINY_JPEG_BASE64, 'base64');

describe('readJpegSize', () => {
  it('reads the size a real JPEG declares', () => {
    expect(readJpegSize(jpeg)).toEqual({ width: 64, height: 48 });
  });

  const broken: [string, Uint8Array][] = [
    ['empty', new Uint8Array()],
    ['truncated (no EOI)', jpeg.subarray(0, jpeg.length - 2)],
    ['cut in the headers, EOI appended', Buffer.concat([jpeg.subarray(0, 100), Buffer.from([0xff, 0xd9])])],
    ['a PNG signature', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
    ['SOI and EOI only', Buffer.from([0xff, 0xd8, 0xff, 0xd9])],
    ['a segment length running past the end', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0xff, 0xff, 0xff, 0xd9])],
  ];
  it.each(broken)('refuses %s', (_name, bytes) => {
    expect(readJpegSize(bytes)).toBeUndefined();
  });

  it('never throws on random bytes, nor on a real JPEG with one byte changed (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => {
        const size = readJpegSize(bytes);
        expect(size === undefined || (size.width > 0 && size.height > 0)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
    fc.assert(
      fc.property(fc.nat({ max: jpeg.length - 1 }), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const bytes = Buffer.from(jpeg);
        bytes[at] = byte;
        const size = readJpegSize(bytes);
        expect(size === undefined || (size.width > 0 && size.height > 0)).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });
});
