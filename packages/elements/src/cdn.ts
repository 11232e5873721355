// Script-tag entry: rollup wraps these exports as the `window.Huoti` global (IIFE).
// It also registers <huoti-liveness> and takes the asset base from its own <script data-asset-base>.
import { HuotiLiveness } from './liveness/huoti-liveness.component.js';
import './define.js';

/**
 * `data-asset-base` of the `<script>` that loaded this bundle. `document.currentScript` is only
 * set while a classic script first runs, so this must be read at load time.
 */
function scriptAssetBase(): string | null {
  if (typeof document === 'undefined') return null;
  const script = document.currentScript;
  const value = script instanceof HTMLScriptElement ? script.dataset['assetBase'] : undefined;
  return value ? new URL(value, script instanceof HTMLScriptElement && script.src ? script.src : document.baseURI).href : null;
}

const assetBase = scriptAssetBase();
if (assetBase !== null) HuotiLiveness.defaultAssetBase = assetBase;

export { VERSION as version } from './version.js';
export { HuotiLiveness };
export * as liveness from '@huoti/liveness';
export * as eligibility from '@huoti/eligibility';
