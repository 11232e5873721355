import type { FrameMetrics, LivenessEngine } from '@huoti/liveness';

/** One analysed frame placed on the fixture's own timeline. */
export interface ClipSample {
  /** Seconds since the fake camera's first frame, modulo the clip length (Chromium loops the file). */
  readonly clipTimeS: number;
  /** Seconds since the first analysed frame, not wrapped. */
  readonly elapsedS: number;
  readonly metrics: FrameMetrics;
}

/** Opens the fake camera and returns its video track. */
export async function openFakeCamera(): Promise<MediaStreamTrack> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
  const [track] = stream.getVideoTracks();
  if (!track) throw new Error('the fake camera gave no video track');
  return track;
}

/** Opens the fake camera into a playing, muted, inline `<video>`; the caller stops the stream's tracks. */
export async function playFakeCamera(constraints: MediaTrackConstraints | true = true): Promise<{ video: HTMLVideoElement; stream: MediaStream }> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: constraints, audio: false });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  return { video, stream };
}

/** The fake camera at 640×480 in a playing `<video>` on the page, as an integrator shows it; close it with {@link closeCameraInPage}. */
export async function openCameraInPage(): Promise<HTMLVideoElement> {
  const { video } = await playFakeCamera({ width: 640, height: 480 });
  document.body.append(video);
  return video;
}

/** Stops the camera of {@link openCameraInPage} and removes its video. */
export function closeCameraInPage(video: HTMLVideoElement): void {
  for (const track of (video.srcObject as MediaStream | null)?.getTracks() ?? []) track.stop();
  video.remove();
}

/**
 * Watches a freshly opened fake camera until `durationS` of footage has gone by (by camera
 * timestamps), then stops the camera. The camera starts at the clip's first frame when opened.
 */
export async function watchClip(engine: LivenessEngine, clipDurationS: number, durationS: number, includeLandmarks = false): Promise<ClipSample[]> {
  const track = await openFakeCamera();
  const samples: ClipSample[] = [];
  let startMs: number | undefined;
  try {
    for await (const metrics of engine.watch(track, { includeLandmarks })) {
      startMs ??= metrics.cameraTimestampMs;
      const elapsedS = (metrics.cameraTimestampMs - startMs) / 1000;
      samples.push({ clipTimeS: elapsedS % clipDurationS, elapsedS, metrics });
      if (elapsedS >= durationS) break;
    }
  } finally {
    track.stop();
  }
  return samples;
}

/** Samples whose clip time falls in `[fromS, toS)`. */
export const between = (samples: readonly ClipSample[], fromS: number, toS: number): ClipSample[] =>
  samples.filter((s) => s.clipTimeS >= fromS && s.clipTimeS < toS);

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Mean of the two eyes' aspect ratios of the primary face; NaN without a face. */
export const meanEyeAspectRatio = (sample: ClipSample): number => {
  const face = sample.metrics.primaryFace;
  return face ? (face.eyeAspectRatio.left + face.eyeAspectRatio.right) / 2 : Number.NaN;
};

/** Compact trace for the test log: `[clipTimeS, value]` pairs. */
export const trace = (samples: readonly ClipSample[], value: (s: ClipSample) => number): string =>
  JSON.stringify(samples.map((s) => [Number(s.clipTimeS.toFixed(2)), Number(value(s).toFixed(3))]));
