// Script-tag entry: rollup wraps these exports as the `window.Huoti` global (IIFE).
// It registers <huoti-liveness> and takes every asset URL from its own <script data-asset-base>:
// the models and wasm (that folder), `../worker.js` and `../audio-worklet.js` beside it, which is
// the layout of @huoti/liveness's dist/ (docs/self-hosting.md). Nothing else is hard-wired.
import * as livenessModule from '@huoti/liveness';
import { HuotiLiveness } from './liveness/huoti-liveness.component.js';
import './define.js';

/** Where the engine's files lie relative to the asset base, in @huoti/liveness's `dist/` layout. */
const ASSET_LAYOUT = Object.freeze({
  /** Without `data-asset-base`: an `assets/` folder next to huoti.min.js. */
  assetBaseBesideScript: './assets/',
  workerBesideAssets: '../worker.js',
  audioWorkletBesideAssets: '../audio-worklet.js',
});

/** The absolute URLs the script-tag build loads its engine files from. */
export interface CdnAssetUrls {
  /** The folder of the models and tfjs `.wasm` files, ending in `/`. */
  readonly assetBaseUrl: string;
  /** The engine's module worker; started through a `blob:` trampoline when it is on another origin. */
  readonly workerUrl: string;
  /** The read-digits audio worklet; loaded in CORS mode when it is on another origin. */
  readonly audioWorkletUrl: string;
}

/**
 * Asset URLs from the `<script>` that loaded this bundle: its `data-asset-base` (resolved against
 * the script's own URL), else `./assets/` next to the script. `document.currentScript` is only set
 * while a classic script first runs, so this must be read at load time.
 */
function scriptAssetUrls(): CdnAssetUrls | null {
  if (typeof document === 'undefined') return null;
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement)) return null;
  const scriptUrl = script.src || document.baseURI;
  const assetBase = new URL(script.dataset['assetBase'] || ASSET_LAYOUT.assetBaseBesideScript, scriptUrl);
  return {
    assetBaseUrl: assetBase.href,
    workerUrl: new URL(ASSET_LAYOUT.workerBesideAssets, assetBase).href,
    audioWorkletUrl: new URL(ASSET_LAYOUT.audioWorkletBesideAssets, assetBase).href,
  };
}

/**
 * `@huoti/liveness` whose asset defaults are `urls`: the engine, the bare worker connection, the
 * certification run and the voice capture. Options the page passes still win.
 */
function livenessWithAssets(urls: CdnAssetUrls): typeof livenessModule {
  return {
    ...livenessModule,
    createLivenessEngine: (config = {}) =>
      livenessModule.createLivenessEngine({ assetBaseUrl: urls.assetBaseUrl, workerUrl: urls.workerUrl, ...config }),
    connectLivenessWorker: (config = {}, signal) => livenessModule.connectLivenessWorker({ workerUrl: urls.workerUrl, ...config }, signal),
    runCertification: (options) => livenessModule.runCertification({ audioWorkletUrl: urls.audioWorkletUrl, ...options }),
    startVoiceCapture: (stream, options = {}) => livenessModule.startVoiceCapture(stream, { workletUrl: urls.audioWorkletUrl, ...options }),
  };
}

const scriptAssets = scriptAssetUrls();
if (scriptAssets !== null) HuotiLiveness.defaultAssetBase = scriptAssets.assetBaseUrl;

/** Where this bundle loads the engine's files from; `null` when it was not loaded by a `<script>` tag. */
export const assetUrls: CdnAssetUrls | null = scriptAssets;
/** `@huoti/liveness`, with the asset URLs above as defaults. */
export const liveness: typeof livenessModule = scriptAssets ? livenessWithAssets(scriptAssets) : livenessModule;
export { VERSION as version } from './version.js';
export { HuotiLiveness };
export * as eligibility from '@huoti/eligibility';
