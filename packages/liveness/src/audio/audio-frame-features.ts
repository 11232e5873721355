/** Per-frame measurements the voice-activity detector decides on. */
export interface AudioFrameFeatures {
  /** Mean power of the frame, in dBFS (0 dB = full-scale square wave). */
  readonly levelDb: number;
  /** Fraction of neighbouring sample pairs that change sign, 0–1. */
  readonly zeroCrossingRate: number;
  /** Geometric / arithmetic mean of the power spectrum between the band edges, 0 (tonal) to 1 (white noise). */
  readonly spectralFlatness: number;
}

/** Power below this counts as digital silence, so `log` stays finite (about −100 dBFS). */
const SILENCE_POWER = 1e-10;

/**
 * Computes {@link AudioFrameFeatures} for fixed-length frames with a Hann window and an in-place
 * radix-2 FFT. Holds its own scratch buffers, so one instance per stream; no allocation per frame.
 */
export class AudioFrameFeatureExtractor {
  readonly #fftLength: number;
  readonly #window: Float32Array;
  readonly #real: Float64Array;
  readonly #imaginary: Float64Array;
  readonly #cos: Float64Array;
  readonly #sin: Float64Array;
  readonly #firstBin: number;
  readonly #lastBin: number;

  /**
   * @param frameLength - samples per frame; zero-padded up to a power of two for the FFT.
   * @param sampleRateHz - sample rate, in Hz.
   * @param bandHz - the band the spectral flatness is measured over, in Hz (speech: 100–4000 Hz).
   */
  constructor(frameLength: number, sampleRateHz: number, bandHz: readonly [number, number] = [100, 4000]) {
    let fftLength = 1;
    while (fftLength < frameLength) fftLength *= 2;
    this.#fftLength = fftLength;
    this.#window = new Float32Array(frameLength);
    for (let i = 0; i < frameLength; i++) this.#window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / Math.max(1, frameLength - 1));
    this.#real = new Float64Array(fftLength);
    this.#imaginary = new Float64Array(fftLength);
    this.#cos = new Float64Array(fftLength / 2);
    this.#sin = new Float64Array(fftLength / 2);
    for (let i = 0; i < fftLength / 2; i++) {
      this.#cos[i] = Math.cos((-2 * Math.PI * i) / fftLength);
      this.#sin[i] = Math.sin((-2 * Math.PI * i) / fftLength);
    }
    const binHz = sampleRateHz / fftLength;
    this.#firstBin = Math.max(1, Math.round(bandHz[0] / binHz));
    this.#lastBin = Math.min(fftLength / 2, Math.round(bandHz[1] / binHz));
  }

  /** Features of `frame` (length as given to the constructor; values −1…1). */
  analyze(frame: Float32Array): AudioFrameFeatures {
    // Zero crossings around the frame mean: a DC offset or hum would otherwise hide hiss.
    let mean = 0;
    for (let i = 0; i < frame.length; i++) mean += frame[i] ?? 0;
    mean /= Math.max(1, frame.length);
    let power = 0;
    let crossings = 0;
    let previous = (frame[0] ?? 0) - mean;
    for (let i = 0; i < frame.length; i++) {
      const value = (frame[i] ?? 0) - mean;
      power += value * value;
      if (i > 0 && (value >= 0) !== (previous >= 0)) crossings++;
      previous = value;
    }
    const levelDb = 10 * Math.log10(Math.max(SILENCE_POWER, (2 * power) / Math.max(1, frame.length)));
    const zeroCrossingRate = frame.length > 1 ? crossings / (frame.length - 1) : 0;
    return { levelDb, zeroCrossingRate, spectralFlatness: this.#flatness(frame) };
  }

  #flatness(frame: Float32Array): number {
    const real = this.#real;
    const imaginary = this.#imaginary;
    real.fill(0);
    imaginary.fill(0);
    for (let i = 0; i < frame.length && i < real.length; i++) real[i] = (frame[i] ?? 0) * (this.#window[i] ?? 0);
    this.#fft();
    let logSum = 0;
    let sum = 0;
    const count = this.#lastBin - this.#firstBin + 1;
    for (let k = this.#firstBin; k <= this.#lastBin; k++) {
      const binPower = (real[k] ?? 0) ** 2 + (imaginary[k] ?? 0) ** 2 + SILENCE_POWER;
      logSum += Math.log(binPower);
      sum += binPower;
    }
    return count > 0 ? Math.exp(logSum / count) / (sum / count) : 1;
  }

  /** Iterative in-place Cooley–Tukey FFT on the scratch buffers. */
  #fft(): void {
    const n = this.#fftLength;
    const real = this.#real;
    const imaginary = this.#imaginary;
    for (let i = 1, j = 0; i < n; i++) {
      let bit = n >> 1;
      for (; j & bit; bit >>= 1) j ^= bit;
      j ^= bit;
      if (i < j) {
        const tr = real[i] ?? 0;
        real[i] = real[j] ?? 0;
        real[j] = tr;
        const ti = imaginary[i] ?? 0;
        imaginary[i] = imaginary[j] ?? 0;
        imaginary[j] = ti;
      }
    }
    for (let size = 2; size <= n; size *= 2) {
      const half = size / 2;
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < half; k++) {
          const c = this.#cos[k * step] ?? 1;
          const s = this.#sin[k * step] ?? 0;
          const a = start + k;
          const b = a + half;
          const br = real[b] ?? 0;
          const bi = imaginary[b] ?? 0;
          const tr = br * c - bi * s;
          const ti = br * s + bi * c;
          const ar = real[a] ?? 0;
          const ai = imaginary[a] ?? 0;
          real[b] = ar - tr;
          imaginary[b] = ai - ti;
          real[a] = ar + tr;
          imaginary[a] = ai + ti;
        }
      }
    }
  }
}
