import * as Comlink from 'comlink';
import { HuotiError } from '../errors/huoti-error.js';
import { VERSION } from '../version.js';
import type { LivenessWorkerApi, WorkerHello } from '../worker/worker-api.js';
import { resolveWorkerConnectionConfig, type WorkerConnectionConfig } from './worker-connection-config.js';

/** A started liveness worker. Only `LivenessBridge` (and the start-up smoke test) use it. */
export interface WorkerConnection {
  /** What the worker said when it started. */
  readonly hello: WorkerHello;
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

/**
 * Starts the liveness worker as a module worker and waits for its first answer.
 *
 * @throws {HuotiError} `WORKER_START_FAILED` when the script fails to load or does not answer
 *   within `startTimeoutMs`, or its version differs from this module's; `ABORTED` when `signal` aborts.
 */
export async function connectLivenessWorker(
  config: Partial<WorkerConnectionConfig> = {},
  signal?: AbortSignal,
): Promise<WorkerConnection> {
  const { workerUrl, startTimeoutMs } = resolveWorkerConnectionConfig(config);
  if (signal?.aborted) throw new HuotiError('ABORTED', 'worker start aborted', { cause: signal.reason });
  let worker: Worker;
  try {
    worker = new Worker(workerUrl, { type: 'module', name: 'huoti-liveness' });
  } catch (cause) {
    throw new HuotiError('WORKER_START_FAILED', `cannot construct worker from ${String(workerUrl)}`, { cause });
  }
  const api = Comlink.wrap<LivenessWorkerApi>(worker);
  let isTerminated = false;
  const terminate = (): void => {
    if (isTerminated) return;
    isTerminated = true;
    api[Comlink.releaseProxy]();
    worker.terminate();
  };

  const cleanups: Array<() => void> = [];
  const failure = new Promise<never>((_, reject) => {
    const onError = (event: ErrorEvent): void => {
      // A module worker that fails to load reports an ErrorEvent without a message.
      reject(new HuotiError('WORKER_START_FAILED', `worker ${String(workerUrl)} failed to start: ${event.message || 'load error'}`));
    };
    const onAbort = (): void => reject(new HuotiError('ABORTED', 'worker start aborted', { cause: signal?.reason }));
    const timer = setTimeout(
      () => reject(new HuotiError('WORKER_START_FAILED', `worker ${String(workerUrl)} did not answer within ${startTimeoutMs} ms`)),
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
    return { hello: result.value, api, onCrash, terminate };
  } catch (error) {
    terminate();
    throw error;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}
