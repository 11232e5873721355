import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One scenario of the shared vectors file, kept untyped: tests pass it verbatim. */
export interface SharedScenario {
  readonly id: string;
  readonly kind: 'eligibility' | 'proxyBinding';
  readonly description: string;
  readonly profile: Record<string, unknown>;
  readonly facts: Record<string, unknown>;
  readonly expected: Record<string, unknown>;
}

/** One ID-number vector of the shared file. */
export interface SharedIdVector {
  readonly id: string;
  readonly input: string;
  readonly expected: Record<string, unknown>;
  readonly options?: Record<string, unknown>;
}

/** The parts of `certification-vectors.json` the tests use. */
export interface SharedVectors {
  readonly conventions: { readonly idErrorOrder: string; readonly channels: readonly string[] };
  readonly profiles: Record<string, Record<string, unknown>>;
  readonly scenarios: readonly SharedScenario[];
  readonly idNumbers: {
    readonly referenceDate: string;
    readonly defaultOptions: Record<string, unknown>;
    readonly vectors: readonly SharedIdVector[];
  };
}

/**
 * Path of the shared vectors file: `$HUOTI_SHARED_DIR/docs/certification-vectors.json` (or directly in
 * `$HUOTI_SHARED_DIR`), else `../shared/docs/` next to the repository root.
 */
export function sharedVectorsPath(): string {
  const override = process.env['HUOTI_SHARED_DIR'];
  if (override !== undefined && override !== '') {
    const nested = join(override, 'docs', 'certification-vectors.json');
    return existsSync(nested) ? nested : join(override, 'certification-vectors.json');
  }
  return fileURLToPath(new URL('../../../../shared/docs/certification-vectors.json', import.meta.url));
}

/** Reads the shared vectors; throws (failing the suite, never skipping it) when the file is missing. */
export function loadSharedVectors(): SharedVectors {
  const path = sharedVectorsPath();
  if (!existsSync(path)) {
    throw new Error(
      `Shared certification vectors not found at ${path}. Check out the shared docs next to the repository ` +
        '(../shared/docs/certification-vectors.json) or set HUOTI_SHARED_DIR to the shared directory.',
    );
  }
  return JSON.parse(readFileSync(path, 'utf8')) as SharedVectors;
}
