// Script-tag entry: rollup wraps these exports as the `window.Huoti` global (IIFE).
export { VERSION as version } from './version.js';
export * as liveness from '@huoti/liveness';
export * as eligibility from '@huoti/eligibility';
