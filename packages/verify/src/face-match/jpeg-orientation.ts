/** EXIF orientation values (1 = as stored; 2–8 = mirrored and/or rotated, per the EXIF 2.3 table). */
export type ExifOrientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

const ORIENTATION_TAG = 0x0112;

/**
 * The EXIF orientation of a JPEG (APP1 `Exif` segment, IFD0 tag 0x0112), or 1 when it has none or
 * the segment is malformed. Phone cameras store portraits sideways and set this tag; the pixel
 * decoder ignores it, so the face would be lying on its side without it.
 */
export function readJpegOrientation(bytes: Uint8Array): ExifOrientation {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2; // after SOI
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1] as number;
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image: no more metadata
    const length = view.getUint16(offset + 2);
    const segmentStart = offset + 4;
    if (marker === 0xe1 && length >= 8 && segmentStart + length - 2 <= bytes.length && view.getUint32(segmentStart) === 0x45786966) {
      return orientationFromTiff(view, segmentStart + 6, segmentStart + length - 2);
    }
    offset = segmentStart + length - 2;
  }
  return 1;
}

function orientationFromTiff(view: DataView, tiffStart: number, end: number): ExifOrientation {
  if (tiffStart + 8 > end) return 1;
  const byteOrder = view.getUint16(tiffStart);
  if (byteOrder !== 0x4949 && byteOrder !== 0x4d4d) return 1;
  const isLittleEndian = byteOrder === 0x4949;
  const ifdStart = tiffStart + view.getUint32(tiffStart + 4, isLittleEndian);
  if (ifdStart + 2 > end) return 1;
  const entries = view.getUint16(ifdStart, isLittleEndian);
  for (let i = 0; i < entries; i++) {
    const entry = ifdStart + 2 + i * 12;
    if (entry + 12 > end) return 1;
    if (view.getUint16(entry, isLittleEndian) === ORIENTATION_TAG) {
      const value = view.getUint16(entry + 8, isLittleEndian);
      return value >= 1 && value <= 8 ? (value as ExifOrientation) : 1;
    }
  }
  return 1;
}
