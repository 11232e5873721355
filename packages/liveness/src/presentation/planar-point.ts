/** A point in the image plane, in pixels of the analysed frame: `[x, y]`. */
export type PlanarPoint = readonly [x: number, y: number];
