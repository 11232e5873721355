import { raceWithDeadline } from '../bridge/race-with-deadline.js';
import { HuotiError } from '../errors/huoti-error.js';

/** What `engine.watch()` reads frames from. */
export type LivenessVideoSource = HTMLVideoElement | MediaStreamTrack;

/** One grabbed camera frame, downscaled, ready to transfer. */
export interface CapturedFrame {
  readonly bitmap: ImageBitmap;
  /** Capture time (`performance.now()` clock) when the browser reports it, else the time it was presented. */
  readonly cameraTimestampMs: number;
  /** Frames the video presented since the previous grab that were never grabbed. */
  readonly skippedFrameCount: number;
}

/** Rejects with `ABORTED` when `signal` aborts; the listener is removed when `promise` settles. */
function untilAborted<T>(signal: AbortSignal, start: (resolve: (value: T) => void, onCleanup: (cleanup: () => void) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    const finish = (): void => {
      for (const cleanup of cleanups) cleanup();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(new HuotiError('ABORTED', 'frame capture aborted', { cause: signal.reason }));
    };
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    start(
      (value) => {
        finish();
        resolve(value);
      },
      (cleanup) => cleanups.push(cleanup),
    );
  });
}

/**
 * Grabs frames from a `<video>` (or a track, played in a detached muted `<video>`) one at a time,
 * on `requestVideoFrameCallback` where available, pausing while the page is hidden.
 */
export class FrameSource {
  readonly #video: HTMLVideoElement;
  readonly #ownsVideo: boolean;
  readonly #analysisWidthPx: number;
  #lastPresentedFrames: number | undefined;
  #lastMediaTime = -1;

  private constructor(video: HTMLVideoElement, ownsVideo: boolean, analysisWidthPx: number) {
    this.#video = video;
    this.#ownsVideo = ownsVideo;
    this.#analysisWidthPx = analysisWidthPx;
  }

  /**
   * Wraps `source`; a track is played in a detached muted `<video>`.
   *
   * @throws {HuotiError} `INVALID_INPUT` for anything but a `<video>` or a live video track, or a
   *   track that does not play within `playTimeoutMs`; `ABORTED`.
   */
  static async open(source: LivenessVideoSource, analysisWidthPx: number, playTimeoutMs: number, signal: AbortSignal): Promise<FrameSource> {
    let video: HTMLVideoElement;
    let ownsVideo = false;
    if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement) {
      video = source;
    } else if (typeof MediaStreamTrack !== 'undefined' && source instanceof MediaStreamTrack) {
      if (source.kind !== 'video' || source.readyState !== 'live') {
        throw new HuotiError('INVALID_INPUT', `expected a live video track, got a ${source.readyState} ${source.kind} track`);
      }
      video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream([source]);
      ownsVideo = true;
    } else {
      throw new HuotiError('INVALID_INPUT', 'watch() takes an HTMLVideoElement or a video MediaStreamTrack');
    }
    const frameSource = new FrameSource(video, ownsVideo, analysisWidthPx);
    try {
      if (ownsVideo) {
        await raceWithDeadline(video.play(), {
          timeoutMs: playTimeoutMs,
          onTimeout: () => new HuotiError('INVALID_INPUT', `the video track did not start playing within ${playTimeoutMs} ms`),
          signal,
        });
      }
    } catch (error) {
      frameSource.close();
      throw error instanceof HuotiError ? error : new HuotiError('INVALID_INPUT', `the video track cannot play: ${String(error)}`, { cause: error });
    }
    return frameSource;
  }

  #waitUntilVisible(signal: AbortSignal): Promise<void> {
    if (typeof document === 'undefined' || document.visibilityState !== 'hidden') return Promise.resolve();
    return untilAborted<void>(signal, (resolve, onCleanup) => {
      const onChange = (): void => {
        if (document.visibilityState !== 'hidden') resolve();
      };
      document.addEventListener('visibilitychange', onChange);
      onCleanup(() => document.removeEventListener('visibilitychange', onChange));
    });
  }

  #nextPresentedFrame(signal: AbortSignal): Promise<{ timestampMs: number; skipped: number }> {
    const video: HTMLVideoElement = this.#video;
    // Typed as always present; old WebKit and Chromium < 83 webviews lack it.
    if (typeof (video as Partial<HTMLVideoElement>).requestVideoFrameCallback === 'function') {
      return untilAborted(signal, (resolve, onCleanup) => {
        const handle = video.requestVideoFrameCallback((now, metadata) => {
          const skipped = this.#lastPresentedFrames === undefined ? 0 : Math.max(0, metadata.presentedFrames - this.#lastPresentedFrames - 1);
          this.#lastPresentedFrames = metadata.presentedFrames;
          resolve({ timestampMs: metadata.captureTime ?? metadata.expectedDisplayTime ?? now, skipped });
        });
        onCleanup(() => video.cancelVideoFrameCallback(handle));
      });
    }
    // Without requestVideoFrameCallback: poll on animation frames for a new media time.
    return untilAborted(signal, (resolve, onCleanup) => {
      let handle = 0;
      const poll = (now: number): void => {
        if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.currentTime !== this.#lastMediaTime) {
          this.#lastMediaTime = video.currentTime;
          resolve({ timestampMs: now, skipped: 0 });
        } else {
          handle = requestAnimationFrame(poll);
        }
      };
      handle = requestAnimationFrame(poll);
      onCleanup(() => cancelAnimationFrame(handle));
    });
  }

  /**
   * Waits for the next frame the video presents (and for the page to be visible), then grabs it
   * downscaled to at most `analysisWidthPx` wide.
   *
   * @throws {HuotiError} `ABORTED`; `INVALID_INPUT` when the frame cannot be read.
   */
  async next(signal: AbortSignal): Promise<CapturedFrame> {
    await this.#waitUntilVisible(signal);
    const { timestampMs, skipped } = await this.#nextPresentedFrame(signal);
    const video = this.#video;
    const { videoWidth, videoHeight } = video;
    if (videoWidth === 0 || videoHeight === 0) throw new HuotiError('INVALID_INPUT', 'the video has no frame size yet');
    const scale = Math.min(1, this.#analysisWidthPx / videoWidth);
    let bitmap: ImageBitmap;
    try {
      bitmap = await createImageBitmap(video, {
        resizeWidth: Math.round(videoWidth * scale),
        resizeHeight: Math.round(videoHeight * scale),
        resizeQuality: 'medium',
      });
    } catch (cause) {
      throw new HuotiError('INVALID_INPUT', `cannot read a frame from the video: ${String(cause)}`, { cause });
    }
    if (signal.aborted) {
      bitmap.close();
      throw new HuotiError('ABORTED', 'frame capture aborted', { cause: signal.reason });
    }
    return { bitmap, cameraTimestampMs: timestampMs, skippedFrameCount: skipped };
  }

  /** Stops the detached `<video>` this source created; a caller's own `<video>` is left alone. */
  close(): void {
    if (!this.#ownsVideo) return;
    this.#video.pause();
    this.#video.srcObject = null;
  }
}
