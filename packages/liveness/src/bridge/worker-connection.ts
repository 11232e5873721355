import * as Comlink from 'comlink';
import { HuotiError } from '../errors/huoti-error.js';
import { VERSION } from '../version.js';
import type { LivenessWorkerApi, WorkerHello } from '../worker/worker-api.js';
import { resolveWorkerConnectionConfig, type WorkerConnectionConfig } from './worker-connection-config.js';

/** A started liveness worker; the only object on the main thread that talks to it. */
export interface WorkerConnection {
  /** What the worker said when it started. */
  readonly hello: WorkerHello;
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
  signal?.throwIfAborted();
  let worker: Worker;
  try {
    worker = new Worker(workerUrl, { type: 'module', name: 'huoti-liveness' });
  } catch (cause) {
    throw new HuotiError('WORKER_START_FAILED', `cannot construct worker from ${String(workerUrl)}`, { cause });
  }
  const api = Comlink.wrap<LivenessWorkerApi>(worker);
  const terminate = (): void => {
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
    return { hello: result.value, terminate };
  } catch (error) {
    terminate();
    throw error;
  } finally {
    for (const cleanup of cleanups) cleanup();
  }
}
