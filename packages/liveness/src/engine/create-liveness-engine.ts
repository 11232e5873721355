import { LivenessBridge } from '../bridge/liveness-bridge.js';
import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { LivenessVideoSource } from '../capture/frame-source.js';
import { resolveLivenessEngineConfig, type LivenessEngineConfig } from '../config/engine-config.js';
import { HuotiError } from '../errors/huoti-error.js';
import type { ChallengeFrameResult } from '../session/challenge-session-messages.js';
import type { ChallengeHandle, ChallengeOpenOptions } from './challenge-handle.js';
import type { EnrolledFaceReference } from './face-reference.js';
import { referenceBitmap } from './reference-bitmap.js';
import { normaliseReferenceEmbedding } from './reference-embedding.js';
import { frameLoop } from './frame-loop.js';
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
 *   `BACKEND_UNAVAILABLE`, `ABORTED`, `INVALID_INPUT` for a non-positive `analysisWidthPx` or `idleTerminateMs`.
 */
export async function createLivenessEngine(config: Partial<LivenessEngineConfig> = {}): Promise<LivenessEngine> {
  const resolved = resolveLivenessEngineConfig(config);
  if (!(resolved.analysisWidthPx > 0)) throw new HuotiError('INVALID_INPUT', `analysisWidthPx must be positive, got ${resolved.analysisWidthPx}`);
  if (!(resolved.idleTerminateMs > 0)) throw new HuotiError('INVALID_INPUT', `idleTerminateMs must be positive (Infinity: never), got ${resolved.idleTerminateMs}`);
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
      idleTerminateMs: resolved.idleTerminateMs,
      ...(resolved.onProgress ? { onProgress: resolved.onProgress } : {}),
    },
    resolved.signal,
  );
  const disposal = new AbortController();
  let faceReference: EnrolledFaceReference | null = null;

  const loopSettings = { analysisWidthPx: resolved.analysisWidthPx, frameTimeoutMs: resolved.frameTimeoutMs, disposal: disposal.signal };

  async function* watch(source: LivenessVideoSource, options: WatchOptions = {}): AsyncGenerator<FrameMetrics, void, undefined> {
    const shouldIncludeLandmarks = options.includeLandmarks ?? false;
    let frameIndex = 0;
    const frames = frameLoop(source, loopSettings, options.signal, (bitmap) => bridge.analyze(bitmap, shouldIncludeLandmarks));
    for await (const { value, cameraTimestampMs, roundTripMs, droppedFrameCount } of frames) {
      yield { ...value, frameIndex: frameIndex++, cameraTimestampMs, roundTripMs, droppedFrameCount };
    }
  }

  async function openChallenge(options: ChallengeOpenOptions): Promise<ChallengeHandle> {
    const opened = await bridge.openChallenge({ ...options, nowMs: Date.now(), faceReference });
    if (opened.sessionId === null) throw new HuotiError('INVALID_INPUT', `the challenge plan was refused: ${opened.refusal}`);
    const { sessionId } = opened;
    return {
      async *watch(source, watchOptions = {}) {
        // Segments taken for a frame that was never sent wait for the next one.
        let pending: VoicedSegment[] = [];
        const send = async (bitmap: ImageBitmap, cameraTimestampMs: number): Promise<ChallengeFrameResult | null> => {
          if (watchOptions.takeVoicedSegments) pending = [...pending, ...watchOptions.takeVoicedSegments()];
          const result = await bridge.advanceChallenge(sessionId, bitmap, cameraTimestampMs, pending);
          if (result) pending = [];
          return result;
        };
        for await (const { value, cameraTimestampMs, droppedFrameCount } of frameLoop(source, loopSettings, watchOptions.signal, send)) {
          yield { ...value, cameraTimestampMs, droppedFrameCount };
        }
      },
      // The bridge knows which session is open: closing a finished or replaced one is a no-op there.
      finish: (lateSegments = []) => bridge.finishChallenge(sessionId, lateSegments),
      close: () => bridge.closeChallenge(sessionId),
    };
  }

  return {
    capabilities: report.capabilities,
    startupTimings: report.timings,
    modelBytes: report.modelBytes,
    get restartCount() {
      return bridge.restartCount;
    },
    get isWorkerRunning() {
      return bridge.isWorkerRunning;
    },
    watch,
    openChallenge,
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
