import { HuotiError } from '../errors/huoti-error.js';

/** How long a call may take and what else ends it early. */
export interface DeadlineOptions {
  readonly timeoutMs: number;
  /** The error when `timeoutMs` passes first. */
  readonly onTimeout: () => HuotiError;
  readonly signal?: AbortSignal;
  /** Promises that only ever reject (a crash, a dispose) and end the wait when they do. */
  readonly cancellers?: readonly Promise<never>[];
}

/**
 * Settles with `promise`, or rejects when the deadline passes (`onTimeout()`), `signal` aborts
 * (`ABORTED`) or a canceller rejects. Cleans up its timer and listener either way.
 */
export async function raceWithDeadline<T>(promise: Promise<T>, options: DeadlineOptions): Promise<T> {
  const { timeoutMs, onTimeout, signal, cancellers = [] } = options;
  if (signal?.aborted) throw new HuotiError('ABORTED', 'aborted by the caller', { cause: signal.reason });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
    onAbort = () => reject(new HuotiError('ABORTED', 'aborted by the caller', { cause: signal?.reason }));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([promise, stop, ...cancellers]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}
