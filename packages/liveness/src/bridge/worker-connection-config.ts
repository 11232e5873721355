/**
 * How the worker script is started.
 *
 * - `direct`: `new Worker(workerUrl, { type: 'module' })`. Browsers refuse this when `workerUrl` is
 *   on another origin than the page (a `SecurityError`), whatever CORS headers the server sends.
 * - `blob-trampoline`: a same-origin `blob:` module worker whose only line is
 *   `import "<absolute workerUrl>"`. A module worker may import a script from another origin when
 *   that server sends `Access-Control-Allow-Origin`. The page's Content-Security-Policy must then
 *   allow `blob:` in `worker-src` (docs/csp.md).
 * - `auto`: `direct` when `workerUrl` is on the page's origin, `blob-trampoline` otherwise.
 */
export type WorkerStartMode = 'auto' | 'direct' | 'blob-trampoline';

/** How the main thread starts and talks to the liveness worker. */
export interface WorkerConnectionConfig {
  /**
   * Where the worker bundle is served from. Defaults to `worker.js` next to this package's own
   * module, which bundlers (Vite, webpack 5, Rollup) recognise and copy.
   */
  readonly workerUrl: URL | string;
  /** ms to wait for the worker's first answer before failing with `WORKER_START_FAILED`. */
  readonly startTimeoutMs: number;
  /** Direct start or the `blob:` trampoline for a worker on another origin; see {@link WorkerStartMode}. */
  readonly workerStart: WorkerStartMode;
}

/** Named defaults; `workerUrl` is resolved per call because it depends on the module URL. */
export const DEFAULT_WORKER_CONNECTION_CONFIG = Object.freeze({
  startTimeoutMs: 15_000,
  workerStart: 'auto',
} as const satisfies Partial<WorkerConnectionConfig>);

/** Fills every unset option with its named default. */
export function resolveWorkerConnectionConfig(config: Partial<WorkerConnectionConfig> = {}): WorkerConnectionConfig {
  return {
    workerUrl: new URL('./worker.js', import.meta.url),
    ...DEFAULT_WORKER_CONNECTION_CONFIG,
    ...config,
  };
}
