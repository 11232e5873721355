import { VoiceActivityDetector, type VoiceActivityDetectorOptions } from './voice-activity-detector.js';
import type { VoicedSegment } from './voiced-segment.js';

/** Worklet render quantum: the detector is fed in blocks of this many samples, as in the browser. */
const BLOCK_SAMPLES = 128;

/**
 * Voiced segments of a whole PCM buffer (16 kHz mono, −1…1), found by feeding a
 * {@link VoiceActivityDetector} 128-sample blocks, exactly as an AudioWorklet would, then flushing.
 *
 * @returns segments in ms on the `streamStartMs` clock, oldest first.
 */
export function detectVoicedSegments(pcm: Float32Array, options: VoiceActivityDetectorOptions = {}): VoicedSegment[] {
  const detector = new VoiceActivityDetector(options);
  const segments: VoicedSegment[] = [];
  for (let offset = 0; offset < pcm.length; offset += BLOCK_SAMPLES) {
    segments.push(...detector.process(pcm.subarray(offset, Math.min(pcm.length, offset + BLOCK_SAMPLES))));
  }
  segments.push(...detector.flush());
  return segments;
}
