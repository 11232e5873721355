/** How the main thread starts and talks to the liveness worker. */
export interface WorkerConnectionConfig {
  /**
   * Where the worker bundle is served from. Defaults to `worker.js` next to this package's own
   * module, which bundlers (Vite, webpack 5, Rollup) recognise and copy.
   */
  readonly workerUrl: URL | string;
  /** ms to wait for the worker's first answer before failing with `WORKER_START_FAILED`. */
  readonly startTimeoutMs: number;
}

/** Named defaults; `workerUrl` is resolved per call because it depends on the module URL. */
export const DEFAULT_WORKER_CONNECTION_CONFIG = Object.freeze({
  startTimeoutMs: 15_000,
});

/** Fills every unset option with its named default. */
export function resolveWorkerConnectionConfig(config: Partial<WorkerConnectionConfig> = {}): WorkerConnectionConfig {
  return {
    workerUrl: new URL('./worker.js', import.meta.url),
    ...DEFAULT_WORKER_CONNECTION_CONFIG,
    ...config,
  };
}
