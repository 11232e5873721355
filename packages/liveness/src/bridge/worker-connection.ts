import * as Comlink from 'comlink';
import { HuotiError } from '../errors/huoti-error.js';
import { VERSION } from '../version.js';
import type { LivenessWorkerApi, WorkerHello } from '../worker/worker-api.js';
import { resolveWorkerConnectionConfig, type WorkerConnectionConfig, type WorkerStartMode } from './worker-connection-config.js';

/** How a started worker was started: its script's absolute URL and the start mode `auto` resolved to. */
export interface WorkerStart {
  /** Absolute URL of the worker bundle. */
  readonly workerUrl: string;
  /** `direct`, or `blob-trampoline` for a worker script on another origin (see {@link WorkerStartMode}). */
  readonly mode: Exclude<WorkerStartMode, 'auto'>;
}

/** A started liveness worker. Only `LivenessBridge` (and the start-up smoke test) use it. */
export interface WorkerConnection {
  /** What the worker said when it started. */
  readonly hello: WorkerHello;
  /** Where the worker script came from and how it was started. */
  readonly start: WorkerStart;
  /** The comlink proxy of the worker's API. */
  readonly api: Comlink.Remote<LivenessWorkerApi>;
  /**
   * Calls `listener` once if the worker reports an uncaught error or an unreadable message after
   * start-up (a crash). Returns a function that removes the listener.
   */
  onCrash(listener: (reason: string) => void): () => void;
  /** Terminates the worker and releases the comlink proxy. Safe to call twice. */
  terminate(): void;
}

const WORKER_NAME = 'huoti-liveness';

/** URL of the document or worker this code runs in; `undefined` where there is none (tests in Node). */
const ownLocation = (): string | undefined => (typeof location === 'undefined' ? undefined : location.href);

/**
 * The module a `blob:` trampoline worker runs: a single static import of the real worker. The
 * import resolves against nothing (the URL is absolute), and the imported bundle sees its own URL
 * as `import.meta.url`.
 */
const trampolineSource = (absoluteWorkerUrl: string): string => `import ${JSON.stringify(absoluteWorkerUrl)};\n`;

/** What to tell a developer when a worker on another origin fails to load through the trampoline. */
const crossOriginHint = (workerUrl: string): string =>
  `the worker script on another origin is imported by a blob: module worker, so ${new URL(workerUrl).origin} must answer it with ` +
  '`Access-Control-Allow-Origin` and a JavaScript Content-Type, and the page\'s Content-Security-Policy must allow `blob:` and ' +
  'that origin in `worker-src` (the import is a worker request; docs/csp.md)';

/** Whether a CSP violation event is the page refusing a `blob:` worker. */
const isBlobWorkerViolation = (event: SecurityPolicyViolationEvent): boolean =>
  (event.blockedURI === 'blob' || event.blockedURI.startsWith('blob:')) &&
  (event.effectiveDirective === 'worker-src' || event.effectiveDirective === 'child-src' || event.effectiveDirective === 'script-src' || event.effectiveDirective === 'script-src-elem');

const blobWorkerRefused = (workerUrl: string, detail: string, cause?: unknown): HuotiError =>
  new HuotiError(
    'WORKER_START_FAILED',
    `worker ${workerUrl} is on another origin and must start through a blob: trampoline, but the page's Content-Security-Policy ` +
      `refuses blob: workers (${detail}); add blob: to worker-src (docs/csp.md), or serve worker.js from the page's origin`,
    cause === undefined ? undefined : { cause },
  );

/** Resolves `auto` against the page's origin. */
function startModeFor(absoluteWorkerUrl: URL, requested: WorkerStartMode): Exclude<WorkerStartMode, 'auto'> {
  if (requested !== 'auto') return requested;
  const here = ownLocation();
  return here === undefined || new URL(here).origin === absoluteWorkerUrl.origin ? 'direct' : 'blob-trampoline';
}

/**
 * Starts the liveness worker as a module worker and waits for its first answer. A worker script
 * on another origin (a CDN) starts through a same-origin `blob:` trampoline when `workerStart` is
 * `auto` (the default) or `blob-trampoline`.
 *
 * @throws {HuotiError} `WORKER_START_FAILED` when the script fails to load (also: refused by the
 *   page's CSP, or served from another origin without CORS headers) or does not answer within
 *   `startTimeoutMs`, or its version differs from this module's; `ABORTED` when `signal` aborts.
 */
export async function connectLivenessWorker(
  config: Partial<WorkerConnectionConfig> = {},
  signal?: AbortSignal,
): Promise<WorkerConnection> {
  const resolved = resolveWorkerConnectionConfig(config);
  const { startTimeoutMs } = resolved;
  if (signal?.aborted) throw new HuotiError('ABORTED', 'worker start aborted', { cause: signal.reason });
  let absoluteWorkerUrl: URL;
  try {
    absoluteWorkerUrl = new URL(String(resolved.workerUrl), ownLocation());
  } catch (cause) {
    throw new HuotiError('WORKER_START_FAILED', `the worker URL ${String(resolved.workerUrl)} is not a URL`, { cause });
  }
  const workerUrl = absoluteWorkerUrl.href;
  const mode = startModeFor(absoluteWorkerUrl, resolved.workerStart);
  const isTrampoline = mode === 'blob-trampoline';

  const cleanups: Array<() => void> = [];
  // Chromium reports a CSP-refused blob: worker as a violation event and an ErrorEvent without a
  // message; listening for the violation is the only way to tell the developer why.
  let refusedByCsp: SecurityPolicyViolationEvent | undefined;
  if (isTrampoline && typeof globalThis.addEventListener === 'function') {
    const onViolation = (event: SecurityPolicyViolationEvent): void => {
      if (isBlobWorkerViolation(event)) refusedByCsp = event;
    };
    globalThis.addEventListener('securitypolicyviolation', onViolation);
    cleanups.push(() => globalThis.removeEventListener('securitypolicyviolation', onViolation));
  }
  const runCleanups = (): void => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  };

  let worker: Worker;
  try {
    if (isTrampoline) {
      const blobUrl = URL.createObjectURL(new Blob([trampolineSource(workerUrl)], { type: 'text/javascript' }));
      // The blob is read once the worker has fetched it; revoking earlier would race the fetch.
      cleanups.push(() => URL.revokeObjectURL(blobUrl));
      worker = new Worker(blobUrl, { type: 'module', name: WORKER_NAME });
    } else {
      worker = new Worker(workerUrl, { type: 'module', name: WORKER_NAME });
    }
  } catch (cause) {
    runCleanups();
    if (isTrampoline && (cause as { name?: unknown } | null)?.name === 'SecurityError') throw blobWorkerRefused(workerUrl, String(cause), cause);
    const hint = !isTrampoline && (cause as { name?: unknown } | null)?.name === 'SecurityError' ? ' (a worker on another origin needs workerStart "auto" or "blob-trampoline")' : '';
    throw new HuotiError('WORKER_START_FAILED', `cannot construct worker from ${workerUrl}${hint}`, { cause });
  }
  const api = Comlink.wrap<LivenessWorkerApi>(worker);
  let isTerminated = false;
  const terminate = (): void => {
    if (isTerminated) return;
    isTerminated = true;
    api[Comlink.releaseProxy]();
    worker.terminate();
  };

  const failure = new Promise<never>((_, reject) => {
    const onError = (event: ErrorEvent): void => {
      // A module worker that fails to load reports an ErrorEvent without a message.
      if (refusedByCsp) {
        reject(blobWorkerRefused(workerUrl, `${refusedByCsp.effectiveDirective} ${JSON.stringify(refusedByCsp.originalPolicy)}`));
        return;
      }
      const reason = event.message || 'load error';
      reject(new HuotiError('WORKER_START_FAILED', `worker ${workerUrl} failed to start: ${reason}${isTrampoline ? `; ${crossOriginHint(workerUrl)}` : ''}`));
    };
    const onAbort = (): void => reject(new HuotiError('ABORTED', 'worker start aborted', { cause: signal?.reason }));
    const timer = setTimeout(
      () => reject(new HuotiError('WORKER_START_FAILED', `worker ${workerUrl} did not answer within ${startTimeoutMs} ms`)),
      startTimeoutMs,
    );
    worker.addEventListener('error', onError);
    signal?.addEventListener('abort', onAbort);
    cleanups.push(() => {
      clearTimeout(timer);
      worker.removeEventListener('error', onError);
      signal?.removeEventListener('abort', onAbort);
    });
  });

  try {
    const result = await Promise.race([api.hello(), failure]);
    if (!result.ok) throw HuotiError.fromSerialized(result.error);
    if (result.value.version !== VERSION) {
      throw new HuotiError('WORKER_START_FAILED', `worker version ${result.value.version} does not match ${VERSION}`);
    }
    const onCrash = (listener: (reason: string) => void): (() => void) => {
      const onError = (event: ErrorEvent): void => {
        event.preventDefault();
        remove();
        listener(event.message || 'uncaught error in worker');
      };
      const onMessageError = (): void => {
        remove();
        listener('a worker message could not be deserialised');
      };
      const remove = (): void => {
        worker.removeEventListener('error', onError);
        worker.removeEventListener('messageerror', onMessageError);
      };
      worker.addEventListener('error', onError);
      worker.addEventListener('messageerror', onMessageError);
      return remove;
    };
    return { hello: result.value, start: { workerUrl, mode }, api, onCrash, terminate };
  } catch (error) {
    terminate();
    throw error;
  } finally {
    runCleanups();
  }
}
