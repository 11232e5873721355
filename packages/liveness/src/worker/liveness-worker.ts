import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import type { VoicedSegment } from '../audio/voiced-segment.js';
import type { EngineCapabilities } from '../engine/engine-capabilities.js';
import type { WorkerFrameMetrics } from '../engine/frame-metrics.js';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import { HuotiError } from '../errors/huoti-error.js';
import { createFaceEmbedder, type FaceEmbedder } from '../face-match/face-embedder.js';
import { checkReferenceFaces } from '../face-match/reference-face-check.js';
import { createFaceLandmarker, type FaceLandmarker } from '../landmarks/face-landmarker.js';
import type { FaceLandmarks } from '../landmarks/landmark-point.js';
import { landmarkBox } from '../metrics/face-box.js';
import { measureFace } from '../metrics/measure-face.js';
import { fetchGraphModelHandler } from '../models/fetch-graph-model-handler.js';
import type { LoadProgress } from '../models/load-progress.js';
import { MODEL_ASSET_NAMES } from '../models/model-asset-names.js';
import { selectLandmarkPoints } from '../presentation/select-landmark-points.js';
import { STABLE_LANDMARK_INDICES } from '../presentation/stable-landmarks.js';
import { ChallengeSession } from '../session/challenge-session.js';
import type { ChallengeFrameResult, ChallengeSummary } from '../session/challenge-session-messages.js';
import { VERSION } from '../version.js';
import { probeBackend } from './backend-probe.js';
import type { Result } from './result.js';
import type {
  ChallengeOpened,
  FaceEmbeddingResult,
  LivenessWorkerApi,
  ReferenceEmbeddingResult,
  WorkerHello,
  WorkerInitOptions,
  WorkerInitReport,
  WorkerMemory,
} from './worker-api.js';

/** Turns anything thrown into the `{code, message}` that crosses the boundary. */
function failure(error: unknown, fallbackCode: HuotiError['code']): Result<never> {
  if (error instanceof HuotiError) return { ok: false, error: error.toJSON() };
  return { ok: false, error: { code: fallbackCode, message: error instanceof Error ? error.message : String(error) } };
}

/** The pixels and landmarks of the last analysed frame's one face, kept for `embedLastFrame`. */
interface AnalysedFace {
  readonly pixels: ImageData;
  readonly landmarks: FaceLandmarks;
}

/** Per-worker state; nothing lives at module level. */
interface WorkerState {
  landmarker?: FaceLandmarker;
  canvas?: OffscreenCanvasRenderingContext2D;
  isDisposed: boolean;
  options?: WorkerInitOptions;
  /** The embedding model, loading or loaded; unset until a face is first embedded. */
  embedder?: Promise<FaceEmbedder>;
  lastFace?: AnalysedFace | undefined;
  /** The engine's capabilities, known after init. */
  capabilities?: EngineCapabilities;
  /** The open certification session, if any. */
  challenge?: { readonly id: number; readonly session: ChallengeSession } | undefined;
  /** Sessions opened so far: the next one's id. */
  challengeCount: number;
  /**
   * Calls that use the landmarker run one after another: a reference photo in the middle of the
   * camera stream would otherwise break the tracker's frame-to-frame state.
   */
  queue: Promise<unknown>;
}

/** Runs `task` after every earlier queued task has settled. */
function exclusive<T>(state: WorkerState, task: () => Promise<T>): Promise<T> {
  const run = state.queue.then(task);
  // The queue only orders calls; each caller gets its own outcome from `run`.
  state.queue = run.catch(() => undefined);
  return run;
}

const ATTENTION_ON_WASM =
  'the attention mesh needs a non-float32 BatchMatMul that tfjs-backend-wasm 4.22 lacks; using the iris model';

async function initialise(state: WorkerState, options: WorkerInitOptions, onProgress?: (p: LoadProgress) => void): Promise<WorkerInitReport> {
  const started = performance.now();
  const probe = await probeBackend(options.backend, options.assetBaseUrl, options.allowSoftwareWebgl);
  const fallbacks = [...probe.fallbacks];
  let eyeRefinement: EngineCapabilities['eyeRefinement'] = options.eyeRefinement === 'auto' ? 'iris' : options.eyeRefinement;
  if (eyeRefinement === 'attention' && probe.backend === 'wasm') {
    fallbacks.push({ skipped: 'eyeRefinement:attention', reason: ATTENTION_ON_WASM });
    eyeRefinement = 'iris';
  }
  let loadedBytes = 0;
  let totalBytes = 0;
  let fetchEnded = started;
  const counter = {
    onBytes(url: string, received: number, announced: number): void {
      loadedBytes += received;
      totalBytes += announced;
      fetchEnded = performance.now();
      onProgress?.({ phase: 'fetch', loadedBytes, totalBytes, url });
    },
  };
  const asset = (name: string): string => new URL(name, options.assetBaseUrl).href;
  const load = async (refinement: EngineCapabilities['eyeRefinement']): Promise<FaceLandmarker> =>
    createFaceLandmarker({
      detectorModel: fetchGraphModelHandler(asset(MODEL_ASSET_NAMES.detector), counter),
      meshModel: fetchGraphModelHandler(asset(refinement === 'attention' ? MODEL_ASSET_NAMES.attentionMesh : MODEL_ASSET_NAMES.mesh), counter),
      ...(refinement === 'iris' ? { irisModel: fetchGraphModelHandler(asset(MODEL_ASSET_NAMES.iris), counter) } : {}),
      isAttentionMesh: refinement === 'attention',
      maxFaces: options.maxFaces,
    });
  let landmarker = await load(eyeRefinement);
  const loaded = performance.now();
  onProgress?.({ phase: 'compile', loadedBytes, totalBytes });
  onProgress?.({ phase: 'warmup', loadedBytes, totalBytes });
  try {
    await landmarker.warmUp(options.warmUpWidthPx, options.warmUpHeightPx);
  } catch (error) {
    if (eyeRefinement !== 'attention') throw error;
    // The attention mesh loads on any backend but may fail on its first run; fall back once.
    landmarker.dispose();
    fallbacks.push({ skipped: 'eyeRefinement:attention', reason: error instanceof Error ? error.message : String(error) });
    eyeRefinement = 'iris';
    landmarker = await load(eyeRefinement);
    await landmarker.warmUp(options.warmUpWidthPx, options.warmUpHeightPx);
  }
  // The first 2D-canvas readback in a worker is slow too: do it now, at the analysis size.
  const blank = await createImageBitmap(new ImageData(options.warmUpWidthPx, options.warmUpHeightPx));
  try {
    pixelsOf(state, blank);
  } finally {
    blank.close();
  }
  const warmed = performance.now();
  state.landmarker = landmarker;
  state.options = options;
  const { webglRenderer, hasWasmSimd } = probe;
  const capabilities: EngineCapabilities = {
    requestedBackend: options.backend,
    backend: probe.backend,
    fallbacks,
    eyeRefinement,
    hasOffscreenCanvas: probe.hasOffscreenCanvas,
    ...(webglRenderer === undefined ? {} : { webglRenderer }),
    ...(hasWasmSimd === undefined ? {} : { hasWasmSimd }),
  };
  state.capabilities = capabilities;
  return {
    capabilities,
    // Fetch and graph parsing overlap; "compile" is backend probing plus what parsing ran after the last byte.
    timings: { fetchMs: fetchEnded - started, compileMs: loaded - fetchEnded, warmUpMs: warmed - loaded },
    modelBytes: loadedBytes,
  };
}

function pixelsOf(state: WorkerState, frame: ImageBitmap): ImageData {
  const { width, height } = frame;
  if (!state.canvas || state.canvas.canvas.width !== width || state.canvas.canvas.height !== height) {
    const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!context) throw new HuotiError('BACKEND_UNAVAILABLE', 'no 2D OffscreenCanvas in this worker');
    state.canvas = context;
  }
  state.canvas.drawImage(frame, 0, 0);
  return state.canvas.getImageData(0, 0, width, height);
}

async function analyzeFrame(state: WorkerState, frame: ImageBitmap, shouldIncludeLandmarks: boolean): Promise<WorkerFrameMetrics> {
  const started = performance.now();
  let pixels: ImageData;
  try {
    if (!state.landmarker) throw new HuotiError(state.isDisposed ? 'DISPOSED' : 'INVALID_INPUT', 'analyze() before init()');
    if (frame.width === 0 || frame.height === 0) throw new HuotiError('INVALID_INPUT', 'empty frame');
    pixels = pixelsOf(state, frame);
  } finally {
    frame.close();
  }
  const image = tf.browser.fromPixels(pixels, 3);
  let faces;
  try {
    faces = await state.landmarker.estimate(image);
  } finally {
    image.dispose();
  }
  const boxed = faces
    .map((face) => ({ face, box: landmarkBox(face.landmarks, pixels.width, pixels.height) }))
    .sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  const [primary, ...others] = boxed;
  state.lastFace = primary && others.length === 0 ? { pixels, landmarks: primary.face.landmarks } : undefined;
  return {
    faceCount: faces.length,
    // The planarity signal's few dozen points travel always: far cheaper than the 478 of `landmarks`.
    primaryFace: primary
      ? { ...measureFace(primary.face.landmarks, pixels, shouldIncludeLandmarks), stableLandmarks: selectLandmarkPoints(primary.face.landmarks, STABLE_LANDMARK_INDICES) }
      : null,
    otherFaces: others.map(({ face, box }) => (shouldIncludeLandmarks ? { box, landmarks: face.landmarks } : { box })),
    frameWidthPx: pixels.width,
    frameHeightPx: pixels.height,
    inferenceMs: performance.now() - started,
  };
}

/** The embedding model, loaded on first use; a failed load is forgotten so the next call retries. */
function embedderOf(state: WorkerState): Promise<FaceEmbedder> {
  const options = state.options;
  if (!options) return Promise.reject(new HuotiError(state.isDisposed ? 'DISPOSED' : 'INVALID_INPUT', 'embedding before init()'));
  if (!state.embedder) {
    const spec = options.faceEmbeddingModel;
    const url = new URL(spec.assetName, options.assetBaseUrl).href;
    const loading = (async () => {
      try {
        const model = await loadGraphModel(fetchGraphModelHandler(url, { onBytes: () => undefined }));
        return createFaceEmbedder(model, spec);
      } catch (error) {
        if (error instanceof HuotiError) throw error;
        throw new HuotiError('ASSET_LOAD_FAILED', `face-embedding model ${url} did not load: ${String(error)}`, { cause: error });
      }
    })();
    state.embedder = loading;
    loading.catch(() => {
      // The caller gets the error from `loading`; forgetting it lets a later call try again.
      if (state.embedder === loading) delete state.embedder;
    });
  }
  return state.embedder;
}

/** Reads a still image's pixels on a canvas of its own (the analysis canvas keeps the camera's size). */
function stillPixelsOf(image: ImageBitmap): ImageData {
  const context = new OffscreenCanvas(image.width, image.height).getContext('2d', { willReadFrequently: true });
  if (!context) throw new HuotiError('BACKEND_UNAVAILABLE', 'no 2D OffscreenCanvas in this worker');
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height);
}

async function embedReference(state: WorkerState, image: ImageBitmap, embedder: FaceEmbedder): Promise<ReferenceEmbeddingResult> {
  let pixels: ImageData;
  try {
    if (!state.landmarker) throw new HuotiError(state.isDisposed ? 'DISPOSED' : 'INVALID_INPUT', 'embedReference() before init()');
    if (image.width === 0 || image.height === 0) throw new HuotiError('INVALID_INPUT', 'empty reference image');
    pixels = stillPixelsOf(image);
  } finally {
    image.close();
  }
  const landmarker = state.landmarker;
  const tensor = tf.browser.fromPixels(pixels, 3);
  try {
    // A still photo, not the next camera frame: detect afresh, and let the camera stream do so too.
    landmarker.reset();
    let faces;
    try {
      faces = await landmarker.estimate(tensor);
    } finally {
      landmarker.reset();
    }
    const check = checkReferenceFaces(faces);
    if (!check.ok) throw new HuotiError(check.code, check.message);
    const embedding = await embedder.embedAsync(tensor, check.landmarks);
    return { embedding, model: embedder.spec.id, interOcularDistancePx: check.interOcularDistancePx };
  } finally {
    tensor.dispose();
  }
}

async function embedLastFrame(state: WorkerState, embedder: FaceEmbedder): Promise<FaceEmbeddingResult | null> {
  const face = state.lastFace;
  if (!face) return null;
  const tensor = tf.browser.fromPixels(face.pixels, 3);
  try {
    return { embedding: await embedder.embedAsync(tensor, face.landmarks), model: embedder.spec.id };
  } finally {
    tensor.dispose();
  }
}

/** The open session with id `sessionId`. @throws {HuotiError} `INVALID_INPUT` when it is not open (a restarted worker has none). */
function challengeOf(state: WorkerState, sessionId: number): ChallengeSession {
  if (state.challenge?.id !== sessionId) throw new HuotiError(state.isDisposed ? 'DISPOSED' : 'INVALID_INPUT', `certification session ${sessionId} is not open in this worker`);
  return state.challenge.session;
}

async function advanceChallenge(state: WorkerState, session: ChallengeSession, frame: ImageBitmap, cameraTimestampMs: number, segments: readonly VoicedSegment[]): Promise<ChallengeFrameResult> {
  const metrics = await analyzeFrame(state, frame, false);
  return session.push(metrics, cameraTimestampMs, segments, async () => {
    const result = await embedLastFrame(state, await embedderOf(state));
    return result?.embedding ?? null;
  });
}

/** The object the worker entry exposes; kept apart from `expose` so it can be unit-tested. */
export function createLivenessWorkerApi(scope: typeof globalThis): LivenessWorkerApi {
  const state: WorkerState = { isDisposed: false, queue: Promise.resolve(), challengeCount: 0 };
  return {
    hello: async (): Promise<Result<WorkerHello>> => ({
      ok: true,
      value: { version: VERSION, isWorkerScope: !('document' in scope) },
    }),
    async init(options, onProgress): Promise<Result<WorkerInitReport>> {
      try {
        return { ok: true, value: await initialise(state, options, onProgress) };
      } catch (error) {
        return failure(error, 'ASSET_LOAD_FAILED');
      } finally {
        // The progress proxy is used only while loading: release its port now.
        (onProgress as unknown as Partial<Comlink.Remote<object>> | undefined)?.[Comlink.releaseProxy]?.();
      }
    },
    async analyze(frame, shouldIncludeLandmarks): Promise<Result<WorkerFrameMetrics>> {
      try {
        return { ok: true, value: await exclusive(state, () => analyzeFrame(state, frame, shouldIncludeLandmarks)) };
      } catch (error) {
        frame.close(); // already closed unless the queue itself failed
        return failure(error, 'INVALID_INPUT');
      }
    },
    async embedReference(image): Promise<Result<ReferenceEmbeddingResult>> {
      try {
        // Loaded outside the queue: a model download must not hold camera frames past their deadline.
        const embedder = await embedderOf(state);
        return { ok: true, value: await exclusive(state, () => embedReference(state, image, embedder)) };
      } catch (error) {
        image.close();
        return failure(error, 'INVALID_INPUT');
      }
    },
    async embedLastFrame(): Promise<Result<FaceEmbeddingResult | null>> {
      try {
        const embedder = await embedderOf(state);
        return { ok: true, value: await exclusive(state, () => embedLastFrame(state, embedder)) };
      } catch (error) {
        return failure(error, 'INVALID_INPUT');
      }
    },
    async openChallenge(options): Promise<Result<ChallengeOpened>> {
      try {
        if (!state.capabilities) throw new HuotiError(state.isDisposed ? 'DISPOSED' : 'INVALID_INPUT', 'openChallenge() before init()');
        delete state.challenge;
        const session = new ChallengeSession(options, state.capabilities);
        if (session.refusal) return { ok: true, value: { sessionId: null, refusal: session.refusal } };
        // Loaded now, not on the first checked frame: a download must not hold a camera frame past its deadline.
        if (session.needsEmbeddings) await embedderOf(state);
        state.challengeCount += 1;
        state.challenge = { id: state.challengeCount, session };
        return { ok: true, value: { sessionId: state.challengeCount, refusal: null } };
      } catch (error) {
        return failure(error, 'INVALID_INPUT');
      }
    },
    async advanceChallenge(sessionId, frame, cameraTimestampMs, segments): Promise<Result<ChallengeFrameResult>> {
      try {
        const session = challengeOf(state, sessionId);
        return { ok: true, value: await exclusive(state, () => advanceChallenge(state, session, frame, cameraTimestampMs, segments)) };
      } catch (error) {
        frame.close(); // already closed unless the frame never reached the analysis
        return failure(error, 'INVALID_INPUT');
      }
    },
    async finishChallenge(sessionId, lateSegments): Promise<Result<ChallengeSummary>> {
      try {
        const summary = challengeOf(state, sessionId).finish(lateSegments);
        delete state.challenge;
        return { ok: true, value: summary };
      } catch (error) {
        return failure(error, 'INVALID_INPUT');
      }
    },
    closeChallenge: async (sessionId): Promise<Result<null>> => {
      if (state.challenge?.id === sessionId) delete state.challenge;
      return { ok: true, value: null };
    },
    memory: async (): Promise<Result<WorkerMemory>> => {
      const { numTensors, numBytes } = tf.memory();
      return { ok: true, value: { tensorCount: numTensors, byteCount: numBytes } };
    },
    crashForTesting: async (): Promise<Result<null>> => {
      setTimeout(() => {
        throw new Error('simulated worker crash (crashForTesting)');
      });
      return { ok: true, value: null };
    },
    dispose: async (): Promise<Result<null>> => {
      state.isDisposed = true;
      state.landmarker?.dispose();
      delete state.landmarker;
      delete state.lastFace;
      delete state.challenge;
      // A model still loading is disposed when it arrives; a failed load has nothing to free.
      state.embedder?.then((embedder) => embedder.dispose()).catch(() => undefined);
      delete state.embedder;
      return { ok: true, value: null };
    },
  };
}

/** Starts serving the worker API on the current dedicated-worker scope. */
export function exposeLivenessWorker(scope: typeof globalThis = globalThis): void {
  Comlink.expose(createLivenessWorkerApi(scope), scope as unknown as Comlink.Endpoint);
}
