// Real-Chromium tests. Each test file may declare the footage that feeds its fake camera and
// microphone (see test-support/fake-media.ts); files sharing a declaration share a browser.
// HUOTI_BROWSER_TESTS=part1,part2 runs only files whose path contains one of the parts.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { assetOriginsPlugin } from './test-support/wtr/asset-origins.mjs';
import { cspPortalCommand } from './test-support/wtr/csp-portal-command.mjs';
import { exampleBackendMiddleware } from './test-support/wtr/example-backend.mjs';
import { cameraThumbnails } from './test-support/wtr/fake-media-files.mjs';
import { fakeMediaGroups } from './test-support/wtr/fake-media-groups.mjs';
import { fixturePath, repoRoot } from './test-support/wtr/fixtures-dir.mjs';
import { resultsFileReporter } from './test-support/wtr/results-file-reporter.mjs';
import { screenshotCommand } from './test-support/wtr/screenshot-command.mjs';

const CHROMIUM_FLAGS = [
  '--no-sandbox', // we run as root
  '--disable-background-networking', // the machine's network is closed: no update or sync pings
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-gl=angle', // WebGL through SwiftShader: a software GPU that behaves the same on every machine
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--autoplay-policy=no-user-gesture-required',
];

const makeBrowser = (extraFlags) =>
  chromeLauncher({
    launchOptions: {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [...CHROMIUM_FLAGS, ...extraFlags],
    },
  });

// tfjs's per-file ESM imports CommonJS files (seedrandom, long, emscripten glue) that an
// unbundled dev server cannot serve as ESM: tests that import tfjs get its flat ESM bundles.
const TFJS_FLAT_BUNDLES = {
  '@tensorflow/tfjs-core': '/node_modules/@tensorflow/tfjs-core/dist/tf-core.fesm.js',
  '@tensorflow/tfjs-backend-wasm': '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js',
  '@tensorflow/tfjs-backend-webgl': '/node_modules/@tensorflow/tfjs-backend-webgl/dist/tf-backend-webgl.fesm.js',
  '@tensorflow/tfjs-backend-cpu': '/node_modules/@tensorflow/tfjs-backend-cpu/dist/tf-backend-cpu.fesm.js',
};
const NODE_BUILTINS = new Set(['fs', 'path', 'os', 'perf_hooks', 'worker_threads', 'crypto', 'util']);
const EMPTY_MODULE = '/__huoti/empty-node-builtin.js';

const CONTENT_TYPES = { '.tsv': 'text/tab-separated-values', '.json': 'json', '.jpg': 'image/jpeg', '.wav': 'audio/wav', '.mp4': 'video/mp4', '.md': 'text/markdown' };

/** Serves fixtures read-only and the ffmpeg thumbnails of fake-camera footage. */
const huotiTestRoutes = {
  name: 'huoti-test-routes',
  resolveImport({ source }) {
    if (NODE_BUILTINS.has(source)) return EMPTY_MODULE;
    return TFJS_FLAT_BUNDLES[source];
  },
  async serve(context) {
    if (context.path === EMPTY_MODULE) return { body: 'export default {};', type: 'js' };
    if (context.path.startsWith('/__huoti/fixtures/')) {
      const relativePath = decodeURIComponent(context.path.slice('/__huoti/fixtures/'.length));
      const extension = extname(relativePath);
      return { body: await readFile(fixturePath(relativePath)), type: CONTENT_TYPES[extension] ?? 'application/octet-stream' };
    }
    if (context.path === '/__huoti/fake-camera-thumbnails') {
      const query = context.URL.searchParams;
      const declaration = {
        camera: query.get('camera'),
        cameraSize: query.get('cameraSize') ?? undefined,
        cameraFps: query.get('cameraFps') ? Number(query.get('cameraFps')) : undefined,
      };
      const thumbnails = cameraThumbnails(declaration, Number(query.get('width')), Number(query.get('height')));
      return { body: JSON.stringify(thumbnails), type: 'json' };
    }
    return undefined;
  },
};

const filters = (process.env.HUOTI_BROWSER_TESTS ?? '').split(',').filter(Boolean);

export default {
  rootDir: '.',
  nodeResolve: { browser: true, exportConditions: ['browser'] },
  groups: fakeMediaGroups(filters, makeBrowser),
  middleware: [exampleBackendMiddleware()],
  reporters: [defaultReporter(), resultsFileReporter(`${repoRoot}/.cache/results/browser.json`)],
  plugins: [huotiTestRoutes, assetOriginsPlugin(), cspPortalCommand(), screenshotCommand(), esbuildPlugin({ ts: true, target: 'es2022' })],
  // One browser at a time on 2 cores: model inference timing stays close to what users see.
  concurrentBrowsers: Number(process.env.HUOTI_CONCURRENT_BROWSERS ?? 1),
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 600_000,
  testFramework: { config: { timeout: 60_000 } },
};
