import { expect } from '@esm-bundle/chai';
import { declareFakeMedia, fetchFakeCameraThumbnails, type FakeCameraThumbnails } from '../../../test-support/fake-media.js';
import { playFakeCamera } from './clip-samples.js';

// Proves the harness is real: getUserMedia delivers frames of the declared fixture, not
// Chromium's synthetic pattern and not some other clip.
const media = declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

const THUMBNAIL_WIDTH = 16;
const THUMBNAIL_HEIGHT = 12;
/** Mean absolute RGB difference (0–255) under which two thumbnails count as the same frame. */
const SAME_FRAME_MAX_DIFFERENCE = 10;
const FRAMES_TO_SAMPLE = 5;

/** Box-averages the current frame to a thumbnail, as ffmpeg's `area` scaler does. */
function thumbnailOf(video: HTMLVideoElement): Float64Array {
  const { videoWidth: width, videoHeight: height } = video;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(video, 0, 0);
  const rgba = context.getImageData(0, 0, width, height).data;
  const sums = new Float64Array(THUMBNAIL_WIDTH * THUMBNAIL_HEIGHT * 3);
  const counts = new Float64Array(THUMBNAIL_WIDTH * THUMBNAIL_HEIGHT);
  for (let y = 0; y < height; y++) {
    const row = Math.floor((y * THUMBNAIL_HEIGHT) / height);
    for (let x = 0; x < width; x++) {
      const cell = row * THUMBNAIL_WIDTH + Math.floor((x * THUMBNAIL_WIDTH) / width);
      for (let channel = 0; channel < 3; channel++) sums[cell * 3 + channel]! += rgba[(y * width + x) * 4 + channel]!;
      counts[cell]! += 1;
    }
  }
  return sums.map((sum, index) => sum / counts[Math.floor(index / 3)]!);
}

/** Distance to the closest frame of the footage: the camera loops, so any frame may be showing. */
function closestFrameDifference(rgb: Float64Array, footage: FakeCameraThumbnails): number {
  let best = Infinity;
  for (const frame of footage.frames) {
    let sum = 0;
    for (let i = 0; i < rgb.length; i++) sum += Math.abs(rgb[i]! - frame[i]!);
    best = Math.min(best, sum / rgb.length);
  }
  return best;
}

function nextFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => video.requestVideoFrameCallback(() => resolve()));
}

describe('fake camera fed by a fixture', () => {
  it('delivers frames of the declared clip at its size, and they match ffmpeg’s decode of it', async () => {
    const { video, stream } = await playFakeCamera();
    try {
      const [own, otherSpeaker, testPattern] = await Promise.all([
        fetchFakeCameraThumbnails(media, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT),
        fetchFakeCameraThumbnails({ camera: 'grid/grid_swwp2s.mp4' }, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT),
        fetchFakeCameraThumbnails({ camera: 'noface/synthetic_testsrc_noface_640x480_30fps_3s.mp4' }, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT),
      ]);
      expect(own.frames.length, 'ffmpeg decoded the 3 s, 25 fps fixture').to.equal(75);
      expect([video.videoWidth, video.videoHeight]).to.deep.equal([360, 288]);

      for (let sample = 0; sample < FRAMES_TO_SAMPLE; sample++) {
        await nextFrame(video);
        const rgb = thumbnailOf(video);
        const ownDifference = closestFrameDifference(rgb, own);
        const otherDifference = closestFrameDifference(rgb, otherSpeaker);
        const patternDifference = closestFrameDifference(rgb, testPattern);
        expect(ownDifference, 'camera frame vs the declared clip').to.be.below(SAME_FRAME_MAX_DIFFERENCE);
        expect(otherDifference, 'camera frame vs another GRID speaker').to.be.above(ownDifference * 2.5);
        expect(otherDifference, 'camera frame vs another GRID speaker').to.be.above(SAME_FRAME_MAX_DIFFERENCE);
        expect(patternDifference, 'camera frame vs the test pattern').to.be.above(SAME_FRAME_MAX_DIFFERENCE);
      }
    } finally {
      for (const track of stream.getTracks()) track.stop();
    }
  });

  it('feeds the microphone with the clip’s own audio track', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const context = new AudioContext();
    try {
      const analyser = context.createAnalyser();
      analyser.fftSize = 2048;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      // GRID speech spans 0.95–2.12 s of each 3 s loop: within 4 s of polling some block is loud.
      let peak = 0;
      const deadline = performance.now() + 4_000;
      while (performance.now() < deadline && peak < 0.05) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        analyser.getFloatTimeDomainData(samples);
        for (const sample of samples) peak = Math.max(peak, Math.abs(sample));
      }
      expect(peak, 'peak amplitude of the fake microphone').to.be.above(0.05);
    } finally {
      await context.close();
      for (const track of stream.getTracks()) track.stop();
    }
  });
});
