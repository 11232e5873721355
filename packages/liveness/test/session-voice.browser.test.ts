import { expect } from '@esm-bundle/chai';
import { startVoiceCapture } from '../src/audio-capture/start-voice-capture.js';
import { declareFakeMedia } from '../../../test-support/fake-media.js';

// The GRID clip's own sound track feeds the fake microphone: six words in every 3 s loop.
declareFakeMedia({ camera: 'grid/grid_bbaf2n.mp4' });

/** The worklet entry, served (compiled) by the test server from the package's source. */
const WORKLET_URL = new URL('../src/audio-worklet.ts', import.meta.url);
/** The clip says six words every 3 s; three segments come well within this. */
const SEGMENTS_DEADLINE_MS = 8_000;
const MIN_SEGMENTS = 3;

describe('startVoiceCapture (AudioWorklet, fake microphone)', () => {
  it('posts voiced segments on the performance.now() clock and records 16 kHz PCM; stop() leaves the stream alone', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const startedAt = performance.now();
    const capture = await startVoiceCapture(stream, { workletUrl: WORKLET_URL, shouldRecord: true });
    try {
      const deadline = performance.now() + SEGMENTS_DEADLINE_MS;
      await new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (capture.segments.length >= MIN_SEGMENTS) resolve();
          else if (performance.now() > deadline) reject(new Error(`only ${capture.segments.length} voiced segments in ${SEGMENTS_DEADLINE_MS} ms`));
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    } finally {
      await capture.stop();
    }
    const stoppedAt = performance.now();
    const segments = capture.segments;
    console.log(`segments (ms after start): ${JSON.stringify(segments.map((s) => [Math.round(s.startMs - startedAt), Math.round(s.endMs - startedAt)]))}`);
    expect(segments.length, 'words heard').to.be.at.least(MIN_SEGMENTS);
    for (const segment of segments) {
      expect(segment.endMs).to.be.at.least(segment.startMs);
      expect(segment.startMs).to.be.within(startedAt - 500, stoppedAt + 500);
    }
    expect(capture.takeSegments()).to.have.length(segments.length);
    expect(capture.takeSegments()).to.have.length(0);

    const recording = capture.recording(startedAt, stoppedAt);
    expect(recording?.sampleRateHz).to.equal(16_000);
    const seconds = recording!.samples.length / 16_000;
    expect(seconds).to.be.within(0.5, (stoppedAt - startedAt) / 1000 + 0.1);
    expect(recording!.samples.some((v) => Math.abs(v) > 1000), 'audible samples').to.equal(true);

    expect(stream.getAudioTracks()[0]!.readyState, 'the caller\'s track keeps running').to.equal('live');
    for (const track of stream.getTracks()) track.stop();
  });

  it('refuses a stream without audio and names an unloadable worklet', async () => {
    const video = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
    const codeOf = (promise: Promise<unknown>): Promise<string> => promise.then(() => 'resolved', (error: { code?: string }) => error.code ?? String(error));
    expect(await codeOf(startVoiceCapture(video, { workletUrl: WORKLET_URL }))).to.equal('INVALID_INPUT');
    for (const track of video.getTracks()) track.stop();
    const audio = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    expect(await codeOf(startVoiceCapture(audio, { workletUrl: '/no-such-worklet.js' }))).to.equal('ASSET_LOAD_FAILED');
    for (const track of audio.getTracks()) track.stop();
  });
});
