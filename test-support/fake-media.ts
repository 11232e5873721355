/**
 * What feeds Chromium's fake camera and microphone for one browser test file.
 *
 * A test file calls `declareFakeMedia({...})` once at top level with string literals only:
 * `web-test-runner.config.mjs` reads the call statically, converts the fixture with ffmpeg
 * (cached under `.cache/fake-media/`) and launches a Chromium of its own for each distinct
 * declaration. Files without a declaration get Chromium's built-in synthetic camera.
 */
export interface FakeMediaDeclaration {
  /**
   * A video under `../shared/fixtures` (e.g. `grid/grid_bbaf2n.mp4`), `'none'` for a machine
   * without any camera or microphone (getUserMedia rejects with NotFoundError), or `'synthetic'`
   * for Chromium's built-in test pattern (what files without a declaration get).
   */
  readonly camera: string;
  /**
   * How many cameras the machine has; only with `camera: 'synthetic'` (Chromium's file capture
   * offers exactly one). Default 1.
   */
  readonly cameraCount?: number;
  /** Scale and pad the video to a webcam-like size, e.g. `'640x480'`; default: the fixture's own size. */
  readonly cameraSize?: string;
  /** Frame rate of the fake camera; default: the fixture's own. */
  readonly cameraFps?: number;
  /**
   * A `.wav` or a video with audio under `../shared/fixtures`; default: the camera fixture's own
   * audio track when it has one, else a silent track.
   */
  readonly microphone?: string;
  /**
   * Keep only this span of the microphone's audio, in seconds of the file (e.g. `'1.59-1.94'`, one
   * spoken word): everything else is silenced, the length stays the same, so the fake microphone
   * still loops with the file's own period.
   */
  readonly microphoneKeepOnly?: string;
  /** `'off'` launches Chromium with WebGL disabled, as on a device whose GPU is blocklisted. */
  readonly webgl?: 'off';
  /** `'denied'` launches Chromium without auto-accepting the permission prompt. Default `'granted'`. */
  readonly permission?: 'granted' | 'denied';
  /**
   * `'document-user-activation-required'` enforces Chromium's strict autoplay policy: an
   * AudioContext stays suspended until the page has had a real user gesture (a `click()` from
   * script is not one; web-test-runner's `send-keys`/`send-mouse` are). Default: no gesture needed.
   * (`user-gesture-required` only gates media elements, not Web Audio, in Chromium.)
   */
  readonly autoplay?: 'document-user-activation-required';
}

/** Declares this test file's fake media; returns the declaration for use in assertions. */
export function declareFakeMedia<const T extends FakeMediaDeclaration>(declaration: T): T {
  return declaration;
}

/** URL under which the dev server serves `../shared/fixtures/<path>` (read-only). */
export function fixtureUrl(path: string): string {
  return `/__huoti/fixtures/${path}`;
}

/** Raw RGB thumbnails of every frame Chromium's fake camera would show for a declaration. */
export interface FakeCameraThumbnails {
  readonly width: number;
  readonly height: number;
  /** One array of `width * height * 3` bytes (RGB) per frame. */
  readonly frames: readonly (readonly number[])[];
}

/**
 * Decodes, with ffmpeg, the exact `.y4m` file that feeds (or would feed) the fake camera for
 * `declaration`, scaled to `width × height`. Lets a test compare what getUserMedia delivers
 * with the footage itself.
 */
export async function fetchFakeCameraThumbnails(
  declaration: Pick<FakeMediaDeclaration, 'camera' | 'cameraSize' | 'cameraFps'>,
  width: number,
  height: number,
): Promise<FakeCameraThumbnails> {
  const query = new URLSearchParams({ camera: declaration.camera, width: String(width), height: String(height) });
  if (declaration.cameraSize) query.set('cameraSize', declaration.cameraSize);
  if (declaration.cameraFps) query.set('cameraFps', String(declaration.cameraFps));
  const response = await fetch(`/__huoti/fake-camera-thumbnails?${query}`);
  if (!response.ok) throw new Error(`thumbnails for ${declaration.camera}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as FakeCameraThumbnails;
}
