/**
 * One landmark in image pixels of the analysed frame: `[x, y, z]`. `z` is depth relative to the
 * face centre, scaled like `x` (face-landmarks-detection's convention); smaller is nearer the camera.
 */
export type LandmarkPoint = readonly [x: number, y: number, z: number];

/** A face's landmarks in MediaPipe FaceMesh order: 468 mesh points, plus 10 iris points (468–477) when refined. */
export type FaceLandmarks = readonly LandmarkPoint[];
