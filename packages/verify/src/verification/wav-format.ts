/** What {@link readWavFormat} found in a RIFF/WAVE header. */
export interface WavFormat {
  readonly sampleRateHz: number;
  readonly channels: number;
  readonly bitsPerSample: number;
  /** Bytes of sample data. */
  readonly dataBytes: number;
}

const PCM_FORMAT = 1;

/**
 * Internal: reads the `fmt ` and `data` chunks of a PCM RIFF/WAVE file. `undefined` when the file
 * is not one, or a chunk runs past the end.
 */
export function readWavFormat(bytes: Uint8Array): WavFormat | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (offset: number): string => String.fromCharCode(...bytes.subarray(offset, offset + 4));
  if (bytes.length < 12 || tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return undefined;
  let format: Omit<WavFormat, 'dataBytes'> | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = tag(offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (body + size > bytes.length) return undefined;
    if (id === 'fmt ') {
      if (size < 16 || view.getUint16(body, true) !== PCM_FORMAT) return undefined;
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRateHz: view.getUint32(body + 4, true),
        bitsPerSample: view.getUint16(body + 14, true),
      };
    } else if (id === 'data') {
      return format ? { ...format, dataBytes: size } : undefined;
    }
    offset = body + size + (size % 2); // chunks are word-aligned
  }
  return undefined;
}
