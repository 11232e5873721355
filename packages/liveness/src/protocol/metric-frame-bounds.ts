/** Most faces a frame of the trace may report. */
export const MAX_FACES_PER_FRAME = 64;

/**
 * Accepted range of each `MetricFrame` column after `timeMs` (which the trace length bounds):
 * generous, they only keep numbers physical. The client clamps to them when it records a trace and
 * the server rejects values outside them, so both sides read this one table.
 */
export const METRIC_FRAME_VALUE_BOUNDS: readonly (readonly [number, number])[] = Object.freeze([
  [0, MAX_FACES_PER_FRAME], // faceCount
  [-1, 2], // boxX
  [-1, 2], // boxY
  [0, 2], // boxWidth
  [0, 2], // boxHeight
  [0, 2], // earLeft
  [0, 2], // earRight
  [0, 5], // mar
  [-180, 180], // yawDeg
  [-180, 180], // pitchDeg
  [-180, 180], // rollDeg
] as const);
