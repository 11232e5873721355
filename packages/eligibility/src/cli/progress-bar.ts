/** A stream a progress bar can draw on. */
export interface ProgressStream {
  write(chunk: string): boolean;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/** Settings of {@link ProgressBar}; names carry units. */
export const DEFAULT_PROGRESS_BAR_CONFIG = Object.freeze({
  /** Redraw at most this often. */
  redrawIntervalMs: 100,
  /** Width of the bar itself, in characters. */
  barWidthChars: 30,
});

/**
 * A one-line progress bar redrawn in place with `\r` (only meant for a TTY). It shows a percentage when
 * the total size is known, else a row count. Time comes from an injected clock.
 */
export class ProgressBar {
  private lastDrawMs = Number.NEGATIVE_INFINITY;
  private isVisible = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly totalBytes: number | null,
    private readonly nowMs: () => number,
    private readonly config = DEFAULT_PROGRESS_BAR_CONFIG,
  ) {}

  /** Redraws when the redraw interval has passed (or `force`). */
  update(bytesRead: number, rows: number, rejected: number, force = false): void {
    const now = this.nowMs();
    if (!force && now - this.lastDrawMs < this.config.redrawIntervalMs) return;
    this.lastDrawMs = now;
    const counts = `${rows.toLocaleString('en-US')} rows, ${rejected.toLocaleString('en-US')} rejected`;
    let text: string;
    if (this.totalBytes !== null && this.totalBytes > 0) {
      const ratio = Math.min(1, bytesRead / this.totalBytes);
      const filled = Math.round(ratio * this.config.barWidthChars);
      text = `[${'#'.repeat(filled)}${'-'.repeat(this.config.barWidthChars - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}% ${counts}`;
    } else {
      text = counts;
    }
    this.stream.write(`\r\x1b[K${text}`);
    this.isVisible = true;
  }

  /** Erases the bar so another line can be written. */
  clear(): void {
    if (!this.isVisible) return;
    this.stream.write('\r\x1b[K');
    this.isVisible = false;
  }
}
