import type { Result } from './result.js';

/** What the worker reports about itself when asked. */
export interface WorkerHello {
  /** SDK version the worker bundle was built from; must equal the main-thread version. */
  readonly version: string;
  /** `true` when the worker runs without DOM access, as a real dedicated worker does. */
  readonly isWorkerScope: boolean;
}

/** The methods the liveness worker exposes over comlink. Only plain data crosses. */
export interface LivenessWorkerApi {
  hello(): Promise<Result<WorkerHello>>;
}
