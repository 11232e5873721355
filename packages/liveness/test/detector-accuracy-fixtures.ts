import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MouthSample } from '../src/audio/mouth-sample.js';
import { parseBlinkAnnotations, type BlinkAnnotation } from '../src/challenges/blink-annotation.js';
import type { BlinkTrace } from '../src/challenges/evaluate-blink-detector.js';
import { loadRecordedTraces } from './traces/recorded-traces.js';

// Loaders of the real fixture data behind the accuracy and read-digits tests: the recorded metric
// traces of the annotated clips (traces/README.md), the hand annotations and the GRID audio with
// its word alignment, all from `../shared/fixtures` (read-only, never copied into the repo).

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES_DIR = join(process.env.HUOTI_SHARED_DIR ?? join(REPO_ROOT, '..', 'shared'), 'fixtures');
const GRID_SAMPLE_RATE_HZ = 16_000;
/** GRID alignment units: 1/25000 s. */
const ALIGN_UNITS_PER_MS = 25;
const DIGIT_WORDS = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine']);

function requireFixture(relativePath: string): string {
  const path = join(FIXTURES_DIR, relativePath);
  if (!existsSync(path)) throw new Error(`${path} not found. Set HUOTI_SHARED_DIR to the shared folder that holds fixtures/.`);
  return path;
}

/** A text file of the shared fixtures, e.g. `annotations/blinks.tsv`. */
export const readFixtureText = (relativePath: string): string => readFileSync(requireFixture(relativePath), 'utf8');

/** The hand annotations (`annotations/blinks.tsv`), times in ms. */
export const loadAnnotations = (): BlinkAnnotation[] => parseBlinkAnnotations(readFixtureText('annotations/blinks.tsv'));

/** The span of each annotated clip that was checked (`annotations/blink_counts.tsv`), in ms. */
export function loadCheckedSpans(): Map<string, readonly [number, number]> {
  const [header, ...rows] = readFixtureText('annotations/blink_counts.tsv').trim().split(/\r?\n/);
  const columns = (header ?? '').split('\t');
  const spans = new Map<string, readonly [number, number]>();
  for (const row of rows) {
    const cells = row.split('\t');
    const [from, to] = (cells[columns.indexOf('checked_span_s')] ?? '').split('-').map((s) => Math.round(Number(s) * 1000));
    spans.set(cells[columns.indexOf('file')] ?? '', [from ?? 0, to ?? 0]);
  }
  return spans;
}


/** The recorded metric traces of the 14 annotated clips, with their checked spans. */
export function loadAnnotatedTraces(eyeRefinement: 'iris' | 'mesh'): BlinkTrace[] {
  const spans = loadCheckedSpans();
  return loadRecordedTraces(`blink-traces.${eyeRefinement}.json.gz`).map(({ clip, samples }) => ({ clip, checkedSpanMs: spans.get(clip), samples }));
}

/** One GRID clip: its audio, its digit word's aligned span and its recorded mouth trace. */
export interface GridClip {
  /** For example `grid_bbaf2n`. */
  readonly id: string;
  /** 16 kHz mono PCM, −1…1, clip time 0 at index 0. */
  readonly pcm: Float32Array;
  readonly digitWord: string;
  /** The digit word's aligned span, in ms of clip time. */
  readonly digitStartMs: number;
  readonly digitEndMs: number;
  /** Whether the alignment is GRID's own (`.align`) or estimated (`.est.align`). */
  readonly isOfficialAlignment: boolean;
  /** MAR per video frame (iris trace), on the same clip clock. */
  readonly mouthSamples: readonly MouthSample[];
}

export const GRID_SAMPLES_PER_MS = GRID_SAMPLE_RATE_HZ / 1000;

/** Reads a 16-bit PCM mono 16 kHz WAV into −1…1 floats; throws on any other format. */
export function readGridWav(path: string): Float32Array {
  const bytes = readFileSync(path);
  if (bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${path}: not a WAV file`);
  let offset = 12;
  let format: { channels: number; rate: number; bits: number } | null = null;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') format = { channels: bytes.readUInt16LE(body + 2), rate: bytes.readUInt32LE(body + 4), bits: bytes.readUInt16LE(body + 14) };
    if (id === 'data') {
      if (!format || format.channels !== 1 || format.rate !== GRID_SAMPLE_RATE_HZ || format.bits !== 16) {
        throw new Error(`${path}: expected 16 kHz mono 16-bit PCM, got ${JSON.stringify(format)}`);
      }
      const pcm = new Float32Array(Math.floor(Math.min(size, bytes.length - body) / 2));
      for (let i = 0; i < pcm.length; i++) pcm[i] = bytes.readInt16LE(body + 2 * i) / 32768;
      return pcm;
    }
    offset = body + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

/** The 11 GRID clips with audio, digit alignment and the recorded MAR trace. */
export function loadGridClips(): GridClip[] {
  const dir = requireFixture('grid');
  const files = readdirSync(dir);
  const traces = new Map(loadAnnotatedTraces('iris').map((t) => [t.clip, t]));
  const clips = files
    .filter((f) => f.endsWith('.wav'))
    .sort()
    .map((wav) => {
      const id = wav.slice(0, -'.wav'.length);
      const official = files.includes(`${id}.align`);
      const alignFile = official ? `${id}.align` : `${id}.est.align`;
      if (!files.includes(alignFile)) throw new Error(`${id}: no .align or .est.align next to the wav`);
      const words = readFileSync(join(dir, alignFile), 'utf8')
        .split(/\r?\n/)
        .map((line) => line.trim().split(/\s+/))
        .filter((parts) => parts.length === 3)
        .map(([start, end, word]) => ({ startMs: Number(start) / ALIGN_UNITS_PER_MS, endMs: Number(end) / ALIGN_UNITS_PER_MS, word: word ?? '' }));
      const digit = words.find((w) => DIGIT_WORDS.has(w.word));
      if (!digit) throw new Error(`${alignFile}: no digit word`);
      const trace = traces.get(`grid/${id}.mp4`);
      if (!trace) throw new Error(`no recorded trace of grid/${id}.mp4 in traces/blink-traces.iris.json.gz`);
      return {
        id,
        pcm: readGridWav(join(dir, wav)),
        digitWord: digit.word,
        digitStartMs: digit.startMs,
        digitEndMs: digit.endMs,
        isOfficialAlignment: official,
        mouthSamples: trace.samples.map((s) => ({ timestampMs: s.timestampMs, mouthAspectRatio: s.mouthAspectRatio })),
      };
    });
  if (clips.length !== 11) throw new Error(`expected the 11 GRID clips in ${dir}, found ${clips.length}`);
  return clips;
}
