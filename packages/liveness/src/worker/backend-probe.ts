import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { BackendName, BackendPreference } from '../config/backend-preference.js';
import type { CapabilityFallback } from '../engine/engine-capabilities.js';
import { HuotiError } from '../errors/huoti-error.js';

/** Renderer strings of software WebGL: slower than wasm SIMD on the same CPU. */
export const SOFTWARE_WEBGL_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|lavapipe/i;

const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** What the probe chose. */
export interface BackendProbeResult {
  readonly backend: BackendName;
  readonly fallbacks: CapabilityFallback[];
  readonly webglRenderer?: string;
  readonly hasWasmSimd?: boolean;
  readonly hasOffscreenCanvas: boolean;
}

function webglRenderer(): string | null {
  const canvas = new OffscreenCanvas(1, 1);
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

async function trySetBackend(name: BackendName): Promise<string | null> {
  try {
    if (!(await tf.setBackend(name))) return 'initialisation failed';
    await tf.ready();
    // A backend can initialise and still fail on its first kernel (e.g. a lost GPU context).
    const sum = tf.add(tf.scalar(1), tf.scalar(2));
    const value = (await sum.data())[0];
    sum.dispose();
    return value === 3 ? null : `self-test returned ${String(value)}`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Picks and initialises a tfjs backend in the worker, recording why each earlier one was skipped.
 *
 * @throws {HuotiError} `BACKEND_UNAVAILABLE` when none works.
 */
export async function probeBackend(
  requested: BackendPreference,
  wasmBaseUrl: string,
  shouldAllowSoftwareWebgl: boolean,
): Promise<BackendProbeResult> {
  const hasOffscreenCanvas = typeof OffscreenCanvas !== 'undefined';
  const start = requested === 'auto' ? 0 : BACKEND_ORDER.indexOf(requested);
  const fallbacks: CapabilityFallback[] = [];
  let renderer: string | undefined;
  for (const name of BACKEND_ORDER.slice(start)) {
    if (name === 'webgl') {
      if (!hasOffscreenCanvas) {
        fallbacks.push({ skipped: 'webgl', reason: 'no OffscreenCanvas in this worker' });
        continue;
      }
      const found = webglRenderer();
      if (found === null) {
        fallbacks.push({ skipped: 'webgl', reason: 'no WebGL context in this worker' });
        continue;
      }
      renderer = found;
      if (requested === 'auto' && !shouldAllowSoftwareWebgl && SOFTWARE_WEBGL_RENDERER.test(found)) {
        fallbacks.push({ skipped: 'webgl', reason: `software renderer: ${found}` });
        continue;
      }
    }
    if (name === 'wasm') setWasmPaths(wasmBaseUrl);
    const failure = await trySetBackend(name);
    if (failure !== null) {
      fallbacks.push({ skipped: name, reason: failure });
      continue;
    }
    const hasWasmSimd = name === 'wasm' ? Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) : undefined;
    return {
      backend: name,
      fallbacks,
      hasOffscreenCanvas,
      ...(renderer === undefined ? {} : { webglRenderer: renderer }),
      ...(hasWasmSimd === undefined ? {} : { hasWasmSimd }),
    };
  }
  throw new HuotiError('BACKEND_UNAVAILABLE', `no tfjs backend works here: ${fallbacks.map((f) => `${f.skipped}: ${f.reason}`).join('; ')}`);
}
