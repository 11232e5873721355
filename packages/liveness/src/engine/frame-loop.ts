import { FrameSource, type LivenessVideoSource } from '../capture/frame-source.js';
import { HuotiError } from '../errors/huoti-error.js';
import { combineAbortSignals } from './combine-abort-signals.js';

/** What the loop needs to know about the engine. */
export interface FrameLoopSettings {
  readonly analysisWidthPx: number;
  /** Also how long a track may take to start playing. */
  readonly frameTimeoutMs: number;
  /** Aborted when the engine is disposed. */
  readonly disposal: AbortSignal;
}

/** One frame's answer from the worker, with the loop's bookkeeping. */
export interface LoopedFrame<T> {
  readonly value: T;
  /** The camera's capture time of the frame (ms, `performance.now()` clock). */
  readonly cameraTimestampMs: number;
  /** ms from grabbing the frame to receiving the answer. */
  readonly roundTripMs: number;
  /** Camera frames not analysed since the loop began (one was in flight, or the consumer was busy). */
  readonly droppedFrameCount: number;
}

/**
 * Grabs frames of `source` one at a time and hands each to `send` (which transfers it to the
 * worker), yielding the answers. `send` resolving `null` counts the frame as dropped. Ends quietly
 * when `signal` aborts; a disposed engine ends it with `DISPOSED`.
 *
 * @throws {HuotiError} `DISPOSED`, `INVALID_INPUT` (a source that cannot play), and whatever `send` throws.
 */
export async function* frameLoop<T>(
  source: LivenessVideoSource,
  settings: FrameLoopSettings,
  signal: AbortSignal | undefined,
  send: (bitmap: ImageBitmap, cameraTimestampMs: number) => Promise<T | null>,
): AsyncGenerator<LoopedFrame<T>, void, undefined> {
  if (settings.disposal.aborted) throw new HuotiError('DISPOSED', 'frames requested after dispose()');
  const { signal: combined, detach } = combineAbortSignals(signal ? [signal, settings.disposal] : [settings.disposal]);
  let frames: FrameSource | undefined;
  let droppedFrameCount = 0;
  try {
    frames = await FrameSource.open(source, settings.analysisWidthPx, settings.frameTimeoutMs, combined);
    for (;;) {
      const captured = await frames.next(combined);
      droppedFrameCount += captured.skippedFrameCount;
      const grabbedAt = performance.now();
      const value = await send(captured.bitmap, captured.cameraTimestampMs);
      if (value === null) {
        droppedFrameCount += 1; // another frame was in flight, or the worker was restarted on this one
        continue;
      }
      yield { value, cameraTimestampMs: captured.cameraTimestampMs, roundTripMs: performance.now() - grabbedAt, droppedFrameCount };
    }
  } catch (error) {
    if (settings.disposal.aborted) throw new HuotiError('DISPOSED', 'the engine was disposed while watching', { cause: error });
    // The caller's own abort ends the iteration quietly, as a `break` would.
    if (signal?.aborted && error instanceof HuotiError && error.code === 'ABORTED') return;
    throw error;
  } finally {
    frames?.close();
    detach();
  }
}
