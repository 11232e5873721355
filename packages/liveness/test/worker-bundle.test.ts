import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_ASSET_NAMES } from '../src/index.js';

// The built worker must load as a module worker under CSP `script-src 'self' 'wasm-unsafe-eval'`
// on any static host: one self-contained file, no eval, and every asset it needs in dist/assets.
const dist = new URL('../dist/', import.meta.url);
const workerSource = (): string => readFileSync(new URL('worker.js', dist), 'utf8');

describe('built worker bundle', () => {
  it('has no import statements left (Node built-ins included): a browser could not resolve them', () => {
    expect(workerSource().match(/^\s*import\s.+from\s+['"][^'"]+['"];?$/gm) ?? []).toEqual([]);
    expect(workerSource()).not.toMatch(/\bimport\(\s*['"]/);
  });

  it('contains no eval or new Function', () => {
    const source = workerSource();
    expect(source).not.toMatch(/\bnew Function\s*\(/);
    expect(source).not.toMatch(/(^|[^.\w$])eval\s*\(/m);
  });

  it('ships exactly the model graphs and tfjs .wasm files in dist/assets', () => {
    const assets = readdirSync(new URL('assets/', dist), { recursive: true }).map(String).sort();
    const models = Object.values(MODEL_ASSET_NAMES).flatMap((json) => [json, json.replace(/\.json$/, '.bin')]);
    const wasm = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
    expect(assets).toEqual(['models', ...models, ...wasm].sort());
    for (const json of Object.values(MODEL_ASSET_NAMES)) {
      const model = JSON.parse(readFileSync(new URL(`assets/${json}`, dist), 'utf8')) as { weightsManifest: { paths: string[] }[] };
      expect(model.weightsManifest.flatMap((group) => group.paths)).toEqual([json.replace(/^models\//, '').replace(/\.json$/, '.bin')]);
    }
  });
});
