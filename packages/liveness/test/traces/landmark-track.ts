/** Version of the landmark-track file layout (`landmark-tracks.iris.json.gz`). */
export const LANDMARK_TRACK_FORMAT = 1;

/** Tenths of a pixel: landmark jitter is several tenths, so this loses nothing measurable. */
const UNITS_PER_PX = 10;

/**
 * One recorded clip. Each row is `[timeMs, faceCount, mode, ...values]`: mode 0 has no points
 * (no face), mode 1 holds the stable points' `x, y` in tenths of a pixel, mode 2 holds the change
 * since the previous row's points (small numbers, so the gzipped file stays small).
 */
export interface LandmarkTrackClip {
  /** Fixture path under `fixtures/` (`warp:` for a moved still, `@from-to` seconds for a cut). */
  readonly clip: string;
  /** Ground truth: a live person, an attack (picture), or both in turn (`mixed`). */
  readonly label: 'live' | 'attack' | 'mixed';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly rows: readonly (readonly number[])[];
}

/** A decoded frame: the first face's stable points (`null` without a face) and how many faces there were. */
export interface LandmarkTrackFrame {
  readonly timeMs: number;
  readonly faceCount: number;
  readonly points: readonly (readonly [number, number])[] | null;
}

/** Encodes one frame's points, as a delta against `previous` (the last row's absolute values) when there is one. */
export function encodeTrackRow(
  timeMs: number,
  faceCount: number,
  points: readonly (readonly number[])[] | null,
  previous: readonly number[] | null,
): { encoded: number[]; absolute: number[] | null } {
  const absolute = points?.flatMap((p) => [Math.round((p[0] ?? Number.NaN) * UNITS_PER_PX), Math.round((p[1] ?? Number.NaN) * UNITS_PER_PX)]) ?? null;
  if (!absolute || !absolute.every(Number.isFinite)) return { encoded: [timeMs, faceCount, 0], absolute: null };
  if (!previous || previous.length !== absolute.length) return { encoded: [timeMs, faceCount, 1, ...absolute], absolute };
  return { encoded: [timeMs, faceCount, 2, ...absolute.map((v, i) => v - (previous[i] ?? 0))], absolute };
}

/** Decodes a clip's rows back into frames (points in pixels). */
export function decodeTrackRows(rows: readonly (readonly number[])[]): LandmarkTrackFrame[] {
  let previous: number[] | null = null;
  return rows.map((row) => {
    const [timeMs = 0, faceCount = 0, mode = 0] = row;
    const values = row.slice(3);
    if (mode === 0) {
      previous = null;
      return { timeMs, faceCount, points: null };
    }
    const base: number[] | null = previous;
    const absolute: number[] = mode === 2 && base ? values.map((v, i) => v + (base[i] ?? 0)) : values;
    previous = absolute;
    const points: [number, number][] = [];
    for (let i = 0; i + 1 < absolute.length; i += 2) points.push([(absolute[i] ?? 0) / UNITS_PER_PX, (absolute[i + 1] ?? 0) / UNITS_PER_PX]);
    return { timeMs, faceCount, points };
  });
}
