/** Bytes per `String.fromCharCode` call: keeps the argument list well under engine limits. */
const CHUNK_BYTES = 0x8000;

/** Standard, padded base64 of `bytes` (what the protocol's `jpegBase64` and `wavBase64` carry). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + CHUNK_BYTES));
  }
  return btoa(binary);
}
