/** The localStorage key under which the person's chosen camera is remembered. */
export const CAMERA_DEVICE_STORAGE_KEY = 'huoti.camera.deviceId';

/** The part of `Storage` the camera preference needs. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * Remembers the chosen camera. Storage may be missing or throw (private mode, disabled
 * cookies, sandboxed webviews): remembering is a convenience, so every failure means "nothing
 * remembered" and the run goes on.
 */
export class CameraPreferenceStore {
  readonly #storage: PreferenceStorage | null;

  constructor(storage: PreferenceStorage | null = defaultStorage()) {
    this.#storage = storage;
  }

  /** The remembered deviceId, or `null`. */
  read(): string | null {
    try {
      return this.#storage?.getItem(CAMERA_DEVICE_STORAGE_KEY) || null;
    } catch {
      return null; // unreadable storage: nothing remembered (see class comment)
    }
  }

  write(deviceId: string): void {
    try {
      this.#storage?.setItem(CAMERA_DEVICE_STORAGE_KEY, deviceId);
    } catch {
      // full or blocked storage: the choice lasts for this page only (see class comment)
      return;
    }
  }

  forget(): void {
    try {
      this.#storage?.removeItem(CAMERA_DEVICE_STORAGE_KEY);
    } catch {
      // blocked storage held nothing we could forget (see class comment)
      return;
    }
  }
}

function defaultStorage(): PreferenceStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // reading `localStorage` throws SecurityError when storage is blocked
  }
}
