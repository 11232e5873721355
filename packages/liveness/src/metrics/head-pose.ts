import { FACE_MESH_INDICES } from '../landmarks/face-mesh-indices.js';
import type { FaceLandmarks, LandmarkPoint } from '../landmarks/landmark-point.js';

/** Head rotation in degrees, in the camera's unmirrored view. */
export interface HeadPose {
  /** Turn left/right: positive when the face turns towards the image's right (the person's left). */
  readonly yawDeg: number;
  /** Nod: positive when the chin goes up. */
  readonly pitchDeg: number;
  /** Tilt in the image plane: positive when the head tilts clockwise in the image. */
  readonly rollDeg: number;
}

type Vector3 = [number, number, number];
const sub = (a: LandmarkPoint, b: LandmarkPoint): Vector3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vector3, b: Vector3): Vector3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const normalize = (v: Vector3): Vector3 => {
  const length = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / length, v[1] / length, v[2] / length];
};
const DEG_PER_RAD = 180 / Math.PI;

/**
 * Head pose from the 3-D mesh: builds the face's axes (eye line = x, chin→forehead = y, their
 * normal = z) and reads yaw/pitch/roll off that rotation matrix. Image y points down, z away.
 *
 * @returns `NaN` angles when a needed point is missing.
 */
export function headPose(landmarks: FaceLandmarks): HeadPose {
  const rightEye = landmarks[FACE_MESH_INDICES.rightEyeOuter];
  const leftEye = landmarks[FACE_MESH_INDICES.leftEyeOuter];
  const chin = landmarks[FACE_MESH_INDICES.chin];
  const forehead = landmarks[FACE_MESH_INDICES.forehead];
  if (!rightEye || !leftEye || !chin || !forehead) return { yawDeg: Number.NaN, pitchDeg: Number.NaN, rollDeg: Number.NaN };
  // x: from the person's right eye (image left) to their left eye; y: chin to forehead (image up is -y).
  const xAxis = normalize(sub(leftEye, rightEye));
  const yApprox = normalize(sub(forehead, chin));
  const zAxis = normalize(cross(xAxis, yApprox));
  // Frontal face: x = (1,0,0), y = (0,-1,0), z = x × y = (0,0,-1), the normal towards the camera.
  // Turning to the image's right gives the normal a +x part; lifting the chin a −y part.
  const yawDeg = Math.asin(Math.max(-1, Math.min(1, zAxis[0]))) * DEG_PER_RAD;
  const pitchDeg = Math.atan2(-zAxis[1], -zAxis[2]) * DEG_PER_RAD;
  const rollDeg = Math.atan2(xAxis[1], xAxis[0]) * DEG_PER_RAD;
  return { yawDeg, pitchDeg, rollDeg };
}
