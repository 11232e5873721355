/**
 * A signal that aborts when any of `signals` does (like `AbortSignal.any`, which WeChat's
 * Chromium 80-based webviews lack). Returns the signal and a function that detaches it.
 */
export function combineAbortSignals(signals: readonly AbortSignal[]): { signal: AbortSignal; detach: () => void } {
  const controller = new AbortController();
  const detachers: Array<() => void> = [];
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    detachers.push(() => signal.removeEventListener('abort', onAbort));
  }
  return { signal: controller.signal, detach: () => detachers.forEach((detach) => detach()) };
}
