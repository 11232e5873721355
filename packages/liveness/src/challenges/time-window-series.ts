/**
 * A series of timestamped values limited to a trailing time window, with percentile queries: the
 * adaptive per-person baselines of the detectors. One instance per detector; no shared state.
 */
export class TimeWindowSeries {
  readonly #windowMs: number;
  readonly #times: number[] = [];
  readonly #values: number[] = [];

  /** @param windowMs - values older than this before the newest one are dropped, in ms. */
  constructor(windowMs: number) {
    this.#windowMs = windowMs;
  }

  /** Adds a value at `timestampMs` (non-decreasing) and drops values that fell out of the window. */
  add(timestampMs: number, value: number): void {
    this.#times.push(timestampMs);
    this.#values.push(value);
    while ((this.#times[0] ?? timestampMs) < timestampMs - this.#windowMs) {
      this.#times.shift();
      this.#values.shift();
    }
  }

  /** Number of values held. */
  get size(): number {
    return this.#values.length;
  }

  /** Time between the oldest and newest value held, in ms (0 when fewer than two). */
  get spanMs(): number {
    const first = this.#times[0];
    const last = this.#times[this.#times.length - 1];
    return first === undefined || last === undefined ? 0 : last - first;
  }

  /** The `fraction` (0–1) percentile by nearest rank; `null` when empty. */
  percentile(fraction: number): number | null {
    if (this.#values.length === 0) return null;
    const sorted = [...this.#values].sort((a, b) => a - b);
    const index = Math.min(sorted.length - 1, Math.max(0, Math.round(fraction * (sorted.length - 1))));
    return sorted[index] ?? null;
  }

  /** The median; `null` when empty. */
  median(): number | null {
    return this.percentile(0.5);
  }

  /** Removes every value. */
  clear(): void {
    this.#times.length = 0;
    this.#values.length = 0;
  }
}
