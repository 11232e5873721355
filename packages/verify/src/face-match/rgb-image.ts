/** Decoded pixels: `width × height × 3` bytes, RGB, row-major, top row first. */
export interface RgbImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}
