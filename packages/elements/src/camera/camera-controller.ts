import { HuotiElementError, type HuotiElementErrorCode } from '../errors/huoti-element-error.js';
import { CameraPreferenceStore } from './camera-preference-store.js';

/** A camera the person can choose. */
export interface CameraDevice {
  readonly deviceId: string;
  /** Empty before permission is granted, and on some devices. */
  readonly label: string;
}

/** What the `camera` attribute asks for: a facing mode, or a specific deviceId. */
export type CameraRequest = 'user' | 'environment' | (string & {});

/** Preferred capture size: the engine downscales frames, more would only cost battery. */
export const DEFAULT_CAMERA_IDEAL_WIDTH_PX = 640;
export const DEFAULT_CAMERA_IDEAL_HEIGHT_PX = 480;

export interface CameraControllerOptions {
  /** Where the chosen camera is remembered; default: a guarded `localStorage`. */
  readonly preferences?: CameraPreferenceStore;
  /** Called once when the running camera stops by itself (unplugged, taken by another app). */
  readonly onDisconnected?: () => void;
  /** Default: `navigator.mediaDevices`. */
  readonly mediaDevices?: MediaDevices;
}

const ERROR_CODES_BY_NAME: Readonly<Record<string, HuotiElementErrorCode>> = Object.freeze({
  NotAllowedError: 'CAMERA_DENIED',
  PermissionDeniedError: 'CAMERA_DENIED',
  SecurityError: 'CAMERA_DENIED',
  NotFoundError: 'CAMERA_NOT_FOUND',
  DevicesNotFoundError: 'CAMERA_NOT_FOUND',
  NotReadableError: 'CAMERA_BUSY',
  TrackStartError: 'CAMERA_BUSY',
  AbortError: 'CAMERA_BUSY',
  OverconstrainedError: 'CAMERA_OVERCONSTRAINED',
  ConstraintNotSatisfiedError: 'CAMERA_OVERCONSTRAINED',
});

/** Maps a `getUserMedia` rejection to a stable code. */
export function cameraErrorCode(error: unknown): HuotiElementErrorCode {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
  return ERROR_CODES_BY_NAME[name] ?? (name === 'TypeError' ? 'CAMERA_UNSUPPORTED' : 'CAMERA_BUSY');
}

const isFacing = (request: CameraRequest | null): request is 'user' | 'environment' => request === 'user' || request === 'environment';

/**
 * Owns the camera: requests it, lists cameras after permission, switches and remembers the
 * choice, reports a camera that stops by itself, and stops every track it started.
 */
export class CameraController {
  readonly #preferences: CameraPreferenceStore;
  readonly #onDisconnected: (() => void) | undefined;
  readonly #mediaDevices: MediaDevices | undefined;
  #stream: MediaStream | null = null;
  /** Bumped by every start and stop: a late `getUserMedia` answer for an older request is discarded. */
  #generation = 0;

  constructor(options: CameraControllerOptions = {}) {
    this.#preferences = options.preferences ?? new CameraPreferenceStore();
    this.#onDisconnected = options.onDisconnected;
    this.#mediaDevices = options.mediaDevices ?? (typeof navigator === 'undefined' ? undefined : navigator.mediaDevices);
  }

  /** The running stream, or `null`. */
  get stream(): MediaStream | null {
    return this.#stream;
  }

  /** deviceId of the running camera, or `null`. */
  get deviceId(): string | null {
    return this.#stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  }

  /** Whether the running camera faces away from the person (no mirroring then). */
  get isRearFacing(): boolean {
    return this.#stream?.getVideoTracks()[0]?.getSettings().facingMode === 'environment';
  }

  /**
   * Starts the camera `request` names (a facing mode or a deviceId), or the remembered one
   * when the request is a facing mode. Stops any running stream first.
   * @throws {HuotiElementError} CAMERA_DENIED, CAMERA_NOT_FOUND, CAMERA_BUSY, CAMERA_OVERCONSTRAINED, CAMERA_UNSUPPORTED
   * @throws {DOMException} AbortError when `signal` aborts or `stop()` is called meanwhile.
   */
  async start(request: CameraRequest | null, signal?: AbortSignal): Promise<MediaStream> {
    const remembered = isFacing(request) || request === null ? this.#preferences.read() : null;
    if (remembered) {
      try {
        return await this.#open({ deviceId: { exact: remembered } }, signal);
      } catch (error) {
        const code = error instanceof HuotiElementError ? error.code : null;
        // The remembered camera is gone (unplugged, new device ids): forget it, use the facing mode.
        if (code !== 'CAMERA_OVERCONSTRAINED' && code !== 'CAMERA_NOT_FOUND') throw error;
        this.#preferences.forget();
      }
    }
    const video: MediaTrackConstraints = isFacing(request) || request === null ? { facingMode: { ideal: request ?? 'user' } } : { deviceId: { exact: request } };
    return this.#open(video, signal);
  }

  /**
   * Switches to another camera and remembers the choice.
   * @throws {HuotiElementError} as `start`.
   */
  async switchTo(deviceId: string, signal?: AbortSignal): Promise<MediaStream> {
    const stream = await this.#open({ deviceId: { exact: deviceId } }, signal);
    this.#preferences.write(deviceId);
    return stream;
  }

  /** The cameras of this device; labels are filled once permission is granted. */
  async listCameras(): Promise<readonly CameraDevice[]> {
    if (!this.#mediaDevices?.enumerateDevices) return [];
    const devices = await this.#mediaDevices.enumerateDevices();
    return devices.filter((device) => device.kind === 'videoinput' && device.deviceId).map(({ deviceId, label }) => ({ deviceId, label }));
  }

  /** Stops every track; safe to call at any time, any number of times. */
  stop(): void {
    this.#generation += 1;
    this.#stopStream();
  }

  #stopStream(): void {
    const stream = this.#stream;
    this.#stream = null;
    for (const track of stream?.getTracks() ?? []) track.stop();
  }

  async #open(video: MediaTrackConstraints, signal: AbortSignal | undefined): Promise<MediaStream> {
    signal?.throwIfAborted();
    this.stop();
    const generation = this.#generation;
    if (!this.#mediaDevices?.getUserMedia) {
      throw new HuotiElementError('CAMERA_UNSUPPORTED', 'navigator.mediaDevices.getUserMedia is missing (insecure context or old webview)');
    }
    let stream: MediaStream;
    try {
      stream = await this.#mediaDevices.getUserMedia({
        audio: false,
        video: { ...video, width: { ideal: DEFAULT_CAMERA_IDEAL_WIDTH_PX }, height: { ideal: DEFAULT_CAMERA_IDEAL_HEIGHT_PX } },
      });
    } catch (error) {
      if (generation !== this.#generation || signal?.aborted) throw abortError(signal);
      const code = cameraErrorCode(error);
      throw new HuotiElementError(code, `getUserMedia failed: ${String((error as { name?: unknown }).name)}: ${String((error as { message?: unknown }).message)}`, { cause: error });
    }
    if (generation !== this.#generation || signal?.aborted) {
      for (const track of stream.getTracks()) track.stop();
      throw abortError(signal);
    }
    this.#stream = stream;
    for (const track of stream.getVideoTracks()) {
      // `ended` fires only when the source stops by itself; our own `stop()` never fires it.
      track.addEventListener('ended', () => {
        if (this.#stream !== stream) return;
        this.#stopStream();
        this.#onDisconnected?.();
      }, { once: true });
    }
    return stream;
  }
}

function abortError(signal: AbortSignal | undefined): unknown {
  return signal?.aborted ? signal.reason : new DOMException('The camera request was superseded', 'AbortError');
}
