import type { MetricSample } from '../challenges/metric-sample.js';
import type { LivenessVideoSource } from '../capture/frame-source.js';
import { isWorthHolding, scoreBestFrame, selectBestFrames, type BestFrameCandidate } from './best-frame-selection.js';
import type { CertificationConfig } from './certification-config.js';
import { encodeJpegWithin, type EncodedJpeg } from './encode-jpeg.js';

interface HeldFrame extends BestFrameCandidate {
  readonly bitmap: ImageBitmap;
}

/** A best frame, encoded, with its capture time on the samples' clock. */
export interface CollectedBestFrame extends EncodedJpeg {
  readonly timestampMs: number;
}

/**
 * Keeps the pixels of the few best frontal, sharp frames of a session (as `ImageBitmap`s, at most
 * `bestFrameCandidateCount` at once) and encodes the chosen ones as JPEGs at the end. The pixels
 * are grabbed from the video when the frame's metrics arrive, one analysis round trip after the
 * frame itself: close enough for a still of the person, and it costs nothing while nothing better
 * comes along.
 */
export class BestFrameCollector {
  readonly #config: CertificationConfig;
  readonly #video: HTMLVideoElement;
  readonly #ownsVideo: boolean;
  #held: HeldFrame[] = [];
  #lastGrabMs = Number.NEGATIVE_INFINITY;
  #isGrabbing = false;
  #isClosed = false;

  constructor(source: LivenessVideoSource, config: CertificationConfig) {
    this.#config = config;
    if (typeof HTMLVideoElement !== 'undefined' && source instanceof HTMLVideoElement) {
      this.#video = source;
      this.#ownsVideo = false;
    } else {
      // A bare track: play it in a detached, muted <video> of our own to read pixels from.
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      video.srcObject = new MediaStream([source as MediaStreamTrack]);
      // A track that cannot play only means no best frames; the analysis reads its own copy.
      video.play().catch(() => undefined);
      this.#video = video;
      this.#ownsVideo = true;
    }
  }

  /** Considers the frame `sample` describes; grabs its pixels (asynchronously) when it is a contender. */
  offer(sample: MetricSample): void {
    if (this.#isClosed || this.#isGrabbing) return;
    const score = scoreBestFrame(sample, this.#config);
    if (score === null) return;
    const candidate = { timestampMs: sample.timestampMs, score };
    if (sample.timestampMs - this.#lastGrabMs < this.#config.bestFrameGrabIntervalMs) return;
    if (!isWorthHolding(this.#held, candidate, this.#config.bestFrameCandidateCount)) return;
    const video = this.#video;
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) return;
    this.#lastGrabMs = sample.timestampMs;
    this.#isGrabbing = true;
    const scale = Math.min(1, this.#config.bestFrameMaxWidthPx / video.videoWidth);
    createImageBitmap(video, { resizeWidth: Math.round(video.videoWidth * scale), resizeHeight: Math.round(video.videoHeight * scale) })
      .then((bitmap) => this.#hold({ ...candidate, bitmap }))
      // A frame that cannot be read (the video was swapped or stopped) is simply not a candidate.
      .catch(() => undefined)
      .finally(() => {
        this.#isGrabbing = false;
      });
  }

  #hold(frame: HeldFrame): void {
    if (this.#isClosed) {
      frame.bitmap.close();
      return;
    }
    this.#held.push(frame);
    if (this.#held.length > this.#config.bestFrameCandidateCount) {
      const weakest = this.#held.reduce((a, b) => (b.score < a.score ? b : a));
      weakest.bitmap.close();
      this.#held = this.#held.filter((h) => h !== weakest);
    }
  }

  /**
   * Encodes the chosen frames (best first, spaced apart, at most `maxBestFrames`, those within
   * `[fromMs, toMs]` only) and releases every held bitmap. Frames that do not fit the size budget
   * are left out.
   */
  async finish(fromMs: number, toMs: number): Promise<CollectedBestFrame[]> {
    const inside = this.#held.filter((h) => h.timestampMs >= fromMs && h.timestampMs <= toMs);
    const chosen = selectBestFrames(inside, this.#config.maxBestFrames, this.#config.bestFrameMinSpacingMs);
    const encoded: CollectedBestFrame[] = [];
    try {
      for (const frame of chosen) {
        try {
          const jpeg = await encodeJpegWithin(frame.bitmap, {
            maxBytes: this.#config.bestFrameMaxBytes,
            maxWidthPx: this.#config.bestFrameMaxWidthPx,
            qualities: this.#config.jpegQualities,
            downscaleRatio: this.#config.jpegDownscaleRatio,
          });
          encoded.push({ ...jpeg, timestampMs: frame.timestampMs });
        } catch {
          // A frame no JPEG of which fits the budget is left out; the others still go.
          continue;
        }
      }
    } finally {
      this.close();
    }
    return encoded;
  }

  /** Releases every held bitmap and the detached `<video>` (if this collector made one). */
  close(): void {
    this.#isClosed = true;
    for (const frame of this.#held) frame.bitmap.close();
    this.#held = [];
    if (this.#ownsVideo) {
      this.#video.pause();
      this.#video.srcObject = null;
    }
  }
}
