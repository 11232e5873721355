// Builds the evidence bundle an honest client would send for a plan: a 30 fps trace of one steady
// face that performs each step's action, voiced segments inside each digit's response window,
// optional best frame and audio. Tests tamper with its output; the verifier must accept it as is.
import {
  digestEvidence,
  type ChallengePlan,
  type EvidenceBundle,
  type MetricFrame,
  type StepOutcome,
  type StepTrace,
  type VoicedSegment,
} from '@huoti/liveness/protocol';
import { TINY_JPEG_BASE64, TINY_JPEG_HEIGHT, TINY_JPEG_WIDTH } from './tiny-jpeg.js';

export interface SynthesisOptions {
  /** Capture start, epoch ms. Defaults to 1 s after the plan's issue. */
  readonly capturedAtMs?: number;
  readonly fps?: number;
  readonly withBestFrame?: boolean;
  readonly withAudio?: boolean;
}

/** Lead-in before the first step, pause between steps, and tail after the last (ms). */
const LEAD_IN_MS = 500;
const STEP_PAUSE_MS = 300;
const TAIL_MS = 300;
/** A non-digit step lasts this long, its action peaking this far in. */
const ACTION_STEP_MS = 1_500;
const ACTION_PEAK_MS = 800;
const ACTION_HALF_WIDTH_MS = 150;
/** Each digit is spoken this long after its reveal, for this long: inside every profile's window. */
const SPEECH_DELAY_MS = 500;
const SPEECH_MS = 400;

const NEUTRAL = { box: [0.3, 0.25, 0.4, 0.5], ear: 0.3, mar: 0.1, yaw: 0, pitch: 0, roll: 1 } as const;

interface Action {
  readonly kind: string;
  readonly fromMs: number;
  readonly toMs: number;
}

/** The bundle an honest client sends for `plan`, with its digest. */
export async function synthesizeEvidence(plan: ChallengePlan, options: SynthesisOptions = {}): Promise<EvidenceBundle> {
  const fps = options.fps ?? 30;
  const steps: StepOutcome[] = [];
  const stepTraces: StepTrace[] = [];
  const actions: Action[] = [];
  let cursorMs = LEAD_IN_MS;
  let audioSpan: [number, number] | undefined;
  for (const step of plan.steps) {
    const startedAt = cursorMs;
    if (step.kind === 'readDigits') {
      const onsets = step.digitOnsetsMs ?? [];
      const voicedSegments: VoicedSegment[] = onsets.map((onsetMs) => [
        startedAt + onsetMs + SPEECH_DELAY_MS,
        startedAt + onsetMs + SPEECH_DELAY_MS + SPEECH_MS,
      ]);
      const durationMs = (onsets.at(-1) ?? 0) + SPEECH_DELAY_MS + SPEECH_MS + STEP_PAUSE_MS;
      steps.push({ kind: step.kind, passed: true, startedAt, durationMs });
      stepTraces.push({ kind: step.kind, eventsMs: [], voicedSegments });
      for (const [fromMs, toMs] of voicedSegments) actions.push({ kind: 'speak', fromMs, toMs });
      audioSpan = [startedAt, startedAt + durationMs];
      cursorMs += durationMs + STEP_PAUSE_MS;
    } else {
      const eventMs = startedAt + ACTION_PEAK_MS;
      steps.push({ kind: step.kind, passed: true, startedAt, durationMs: ACTION_STEP_MS });
      stepTraces.push({ kind: step.kind, eventsMs: [eventMs] });
      actions.push({ kind: step.kind, fromMs: eventMs - ACTION_HALF_WIDTH_MS, toMs: eventMs + ACTION_HALF_WIDTH_MS });
      cursorMs += ACTION_STEP_MS + STEP_PAUSE_MS;
    }
  }
  const endMs = cursorMs - STEP_PAUSE_MS + TAIL_MS;
  const frames: MetricFrame[] = [];
  for (let index = 0; ; index++) {
    const timeMs = Math.round((index * 1_000) / fps);
    if (timeMs > endMs) break;
    frames.push(frameAt(timeMs, actions));
  }
  const capturedAtMs = options.capturedAtMs ?? Date.parse(plan.issuedAt) + 1_000;
  const unsigned: EvidenceBundle = {
    passed: true,
    steps,
    evidence: {
      formatVersion: 1,
      plan,
      capturedAt: new Date(capturedAtMs).toISOString(),
      trace: { frames, steps: stepTraces },
      ...(options.withBestFrame
        ? { bestFrames: [{ timeMs: LEAD_IN_MS, width: TINY_JPEG_WIDTH, height: TINY_JPEG_HEIGHT, jpegBase64: TINY_JPEG_BASE64 }] }
        : {}),
      ...(options.withAudio && audioSpan
        ? { audio: { startMs: audioSpan[0], sampleRateHz: 16_000, channels: 1, wavBase64: wavBase64(audioSpan[1] - audioSpan[0]) } }
        : {}),
      environment: { backend: 'wasm', fps, droppedFrames: 0, userAgent: 'Mozilla/5.0 (test) HuotiSynth' },
      sdkVersion: '0.1.0',
      digest: '',
    },
  };
  return withDigest(unsigned);
}

/** `bundle` with its digest recomputed: what an attacker controlling the browser can always do. */
export async function withDigest(bundle: EvidenceBundle): Promise<EvidenceBundle> {
  const provisional = { ...bundle, evidence: { ...bundle.evidence, digest: '' } };
  return { ...bundle, evidence: { ...bundle.evidence, digest: await digestEvidence(provisional) } };
}

/** Deep copy through JSON, for tampering. */
export function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Epoch ms just after the capture ended: a realistic "now" for the verifier. */
export function submissionTimeMs(bundle: EvidenceBundle): number {
  const lastFrame = bundle.evidence.trace.frames.at(-1) as MetricFrame;
  return Date.parse(bundle.evidence.capturedAt) + lastFrame[0] + 2_000;
}

function frameAt(timeMs: number, actions: readonly Action[]): MetricFrame {
  let { ear, mar, yaw, pitch }: { ear: number; mar: number; yaw: number; pitch: number } = NEUTRAL;
  for (const action of actions) {
    if (timeMs < action.fromMs || timeMs > action.toMs) continue;
    if (action.kind === 'blink') ear = 0.1;
    else if (action.kind === 'mouthOpen') mar = 0.7;
    else if (action.kind === 'turnLeft') yaw = 30; // positive: the person's own left
    else if (action.kind === 'turnRight') yaw = -30;
    else if (action.kind === 'nod') pitch = -20; // chin down
    else if (action.kind === 'speak') mar = 0.35;
  }
  const [x, y, width, height] = NEUTRAL.box;
  return [timeMs, 1, x, y, width, height, ear, ear, mar, yaw, pitch, NEUTRAL.roll];
}

/** A 16 kHz mono 16-bit PCM WAV of silence lasting `durationMs`, as base64. */
export function wavBase64(durationMs: number): string {
  const dataBytes = Math.ceil((durationMs / 1_000) * 16_000) * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write('WAVE', 8, 'ascii');
  buffer.write('fmt ', 12, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(16_000, 24);
  buffer.writeUInt32LE(32_000, 28); // byte rate
  buffer.writeUInt16LE(2, 32); // block align
  buffer.writeUInt16LE(16, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(dataBytes, 40);
  return buffer.toString('base64');
}
