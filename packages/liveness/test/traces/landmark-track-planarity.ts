import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { PlanarPairMeasurement } from '../../src/presentation/measure-planar-pair.js';
import type { PlanarityConfig } from '../../src/presentation/planarity-config.js';
import { PlanarityTracker } from '../../src/presentation/planarity-tracker.js';
import type { PlanarityEvidence } from '../../src/protocol/evidence-bundle.js';
import { decodeTrackRows, LANDMARK_TRACK_FORMAT, type LandmarkTrackClip } from './landmark-track.js';

/** The recorded file (see README.md). */
export interface LandmarkTrackFile {
  readonly format: number;
  readonly recordedWith: string;
  readonly indices: readonly number[];
  readonly clips: readonly LandmarkTrackClip[];
}

/** Reads `landmark-tracks.iris.json.gz` next to this file. */
export function readLandmarkTracks(name = 'landmark-tracks.iris.json.gz'): LandmarkTrackFile {
  const file = JSON.parse(gunzipSync(readFileSync(new URL(`./${name}`, import.meta.url))).toString('utf8')) as LandmarkTrackFile;
  if (file.format !== LANDMARK_TRACK_FORMAT) throw new Error(`${name}: format ${file.format}, expected ${LANDMARK_TRACK_FORMAT}`);
  return file;
}

/** One clip run through a {@link PlanarityTracker} as the session would: its summary and every pair it measured. */
export interface ClipPlanarity {
  readonly clip: string;
  readonly label: LandmarkTrackClip['label'];
  readonly frames: number;
  readonly framesWithOneFace: number;
  readonly summary: PlanarityEvidence;
  readonly pairs: readonly PlanarPairMeasurement[];
}

/** Feeds a recorded clip to a fresh tracker (frames with other than one face reset the pairing, as in the session). */
export function planarityOfClip(clip: LandmarkTrackClip, config: Partial<PlanarityConfig> = {}): ClipPlanarity {
  const tracker = new PlanarityTracker(config);
  const pairs: PlanarPairMeasurement[] = [];
  const frames = decodeTrackRows(clip.rows);
  for (const frame of frames) {
    const pair = tracker.add(frame.timeMs, frame.faceCount === 1 ? frame.points : null);
    if (pair) pairs.push(pair);
  }
  return {
    clip: clip.clip,
    label: clip.label,
    frames: frames.length,
    framesWithOneFace: frames.filter((f) => f.faceCount === 1 && f.points).length,
    summary: tracker.summary(),
    pairs,
  };
}

/**
 * Area under the ROC curve of `score` separating `positives` (should score higher) from
 * `negatives`: the probability that a random positive outscores a random negative, ties half.
 */
export function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  let wins = 0;
  for (const p of positives) for (const n of negatives) wins += p > n ? 1 : p === n ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}
