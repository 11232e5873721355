/** Start-of-frame markers (baseline, extended, progressive, lossless; Huffman and arithmetic). */
const START_OF_FRAME_MARKERS: ReadonlySet<number> = new Set([
  0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf,
]);
const START_OF_SCAN = 0xda;

/**
 * Internal: the pixel size a JPEG declares, after walking its marker segments from SOI to the first
 * scan and checking that it ends with EOI. `undefined` for anything else. It reads the structure a
 * decoder needs to start; it does not decode the entropy-coded pixels.
 */
export function readJpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const length = bytes.length;
  if (length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[length - 2] !== 0xff || bytes[length - 1] !== 0xd9) {
    return undefined;
  }
  let size: { width: number; height: number } | undefined;
  let offset = 2;
  while (offset + 4 <= length) {
    if (bytes[offset] !== 0xff) return undefined;
    let marker = bytes[offset + 1] as number;
    while (marker === 0xff && offset + 2 < length) {
      offset++; // fill bytes
      marker = bytes[offset + 1] as number;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // standalone markers
      continue;
    }
    if (marker === 0xd8 || marker === 0xd9 || offset + 4 > length) return undefined;
    const segmentLength = ((bytes[offset + 2] as number) << 8) | (bytes[offset + 3] as number);
    if (segmentLength < 2 || offset + 2 + segmentLength > length) return undefined;
    if (START_OF_FRAME_MARKERS.has(marker)) {
      if (segmentLength < 8 || size) return undefined;
      const height = ((bytes[offset + 5] as number) << 8) | (bytes[offset + 6] as number);
      const width = ((bytes[offset + 7] as number) << 8) | (bytes[offset + 8] as number);
      if (width === 0 || height === 0) return undefined;
      size = { width, height };
    }
    if (marker === START_OF_SCAN) return size && offset + 2 + segmentLength < length - 2 ? size : undefined;
    offset += 2 + segmentLength;
  }
  return undefined;
}
