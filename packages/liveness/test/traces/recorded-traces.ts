import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { MetricSample } from '../../src/challenges/metric-sample.js';
import { sampleFromTraceRow, type TraceRow } from './trace-row.js';

/** One clip of a recorded trace file (README.md in this folder), decoded into detector samples. */
export interface RecordedClip {
  /** The fixture path, relative to `fixtures/`. */
  readonly clip: string;
  readonly samples: MetricSample[];
}

interface TraceFile {
  readonly clips: readonly { readonly clip: string; readonly rows: readonly TraceRow[] }[];
}

/** Reads one of this folder's `.json.gz` trace files, e.g. `blink-traces.iris.json.gz`. */
export function loadRecordedTraces(fileName: string): RecordedClip[] {
  const file = JSON.parse(gunzipSync(readFileSync(new URL(`./${fileName}`, import.meta.url))).toString('utf8')) as TraceFile;
  return file.clips.map(({ clip, rows }) => ({ clip, samples: rows.map(sampleFromTraceRow) }));
}

/** The same, keyed by clip. */
export const loadRecordedTracesByClip = (fileName: string): Map<string, MetricSample[]> =>
  new Map(loadRecordedTraces(fileName).map(({ clip, samples }) => [clip, samples]));

/** Plays `samples` over and over until `durationMs`, as Chromium's fake camera loops a file. */
export function looped(samples: readonly MetricSample[], durationMs: number): MetricSample[] {
  const first = samples[0]?.timestampMs ?? 0;
  const last = samples.at(-1)?.timestampMs ?? 0;
  const periodMs = last - first + (samples.length > 1 ? (last - first) / (samples.length - 1) : 40);
  const out: MetricSample[] = [];
  for (let k = 0; out.length === 0 || (out.at(-1)?.timestampMs ?? 0) < durationMs; k++) {
    for (const s of samples) out.push({ ...s, timestampMs: s.timestampMs - first + k * periodMs });
  }
  return out;
}
