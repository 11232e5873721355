// docs/api is the committed API reference (TypeDoc + typedoc-plugin-markdown, typedoc.json). This
// regenerates it into a temporary folder and fails when the committed copy differs: a change to a
// public export must come with `pnpm docs:api`.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const committedDir = join(root, 'docs/api');
/** One page per public entry point of each package (typedoc.json `packageOptions.entryPoints`). */
const ENTRY_POINT_PAGES = [
  '@huoti/eligibility.md',
  '@huoti/elements.md',
  '@huoti/verify/index.md',
  '@huoti/verify/face-match.md',
  '@huoti/liveness/index.md',
  '@huoti/liveness/protocol.md',
  '@huoti/liveness/face-match.md',
];

async function readTree(dir) {
  const files = new Map();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? entry.path, entry.name);
    files.set(relative(dir, path), await readFile(path, 'utf8'));
  }
  return files;
}

describe('docs/api', () => {
  let outDir;
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('is what `pnpm docs:api` generates from the current sources', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'huoti-api-'));
    const typedoc = join(root, 'node_modules/typedoc/bin/typedoc');
    await promisify(execFile)(process.execPath, [typedoc, '--out', outDir, '--logLevel', 'Error'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const [generated, committed] = await Promise.all([readTree(outDir), readTree(committedDir)]);

    for (const page of ENTRY_POINT_PAGES) expect(generated.has(page), `${page} is generated`).toBe(true);
    expect([...committed.keys()].sort(), 'docs/api has the generated pages (run `pnpm docs:api`)').toEqual([...generated.keys()].sort());
    const stale = [...generated].filter(([path, text]) => committed.get(path) !== text).map(([path]) => path);
    expect(stale, 'these docs/api pages are stale: run `pnpm docs:api` and commit docs/api').toEqual([]);
  }, 180_000);
});
