/**
 * Streaming sample-rate reducer by area averaging: each output sample is the mean of the input
 * over its own span (fractional at the edges), which is also the anti-aliasing low-pass. Works for
 * non-integer ratios (44.1 kHz → 16 kHz). One instance per stream; state carries across blocks.
 */
export class Downsampler {
  readonly #ratio: number;
  /** Sum and width (in input samples) of the output sample being built. */
  #sum = 0;
  #width = 0;

  /**
   * @param inputRateHz - the source rate, in Hz.
   * @param outputRateHz - the target rate, in Hz; at most `inputRateHz`.
   */
  constructor(inputRateHz: number, outputRateHz: number) {
    if (!(outputRateHz > 0 && inputRateHz >= outputRateHz)) throw new RangeError(`cannot downsample ${inputRateHz} Hz to ${outputRateHz} Hz`);
    this.#ratio = inputRateHz / outputRateHz;
  }

  /** Consumes `block`; returns the output samples completed by it. */
  process(block: Float32Array): Float32Array {
    const out = new Float32Array(Math.ceil((block.length + this.#width) / this.#ratio) + 1);
    let count = 0;
    for (let i = 0; i < block.length; i++) {
      const value = block[i] ?? 0;
      const room = this.#ratio - this.#width;
      if (room > 1) {
        this.#sum += value;
        this.#width += 1;
        continue;
      }
      // This input sample straddles the end of the current output sample: split it.
      this.#sum += value * room;
      out[count++] = this.#sum / this.#ratio;
      const rest = 1 - room;
      this.#sum = value * rest;
      this.#width = rest;
    }
    return out.subarray(0, count);
  }
}
