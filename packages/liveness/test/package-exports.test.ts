import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Imports each built package by its name, through its `exports` map, as a consumer would.
// `@huoti/elements` and the liveness client need a browser; their imports are checked in
// packages/elements/test/cdn-bundle.browser.test.ts and packages/liveness/test/worker-start.browser.test.ts.
const packageJson = (name: string): { version: string; exports: Record<string, unknown>; sideEffects: unknown } =>
  JSON.parse(readFileSync(new URL(`../../${name}/package.json`, import.meta.url), 'utf8'));

describe('built packages import by name', () => {
  it('@huoti/eligibility exports its version', async () => {
    const eligibility = await import('@huoti/eligibility');
    expect(eligibility.VERSION).toBe(packageJson('eligibility').version);
  });

  it('@huoti/verify exports its version under the node condition', async () => {
    const verify = await import('@huoti/verify');
    expect(verify.VERSION).toBe(packageJson('verify').version);
  });

  it('@huoti/liveness exports HuotiError with stable codes and bilingual text', async () => {
    const liveness = await import('@huoti/liveness');
    expect(liveness.VERSION).toBe(packageJson('liveness').version);
    const error = new liveness.HuotiError('WORKER_CRASHED');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('WORKER_CRASHED');
    expect(error.localized['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(liveness.HuotiError.fromSerialized(error.toJSON())).toMatchObject({ code: 'WORKER_CRASHED', message: error.message });
  });
});

// Subpaths that run only in a browser or a worker; the browser tests import those.
const BROWSER_ONLY_SUBPATHS = new Set(['@huoti/elements', '@huoti/liveness/worker.js', '@huoti/elements/cdn/huoti.min.js']);

describe('every public subpath resolves and loads in Node', () => {
  for (const name of ['liveness', 'elements', 'eligibility', 'verify']) {
    for (const subpath of Object.keys(packageJson(name).exports)) {
      if (subpath === './package.json') continue;
      const specifier = `@huoti/${name}${subpath.slice(1)}`;
      if (BROWSER_ONLY_SUBPATHS.has(specifier)) continue;
      it(`import('${specifier}')`, async () => {
        const module: Record<string, unknown> = await import(specifier);
        expect(typeof module).toBe('object');
        expect(createRequire(import.meta.url).resolve(specifier)).toMatch(new RegExp(`/packages/${name}/dist/`));
      });
    }
  }
});

describe('exports maps', () => {
  for (const name of ['liveness', 'elements', 'eligibility', 'verify']) {
    it(`@huoti/${name} lists "types" first and has a "default" or "node" target last`, () => {
      const { exports } = packageJson(name);
      for (const [subpath, target] of Object.entries(exports)) {
        if (typeof target === 'string') continue;
        const conditions = Object.keys(target as Record<string, string>);
        if (conditions.includes('types')) expect(conditions[0], subpath).toBe('types');
        expect(['default', 'node'], subpath).toContain(conditions.at(-1));
      }
    });
  }

  it('only @huoti/elements declares side effects: its define entry and its script-tag bundle', () => {
    expect(packageJson('liveness').sideEffects).toBe(false);
    expect(packageJson('eligibility').sideEffects).toBe(false);
    expect(packageJson('verify').sideEffects).toBe(false);
    expect(packageJson('elements').sideEffects).toEqual(['./dist/define.js', './dist/cdn/*']);
  });
});
