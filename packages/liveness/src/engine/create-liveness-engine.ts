import { LivenessBridge } from '../bridge/liveness-bridge.js';
import { FrameSource, type LivenessVideoSource } from '../capture/frame-source.js';
import { resolveLivenessEngineConfig, type LivenessEngineConfig } from '../config/engine-config.js';
import { HuotiError } from '../errors/huoti-error.js';
import { combineAbortSignals } from './combine-abort-signals.js';
import type { EnrolledFaceReference } from './face-reference.js';
import { referenceBitmap } from './reference-bitmap.js';
import { normaliseReferenceEmbedding } from './reference-embedding.js';
import type { FrameMetrics } from './frame-metrics.js';
import type { LivenessEngine, WatchOptions } from './liveness-engine.js';

/** Folder URL as an absolute string ending in `/`, resolved against the page. */
function absoluteFolderUrl(url: URL | string): string {
  const base = typeof location === 'undefined' ? undefined : location.href;
  const href = new URL(String(url), base).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** Warm-up frame height for a 4:3 camera at the analysis width. */
const WARM_UP_ASPECT_RATIO = 3 / 4;

/**
 * Starts the liveness worker, picks a backend and loads the face models from `assetBaseUrl`.
 *
 * @throws {HuotiError} `WORKER_START_FAILED`, `ASSET_LOAD_FAILED` (naming the URL),
 *   `BACKEND_UNAVAILABLE`, `ABORTED`, `INVALID_INPUT` for a non-positive `analysisWidthPx`.
 */
export async function createLivenessEngine(config: Partial<LivenessEngineConfig> = {}): Promise<LivenessEngine> {
  const resolved = resolveLivenessEngineConfig(config);
  if (!(resolved.analysisWidthPx > 0)) throw new HuotiError('INVALID_INPUT', `analysisWidthPx must be positive, got ${resolved.analysisWidthPx}`);
  const { bridge, report } = await LivenessBridge.start(
    {
      workerUrl: resolved.workerUrl,
      workerStart: resolved.workerStart,
      init: {
        assetBaseUrl: absoluteFolderUrl(resolved.assetBaseUrl),
        backend: resolved.backend,
        eyeRefinement: resolved.eyeRefinement,
        allowSoftwareWebgl: resolved.allowSoftwareWebgl,
        maxFaces: resolved.maxFaces,
        warmUpWidthPx: resolved.analysisWidthPx,
        warmUpHeightPx: Math.round(resolved.analysisWidthPx * WARM_UP_ASPECT_RATIO),
        faceEmbeddingModel: resolved.faceEmbeddingModel,
      },
      startTimeoutMs: resolved.startTimeoutMs,
      loadTimeoutMs: resolved.loadTimeoutMs,
      frameTimeoutMs: resolved.frameTimeoutMs,
      disposeTimeoutMs: resolved.disposeTimeoutMs,
      maxWorkerRestarts: resolved.maxWorkerRestarts,
      ...(resolved.onProgress ? { onProgress: resolved.onProgress } : {}),
    },
    resolved.signal,
  );
  const disposal = new AbortController();
  let faceReference: EnrolledFaceReference | null = null;

  async function* watch(source: LivenessVideoSource, options: WatchOptions = {}): AsyncGenerator<FrameMetrics, void, undefined> {
    if (disposal.signal.aborted) throw new HuotiError('DISPOSED', 'watch() after dispose()');
    const { signal, detach } = combineAbortSignals(options.signal ? [options.signal, disposal.signal] : [disposal.signal]);
    const shouldIncludeLandmarks = options.includeLandmarks ?? false;
    let frames: FrameSource | undefined;
    let droppedFrameCount = 0;
    let frameIndex = 0;
    try {
      frames = await FrameSource.open(source, resolved.analysisWidthPx, resolved.frameTimeoutMs, signal);
      for (;;) {
        const captured = await frames.next(signal);
        droppedFrameCount += captured.skippedFrameCount;
        const grabbedAt = performance.now();
        const metrics = await bridge.analyze(captured.bitmap, shouldIncludeLandmarks);
        if (metrics === null) {
          droppedFrameCount += 1; // another frame was in flight, or the worker was restarted on this one
          continue;
        }
        yield {
          ...metrics,
          frameIndex: frameIndex++,
          cameraTimestampMs: captured.cameraTimestampMs,
          roundTripMs: performance.now() - grabbedAt,
          droppedFrameCount,
        };
      }
    } catch (error) {
      if (disposal.signal.aborted) throw new HuotiError('DISPOSED', 'the engine was disposed while watching', { cause: error });
      // The caller's own abort ends the iteration quietly, as a `break` would.
      if (options.signal?.aborted && error instanceof HuotiError && error.code === 'ABORTED') return;
      throw error;
    } finally {
      frames?.close();
      detach();
    }
  }

  return {
    capabilities: report.capabilities,
    startupTimings: report.timings,
    modelBytes: report.modelBytes,
    get restartCount() {
      return bridge.restartCount;
    },
    watch,
    analyzeFrame: (frame, options = {}) => bridge.analyze(frame, options.includeLandmarks ?? false),
    get faceReference() {
      return faceReference;
    },
    async enrollReference(reference) {
      if (disposal.signal.aborted) throw new HuotiError('DISPOSED', 'enrollReference() after dispose()');
      // A failed enrollment must not leave an earlier person's reference in force.
      faceReference = null;
      const spec = resolved.faceEmbeddingModel;
      if (reference instanceof Float32Array) {
        faceReference = { source: 'client-embedding', model: spec.id, embedding: normaliseReferenceEmbedding(reference, spec) };
        return faceReference;
      }
      const result = await bridge.embedReference(await referenceBitmap(reference));
      faceReference = { source: 'client-image', model: result.model, embedding: result.embedding };
      return faceReference;
    },
    clearReference() {
      faceReference = null;
    },
    async embedLastFrame() {
      const result = await bridge.embedLastFrame();
      return result?.embedding ?? null;
    },
    memory: () => bridge.memory(),
    crashWorkerForTesting: () => bridge.crashWorkerForTesting(),
    async dispose() {
      disposal.abort(new HuotiError('DISPOSED', 'the liveness engine was disposed'));
      await bridge.dispose();
    },
  };
}
