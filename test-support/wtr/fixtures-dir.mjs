// Where the shared, read-only fixtures live: `../shared/fixtures` beside the repo, or $HUOTI_SHARED_DIR/fixtures.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = resolve(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
export const fixturesDir = join(sharedDir, 'fixtures');

/** Absolute path of a fixture; throws a clear error when it is missing (tests must never skip). */
export function fixturePath(relativePath) {
  const absolute = resolve(fixturesDir, relativePath);
  if (!absolute.startsWith(fixturesDir + '/')) throw new Error(`fixture path escapes the fixtures folder: ${relativePath}`);
  if (!existsSync(absolute)) {
    throw new Error(
      `Missing test fixture: ${absolute}\n` +
        `The browser tests read real footage from ../shared/fixtures (see its README.md and MANIFEST.tsv).\n` +
        `Set HUOTI_SHARED_DIR to the folder that holds fixtures/ if it lives elsewhere.`,
    );
  }
  return absolute;
}
