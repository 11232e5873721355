// What the browser benchmarks share (run-benchmark.mjs, evaluate-face-match.mjs --browser): an
// esbuild browser bundle with face-landmarks-detection's @mediapipe imports and tfjs's Node
// built-ins stubbed, a static server for the bundles and the repository's files, and the Debian
// Chromium with SwiftShader WebGL. Benchmarks only: tests go through web-test-runner.
import { readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where the benchmarks write their bundles and results; served under `/bench/`. */
export const benchOutDir = join(repoRoot, '.cache/bench');

const MIME_TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.html': 'text/html',
  '.bin': 'application/octet-stream',
  '.map': 'application/json',
};

/** Bundles `entry` for the browser into `outfile`; `alias` maps import specifiers to files. */
export async function bundleForBrowser({ entry, outfile, alias = {} }) {
  await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outfile,
    nodePaths: [join(repoRoot, 'packages/liveness/node_modules')],
    alias,
    plugins: [
      {
        name: 'stubs',
        setup(build) {
          build.onResolve({ filter: /^@mediapipe\// }, () => ({ path: 'mediapipe', namespace: 'stub' }));
          build.onResolve({ filter: /^(fs|path|os|crypto|util|worker_threads|perf_hooks)$/ }, () => ({ path: 'node-builtin', namespace: 'stub' }));
          build.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export class FaceMesh {}; export class FaceDetection {}; export default {};' }));
        },
      },
    ],
    logLevel: 'warning',
  });
}

/** Serves `/bench/*` from {@link benchOutDir} and everything else from the repository; resolves to its origin and a close function. */
export async function serveBenchFiles() {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^\/+/, '');
    const file = path.startsWith('bench/') ? join(benchOutDir, path.slice('bench/'.length)) : join(repoRoot, path);
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

/** Headless Debian Chromium (`CHROME_PATH` overrides) with SwiftShader WebGL, plus `args`. */
export function launchBenchChromium({ protocolTimeout, args = [] }) {
  // puppeteer-core comes with @web/test-runner-chrome (pnpm keeps it in that package's own node_modules).
  const puppeteer = createRequire(realpathSync(join(repoRoot, 'node_modules/@web/test-runner-chrome/package.json')))('puppeteer-core');
  return puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    protocolTimeout,
    args: ['--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...args],
  });
}
