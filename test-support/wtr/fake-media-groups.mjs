// Reads each browser test file's `declareFakeMedia({...})` call and makes one web-test-runner
// group per distinct declaration, each with a Chromium launched on that footage.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cameraFile, microphoneFile } from './fake-media-files.mjs';
import { repoRoot } from './fixtures-dir.mjs';

const DECLARATION = /declareFakeMedia\(\s*\{([^}]*)\}\s*\)/g;
const PROPERTY = /(\w+)\s*:\s*(?:'([^']*)'|"([^"]*)"|(\d+))/g;
const KNOWN_KEYS = new Set(['camera', 'cameraSize', 'cameraFps', 'microphone', 'permission', 'cameraCount', 'webgl', 'autoplay', 'microphoneKeepOnly']);

/** Parses the single static declaration of a test file; `null` when the file has none. */
export function readDeclaration(file) {
  const source = readFileSync(file, 'utf8');
  const calls = [...source.matchAll(DECLARATION)];
  if (calls.length === 0) return null;
  if (calls.length > 1) throw new Error(`${file}: declareFakeMedia may be called once per test file`);
  const declaration = {};
  for (const [, key, single, double, number] of calls[0][1].matchAll(PROPERTY)) {
    if (!KNOWN_KEYS.has(key)) throw new Error(`${file}: unknown declareFakeMedia key "${key}"`);
    declaration[key] = number !== undefined ? Number(number) : (single ?? double);
  }
  if (!declaration.camera) throw new Error(`${file}: declareFakeMedia needs a string-literal "camera"`);
  return declaration;
}

/**
 * Chromium flags that make getUserMedia deliver the declared footage (and switch WebGL off, or
 * enforce the autoplay policy, if asked).
 */
export function fakeMediaFlags(declaration) {
  // After the config's default --autoplay-policy=no-user-gesture-required: the last one wins.
  if (declaration?.autoplay === 'document-user-activation-required') {
    return [...fakeMediaFlags({ ...declaration, autoplay: undefined }), '--autoplay-policy=document-user-activation-required'];
  }
  if (declaration?.autoplay !== undefined) throw new Error(`autoplay may only be 'document-user-activation-required', got '${declaration.autoplay}'`);
  // --disable-webgl and --disable-3d-apis leave OffscreenCanvas WebGL working (Chromium 156, checked in
  // a page and in a worker); without a GPU process and without software rasterising there is none.
  if (declaration?.webgl === 'off') return ['--disable-gpu', '--disable-software-rasterizer', ...cameraFlags({ ...declaration, webgl: undefined })];
  if (declaration?.webgl !== undefined) throw new Error(`webgl may only be 'off', got '${declaration.webgl}'`);
  return cameraFlags(declaration);
}

function cameraFlags(declaration) {
  if (!declaration) return ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
  const permissionFlags = declaration.permission === 'denied' ? ['--deny-permission-prompts'] : ['--use-fake-ui-for-media-stream'];
  if (declaration.camera === 'none') return permissionFlags;
  if (declaration.camera === 'synthetic') {
    // Chromium's own test pattern; only it can offer several cameras (a file feeds exactly one).
    const count = declaration.cameraCount ?? 1;
    return [...permissionFlags, count > 1 ? `--use-fake-device-for-media-stream=device-count=${count}` : '--use-fake-device-for-media-stream'];
  }
  if (declaration.cameraCount !== undefined && declaration.cameraCount !== 1) {
    throw new Error(`cameraCount needs camera: 'synthetic' (Chromium's file capture offers exactly one camera), got camera: '${declaration.camera}'`);
  }
  return [
    ...permissionFlags,
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${cameraFile(declaration)}`,
    `--use-file-for-fake-audio-capture=${microphoneFile(declaration)}`,
  ];
}

/** Every `*.browser.test.ts` under `packages/<name>/test/`, repo-relative and sorted. */
export function browserTestFiles() {
  const packagesDir = join(repoRoot, 'packages');
  return readdirSync(packagesDir)
    .flatMap((name) => {
      try {
        return readdirSync(join(packagesDir, name, 'test'), { recursive: true }).map((file) => join('packages', name, 'test', String(file)));
      } catch (error) {
        if (error.code === 'ENOENT') return []; // a package without tests yet
        throw error;
      }
    })
    .filter((file) => file.endsWith('.browser.test.ts'))
    .sort();
}

/**
 * Groups test files by declaration. `makeBrowser(flags)` creates a launcher with extra flags.
 * `filters`: keep only files whose path contains one of these strings (empty: all).
 */
export function fakeMediaGroups(filters, makeBrowser) {
  const files = browserTestFiles().filter((file) => filters.length === 0 || filters.some((filter) => file.includes(filter)));
  if (files.length === 0) throw new Error(`no browser test files match ${filters.join(', ')}`);
  const byKey = new Map();
  for (const file of files) {
    const declaration = readDeclaration(join(repoRoot, file));
    const key = JSON.stringify(declaration);
    if (!byKey.has(key)) byKey.set(key, { declaration, files: [] });
    byKey.get(key).files.push(file);
  }
  return [...byKey.values()].map(({ declaration, files: groupFiles }, index) => ({
    name: declaration ? `fake-media-${index}-${declaration.camera.replace(/[^\w.-]+/g, '_')}` : `synthetic-camera-${index}`,
    files: groupFiles,
    browsers: [makeBrowser(fakeMediaFlags(declaration))],
  }));
}
