import * as Comlink from 'comlink';
import { VERSION } from '../version.js';
import type { LivenessWorkerApi, WorkerHello } from './worker-api.js';
import type { Result } from './result.js';

/** The object the worker entry exposes; kept apart from `expose` so it can be unit-tested. */
export function createLivenessWorkerApi(scope: typeof globalThis): LivenessWorkerApi {
  return {
    hello: async (): Promise<Result<WorkerHello>> => ({
      ok: true,
      value: { version: VERSION, isWorkerScope: !('document' in scope) },
    }),
  };
}

/** Starts serving the worker API on the current dedicated-worker scope. */
export function exposeLivenessWorker(scope: typeof globalThis = globalThis): void {
  Comlink.expose(createLivenessWorkerApi(scope), scope as unknown as Comlink.Endpoint);
}
