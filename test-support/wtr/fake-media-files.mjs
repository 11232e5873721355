// Converts fixtures into the files Chromium's fake capture devices read: `.y4m` for the camera,
// 16-bit PCM `.wav` for the microphone. Converted once into .cache/fake-media and reused.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fixturePath, repoRoot } from './fixtures-dir.mjs';

export const cacheDir = join(repoRoot, '.cache', 'fake-media');

/** The fake microphone's sample rate; Chromium resamples to the capture rate. */
const MICROPHONE_SAMPLE_RATE_HZ = 48_000;

function requireFfmpeg() {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  } catch {
    throw new Error('ffmpeg is not installed: the fake-camera harness needs it (apt-get install ffmpeg; scripts/setup.sh does this).');
  }
}

function cacheFile(source, options, extension) {
  const { size, mtimeMs } = statSync(source);
  const key = createHash('sha256').update(JSON.stringify({ source, size, mtimeMs, options })).digest('hex').slice(0, 12);
  return join(cacheDir, `${basename(source).replace(/\.[^.]+$/, '')}-${key}.${extension}`);
}

function convertOnce(target, ffmpegArgs) {
  if (existsSync(target)) return target;
  requireFfmpeg();
  mkdirSync(cacheDir, { recursive: true });
  const partial = `${target}.partial.${process.pid}${target.slice(target.lastIndexOf('.'))}`;
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...ffmpegArgs, partial], { stdio: 'inherit' });
  renameSync(partial, target); // atomic: a concurrent run never reads half a file
  return target;
}

/** ffmpeg video filter for a declaration's size and frame rate. */
function videoFilter({ cameraSize, cameraFps }) {
  const filters = [];
  if (cameraSize) {
    const [width, height] = cameraSize.split('x').map(Number);
    if (!width || !height) throw new Error(`cameraSize must look like 640x480, got ${cameraSize}`);
    filters.push(`scale=${width}:${height}:force_original_aspect_ratio=decrease`, `pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2`);
  }
  if (cameraFps) filters.push(`fps=${cameraFps}`);
  return filters;
}

/** The `.y4m` that feeds the fake camera for a declaration. */
export function cameraFile(declaration) {
  const source = fixturePath(declaration.camera);
  const filters = videoFilter(declaration);
  const target = cacheFile(source, { filters }, 'y4m');
  return convertOnce(target, ['-i', source, ...(filters.length ? ['-vf', filters.join(',')] : []), '-pix_fmt', 'yuv420p', '-an']);
}

function hasAudio(source) {
  const streams = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a', '-show_entries', 'stream=index', '-of', 'csv=p=0', source], {
    encoding: 'utf8',
  });
  return streams.trim().length > 0;
}

/**
 * ffmpeg audio filter for `microphoneKeepOnly: 'A-B'` (seconds): silences everything outside
 * [A, B] without changing the length, so the fake microphone still loops with the file's period.
 */
function keepOnlyFilter({ microphoneKeepOnly }) {
  if (microphoneKeepOnly === undefined) return [];
  const match = /^(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$/.exec(microphoneKeepOnly);
  if (!match || !(Number(match[1]) < Number(match[2]))) throw new Error(`microphoneKeepOnly must look like 1.59-1.94 (seconds, start < end), got ${microphoneKeepOnly}`);
  // Per sample: the `volume` filter's `enable=` is evaluated per decoded frame (64 ms here), which moves the edges.
  return ['-af', `aeval='val(0)*between(t,${match[1]},${match[2]})':c=same`];
}

/** The `.wav` that feeds the fake microphone: the declared file, the camera's own audio, or silence. */
export function microphoneFile(declaration) {
  const source = fixturePath(declaration.microphone ?? declaration.camera);
  const audioArgs = ['-ac', '1', '-ar', String(MICROPHONE_SAMPLE_RATE_HZ), '-c:a', 'pcm_s16le'];
  requireFfmpeg();
  if (declaration.microphone || hasAudio(source)) {
    const filterArgs = keepOnlyFilter(declaration);
    const options = filterArgs.length ? { audioArgs, filterArgs } : { audioArgs }; // unchanged cache keys without the option
    return convertOnce(cacheFile(source, options, 'wav'), ['-i', source, '-vn', ...filterArgs, ...audioArgs]);
  }
  if (declaration.microphoneKeepOnly !== undefined) throw new Error(`microphoneKeepOnly needs audio, but ${declaration.camera} has none and no microphone is declared`);
  const seconds = Number(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', source], { encoding: 'utf8' }));
  return convertOnce(cacheFile(source, { audioArgs, silence: seconds }, 'wav'), [
    '-f', 'lavfi', '-i', `anullsrc=r=${MICROPHONE_SAMPLE_RATE_HZ}:cl=mono`, '-t', String(seconds), ...audioArgs,
  ]);
}

/**
 * Raw RGB thumbnails of every frame of a declaration's `.y4m`, decoded by ffmpeg with the BT.709
 * matrix Chromium uses for its fake camera (BT.601 leaves a 5-level colour cast).
 */
export function cameraThumbnails(declaration, width, height) {
  const y4m = cameraFile(declaration);
  const raw = execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-i', y4m, '-vf', `scale=${width}:${height}:flags=area:in_color_matrix=bt709`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], {
    maxBuffer: 1 << 30,
  });
  const frameBytes = width * height * 3;
  const frames = [];
  for (let offset = 0; offset + frameBytes <= raw.length; offset += frameBytes) frames.push(Array.from(raw.subarray(offset, offset + frameBytes)));
  return { width, height, frames };
}
