/** One hand-annotated eye or mouth event of a clip (the fixtures' `annotations/blinks.tsv`). */
export interface BlinkAnnotation {
  /** Clip identifier, as in the trace (for example `grid/grid_bbaf2n.mp4`). */
  readonly clip: string;
  /** `partial_blink` events count neither way; `mouth_open` events are ignored by the blink evaluation. */
  readonly event: 'blink' | 'partial_blink' | 'mouth_open';
  /** First frame of the event, in ms from the clip start. */
  readonly startMs: number;
  /** First frame after the event, in ms from the clip start. */
  readonly endMs: number;
}

const EVENTS = new Set<BlinkAnnotation['event']>(['blink', 'partial_blink', 'mouth_open']);

/**
 * Parses the fixtures' `blinks.tsv` (header `file event start_s end_s confidence note`, tab
 * separated, times in seconds) into annotations with times in ms.
 *
 * @throws {Error} on a row with an unknown event or a non-numeric time.
 */
export function parseBlinkAnnotations(tsv: string): BlinkAnnotation[] {
  const [header, ...rows] = tsv.split(/\r?\n/).filter((line) => line.trim() !== '');
  const columns = (header ?? '').split('\t');
  const column = (name: string): number => {
    const index = columns.indexOf(name);
    if (index < 0) throw new Error(`blink annotations: no "${name}" column`);
    return index;
  };
  const [file, event, start, end] = [column('file'), column('event'), column('start_s'), column('end_s')];
  return rows.map((row, i) => {
    const cells = row.split('\t');
    const kind = cells[event] as BlinkAnnotation['event'];
    const startMs = Number(cells[start]) * 1000;
    const endMs = Number(cells[end]) * 1000;
    if (!EVENTS.has(kind) || !Number.isFinite(startMs) || !Number.isFinite(endMs)) throw new Error(`blink annotations: bad row ${i + 2}: ${row}`);
    return { clip: cells[file] ?? '', event: kind, startMs: Math.round(startMs), endMs: Math.round(endMs) };
  });
}
