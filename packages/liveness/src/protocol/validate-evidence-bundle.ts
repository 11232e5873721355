import { METRIC_FRAME_VALUE_BOUNDS } from './metric-frame-bounds.js';
import { CHALLENGE_STEP_KINDS, type ChallengeStepKind } from './challenge-plan.js';
import {
  EVIDENCE_FORMAT_VERSION,
  METRIC_FRAME_FIELDS,
  type AudioClip,
  type BestFrame,
  type CaptureEnvironment,
  type Evidence,
  type PlanarityEvidence,
  type PresentationEvidence,
  type FaceMatchRecord,
  type FaceMatchScore,
  type EvidenceBundle,
  type MetricFrame,
  type MetricTrace,
  type StepOutcome,
  type StepTrace,
  type VoicedSegment,
} from './evidence-bundle.js';
import { JsonReader } from './json-reader.js';
import { PLANARITY_EVIDENCE_BOUNDS } from './planarity-evidence-bounds.js';
import { DEFAULT_PROTOCOL_LIMITS, type ProtocolLimits } from './protocol-limits.js';
import type { ValidationResult } from './protocol-issue.js';
import { readChallengePlan } from './validate-challenge-plan.js';

const BUNDLE_KEYS = ['passed', 'reason', 'steps', 'evidence'] as const;
const OUTCOME_KEYS = ['kind', 'passed', 'startedAt', 'durationMs'] as const;
const EVIDENCE_KEYS = [
  'formatVersion',
  'plan',
  'capturedAt',
  'trace',
  'bestFrames',
  'audio',
  'faceMatch',
  'presentation',
  'environment',
  'sdkVersion',
  'digest',
] as const;
const TRACE_KEYS = ['frames', 'steps'] as const;
const STEP_TRACE_KEYS = ['kind', 'eventsMs', 'voicedSegments'] as const;
const BEST_FRAME_KEYS = ['timeMs', 'width', 'height', 'jpegBase64'] as const;
const AUDIO_KEYS = ['startMs', 'sampleRateHz', 'channels', 'wavBase64'] as const;
const ENVIRONMENT_KEYS = ['backend', 'fps', 'droppedFrames', 'userAgent'] as const;
const PRESENTATION_KEYS = ['planarity'] as const;
const PLANARITY_KEYS = [
  'framePairs',
  'movingPairs',
  'medianMotion',
  'medianResidual',
  'p90Residual',
  'medianResidualToMotion',
  'verdict',
] as const;
const FACE_MATCH_KEYS = ['mode', 'referenceSource', 'model', 'threshold', 'scores', 'decision'] as const;
const FACE_MATCH_SCORE_KEYS = ['timeMs', 'stepIndex', 'similarity'] as const;
/** Model ids: short identifiers like `faceres` or `mobilefacenet-v1`. */
const MODEL_ID = /^[A-Za-z0-9._-]+$/;
/** Standard base64 characters (readBase64 checks the length): a flat class, one fast pass over 400 KB. */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const BASE64URL_SHA256 = /^[A-Za-z0-9_-]{43}$/;
const PRINTABLE = /^\P{Cc}*$/u;
const AUDIO_SAMPLE_RATE_HZ = 16_000;

/**
 * Checks that `value` is a structurally valid {@link EvidenceBundle} — types, bounds, formats and
 * sizes, the embedded plan included — and returns a copy built from its known fields. It does not
 * check the signature, the digest or whether the trace is consistent with the plan (that is
 * `@huoti/verify`'s job). Never throws.
 */
export function validateEvidenceBundle(
  value: unknown,
  limits: ProtocolLimits = DEFAULT_PROTOCOL_LIMITS,
): ValidationResult<EvidenceBundle> {
  const reader = new JsonReader();
  let bundle: EvidenceBundle | undefined;
  try {
    bundle = readBundle(reader, value, limits);
  } catch (error) {
    // Only a hostile in-memory value (a Proxy, say) gets here; the issue list is where it goes.
    reader.report('wrong_type', '', `unreadable value: ${String(error)}`.slice(0, 200));
  }
  return bundle && reader.errorCount === 0 ? { ok: true, value: bundle } : { ok: false, issues: reader.issues };
}

function readBundle(reader: JsonReader, value: unknown, limits: ProtocolLimits): EvidenceBundle | undefined {
  const record = reader.record(value, '', BUNDLE_KEYS);
  if (!record) return undefined;
  const passed = reader.boolean(reader.required(record, 'passed', ''), '/passed');
  const reason = reader.string(reader.field(record, 'reason'), '/reason', {
    maxLength: limits.maxShortStringLength,
    pattern: PRINTABLE,
    patternName: 'printable text',
  });
  const outcomeValues = reader.array(reader.required(record, 'steps', ''), '/steps', 0, limits.maxSteps);
  const steps = outcomeValues?.map((outcome, index) => readOutcome(reader, outcome, `/steps/${index}`, limits));
  const evidence = readEvidence(reader, reader.required(record, 'evidence', ''), '/evidence', limits);
  if (reader.errorCount > 0 || passed === undefined || !steps || !evidence) return undefined;
  return {
    passed,
    ...(reason === undefined ? {} : { reason }),
    steps: steps as StepOutcome[],
    evidence,
  };
}

function readKind(reader: JsonReader, record: Readonly<Record<string, unknown>>, path: string): ChallengeStepKind | undefined {
  return reader.oneOf(reader.required(record, 'kind', path), `${path}/kind`, CHALLENGE_STEP_KINDS);
}

function readOutcome(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): StepOutcome | undefined {
  const record = reader.record(value, path, OUTCOME_KEYS);
  if (!record) return undefined;
  const kind = readKind(reader, record, path);
  const passed = reader.boolean(reader.required(record, 'passed', path), `${path}/passed`);
  const startedAt = reader.number(reader.required(record, 'startedAt', path), `${path}/startedAt`, 0, limits.maxTraceDurationMs);
  const durationMs = reader.number(reader.required(record, 'durationMs', path), `${path}/durationMs`, 0, limits.maxStepTimeoutMs);
  if (kind === undefined || passed === undefined || startedAt === undefined || durationMs === undefined) return undefined;
  return { kind, passed, startedAt, durationMs };
}

function readEvidence(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): Evidence | undefined {
  const record = reader.record(value, path, EVIDENCE_KEYS);
  if (!record) return undefined;
  const formatVersion = reader.oneOf(reader.required(record, 'formatVersion', path), `${path}/formatVersion`, [
    EVIDENCE_FORMAT_VERSION,
  ] as const);
  const plan = readChallengePlan(reader, reader.required(record, 'plan', path), `${path}/plan`, limits);
  const capturedAtValue = reader.required(record, 'capturedAt', path);
  const capturedAtMs = reader.instant(capturedAtValue, `${path}/capturedAt`);
  const trace = readTrace(reader, reader.required(record, 'trace', path), `${path}/trace`, limits);
  const bestFrameValues = reader.array(reader.field(record, 'bestFrames'), `${path}/bestFrames`, 1, limits.maxBestFrames);
  const bestFrames = bestFrameValues?.map((frame, index) => readBestFrame(reader, frame, `${path}/bestFrames/${index}`, limits));
  const audioValue = reader.field(record, 'audio');
  const audio = audioValue === undefined ? undefined : readAudio(reader, audioValue, `${path}/audio`, limits);
  const faceMatchValue = reader.field(record, 'faceMatch');
  const faceMatch = faceMatchValue === undefined ? undefined : readFaceMatch(reader, faceMatchValue, `${path}/faceMatch`, limits);
  const presentationValue = reader.field(record, 'presentation');
  const presentation =
    presentationValue === undefined ? undefined : readPresentation(reader, presentationValue, `${path}/presentation`, limits);
  const environment = readEnvironment(reader, reader.required(record, 'environment', path), `${path}/environment`, limits);
  const sdkVersion = reader.string(reader.required(record, 'sdkVersion', path), `${path}/sdkVersion`, {
    maxLength: limits.maxShortStringLength,
    pattern: PRINTABLE,
    patternName: 'printable text',
  });
  const digest = reader.string(reader.required(record, 'digest', path), `${path}/digest`, {
    maxLength: 43,
    pattern: BASE64URL_SHA256,
    patternName: 'base64url SHA-256',
  });
  if (
    formatVersion === undefined ||
    !plan ||
    capturedAtMs === undefined ||
    !trace ||
    !environment ||
    sdkVersion === undefined ||
    digest === undefined
  ) {
    return undefined;
  }
  return {
    formatVersion,
    plan,
    capturedAt: capturedAtValue as string,
    trace,
    ...(bestFrames ? { bestFrames: bestFrames as BestFrame[] } : {}),
    ...(audio ? { audio } : {}),
    ...(faceMatch ? { faceMatch } : {}),
    ...(presentation ? { presentation } : {}),
    environment,
    sdkVersion,
    digest,
  };
}

function readTrace(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): MetricTrace | undefined {
  const record = reader.record(value, path, TRACE_KEYS);
  if (!record) return undefined;
  const frameValues = reader.array(reader.required(record, 'frames', path), `${path}/frames`, 1, limits.maxFrames);
  const frames: MetricFrame[] = [];
  if (frameValues) {
    for (let index = 0; index < frameValues.length && !reader.isFull; index++) {
      const frame = readFrame(reader, frameValues[index], `${path}/frames/${index}`, limits);
      if (frame) frames.push(frame);
    }
  }
  const stepValues = reader.array(reader.required(record, 'steps', path), `${path}/steps`, 0, limits.maxSteps);
  const steps = stepValues?.map((step, index) => readStepTrace(reader, step, `${path}/steps/${index}`, limits));
  if (!frameValues || frames.length !== frameValues.length || !steps) return undefined;
  return { frames, steps: steps as StepTrace[] };
}

function readFrame(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): MetricFrame | undefined {
  if (!Array.isArray(value)) return reader.report('wrong_type', path, 'expected an array');
  if (value.length !== METRIC_FRAME_FIELDS.length) {
    return reader.report('wrong_type', path, `expected ${METRIC_FRAME_FIELDS.length} numbers`);
  }
  const frame: number[] = new Array<number>(METRIC_FRAME_FIELDS.length);
  for (let index = 0; index < value.length; index++) {
    const number: unknown = value[index];
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      return reader.report('wrong_type', `${path}/${index}`, `${METRIC_FRAME_FIELDS[index]}: expected a finite number`);
    }
    const [min, max] = index === 0 ? [0, limits.maxTraceDurationMs] : (METRIC_FRAME_VALUE_BOUNDS[index - 1] as readonly [number, number]);
    if (number < min || number > max) {
      return reader.report('out_of_range', `${path}/${index}`, `${METRIC_FRAME_FIELDS[index]}: expected ${min}–${max}`);
    }
    frame[index] = number;
  }
  if (!Number.isInteger(frame[1])) return reader.report('wrong_type', `${path}/1`, 'faceCount: expected an integer');
  return frame as unknown as MetricFrame;
}

function readStepTrace(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): StepTrace | undefined {
  const record = reader.record(value, path, STEP_TRACE_KEYS);
  if (!record) return undefined;
  const kind = readKind(reader, record, path);
  const eventValues = reader.array(reader.required(record, 'eventsMs', path), `${path}/eventsMs`, 0, limits.maxEventsPerStep);
  const eventsMs = eventValues?.map((event, index) => reader.number(event, `${path}/eventsMs/${index}`, 0, limits.maxTraceDurationMs));
  const segmentValues = reader.array(
    reader.field(record, 'voicedSegments'),
    `${path}/voicedSegments`,
    0,
    limits.maxVoicedSegmentsPerStep,
  );
  const voicedSegments = segmentValues?.map((segment, index) =>
    readSegment(reader, segment, `${path}/voicedSegments/${index}`, limits),
  );
  if (kind === undefined || !eventsMs || eventsMs.includes(undefined) || voicedSegments?.includes(undefined)) return undefined;
  return {
    kind,
    eventsMs: eventsMs as number[],
    ...(voicedSegments ? { voicedSegments: voicedSegments as VoicedSegment[] } : {}),
  };
}

function readSegment(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): VoicedSegment | undefined {
  if (value === undefined) return reader.report('wrong_type', path, 'expected [startMs, endMs]');
  const pair = reader.array(value, path, 2, 2);
  if (!pair) return undefined;
  const startMs = reader.number(pair[0], `${path}/0`, 0, limits.maxTraceDurationMs);
  const endMs = reader.number(pair[1], `${path}/1`, 0, limits.maxTraceDurationMs);
  if (startMs === undefined || endMs === undefined) return undefined;
  if (endMs < startMs) return reader.report('inconsistent', path, 'a segment must not end before it starts');
  return [startMs, endMs];
}

function readBestFrame(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): BestFrame | undefined {
  const record = reader.record(value, path, BEST_FRAME_KEYS);
  if (!record) return undefined;
  const timeMs = reader.number(reader.required(record, 'timeMs', path), `${path}/timeMs`, 0, limits.maxTraceDurationMs);
  const width = reader.number(reader.required(record, 'width', path), `${path}/width`, 1, limits.maxBestFrameSidePx, true);
  const height = reader.number(reader.required(record, 'height', path), `${path}/height`, 1, limits.maxBestFrameSidePx, true);
  const jpegBase64 = readBase64(reader, reader.required(record, 'jpegBase64', path), `${path}/jpegBase64`, limits.maxBestFrameBytes);
  if (timeMs === undefined || width === undefined || height === undefined || jpegBase64 === undefined) return undefined;
  return { timeMs, width, height, jpegBase64 };
}

function readAudio(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): AudioClip | undefined {
  const record = reader.record(value, path, AUDIO_KEYS);
  if (!record) return undefined;
  const startMs = reader.number(reader.required(record, 'startMs', path), `${path}/startMs`, 0, limits.maxTraceDurationMs);
  const sampleRateHz = reader.oneOf(reader.required(record, 'sampleRateHz', path), `${path}/sampleRateHz`, [AUDIO_SAMPLE_RATE_HZ]);
  const channels = reader.oneOf(reader.required(record, 'channels', path), `${path}/channels`, [1]);
  const wavBase64 = readBase64(reader, reader.required(record, 'wavBase64', path), `${path}/wavBase64`, limits.maxAudioBytes);
  if (startMs === undefined || sampleRateHz === undefined || channels === undefined || wavBase64 === undefined) return undefined;
  return { startMs, sampleRateHz, channels, wavBase64 };
}

function readEnvironment(
  reader: JsonReader,
  value: unknown,
  path: string,
  limits: ProtocolLimits,
): CaptureEnvironment | undefined {
  const record = reader.record(value, path, ENVIRONMENT_KEYS);
  if (!record) return undefined;
  const text = { maxLength: limits.maxShortStringLength, pattern: PRINTABLE, patternName: 'printable text' };
  const backend = reader.string(reader.required(record, 'backend', path), `${path}/backend`, text);
  const fps = reader.number(reader.required(record, 'fps', path), `${path}/fps`, 0, 1_000);
  const droppedFrames = reader.number(
    reader.required(record, 'droppedFrames', path),
    `${path}/droppedFrames`,
    0,
    Number.MAX_SAFE_INTEGER,
    true,
  );
  const userAgent = reader.string(reader.required(record, 'userAgent', path), `${path}/userAgent`, {
    ...text,
    minLength: 0,
    maxLength: limits.maxUserAgentLength,
  });
  if (backend === undefined || fps === undefined || droppedFrames === undefined || userAgent === undefined) return undefined;
  return { backend, fps, droppedFrames, userAgent };
}

/**
 * A face-match record: `none` carries no reference, threshold or scores and decides `not_checked`;
 * `reference` names its source, model and threshold, and its decision follows from its scores.
 */
function readFaceMatch(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): FaceMatchRecord | undefined {
  const record = reader.record(value, path, FACE_MATCH_KEYS);
  if (!record) return undefined;
  const issuesBefore = reader.errorCount;
  const mode = reader.oneOf(reader.required(record, 'mode', path), `${path}/mode`, ['reference', 'none'] as const);
  const decision = reader.oneOf(reader.required(record, 'decision', path), `${path}/decision`, ['match', 'mismatch', 'not_checked'] as const);
  const referenceSource = reader.oneOf(reader.field(record, 'referenceSource'), `${path}/referenceSource`, [
    'client-image',
    'client-embedding',
  ] as const);
  const model = reader.string(reader.field(record, 'model'), `${path}/model`, { maxLength: 64, pattern: MODEL_ID, patternName: 'a model id' });
  const threshold = reader.number(reader.field(record, 'threshold'), `${path}/threshold`, -1, 1);
  const scoreValues = reader.array(reader.required(record, 'scores', path), `${path}/scores`, 0, limits.maxSteps);
  const scores = scoreValues?.map((score, index) => readFaceMatchScore(reader, score, `${path}/scores/${index}`, limits));
  if (reader.errorCount > issuesBefore || mode === undefined || decision === undefined || !scores) return undefined;
  const checked = scores as FaceMatchScore[];
  for (let index = 1; index < checked.length; index++) {
    if ((checked[index] as FaceMatchScore).timeMs < (checked[index - 1] as FaceMatchScore).timeMs) {
      return reader.report('inconsistent', `${path}/scores/${index}/timeMs`, 'scores must be in time order');
    }
  }
  if (mode === 'none') {
    if (referenceSource !== undefined || model !== undefined || threshold !== undefined || checked.length > 0 || decision !== 'not_checked') {
      return reader.report('inconsistent', path, 'mode none has no reference, model, threshold or scores and decides not_checked');
    }
    return { mode, scores: [], decision };
  }
  if (referenceSource === undefined || model === undefined || threshold === undefined) {
    return reader.report('missing_field', path, 'mode reference needs referenceSource, model and threshold');
  }
  const expected = checked.length === 0 ? 'not_checked' : checked.every((score) => score.similarity >= threshold) ? 'match' : 'mismatch';
  if (decision !== expected) return reader.report('inconsistent', `${path}/decision`, `the scores decide ${expected}`);
  return { mode, referenceSource, model, threshold, scores: checked, decision };
}

function readFaceMatchScore(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): FaceMatchScore | undefined {
  const record = reader.record(value, path, FACE_MATCH_SCORE_KEYS);
  if (!record) return undefined;
  const timeMs = reader.number(reader.required(record, 'timeMs', path), `${path}/timeMs`, 0, limits.maxTraceDurationMs);
  const stepIndex = reader.number(reader.required(record, 'stepIndex', path), `${path}/stepIndex`, 0, limits.maxSteps - 1, true);
  const similarity = reader.number(reader.required(record, 'similarity', path), `${path}/similarity`, -1, 1);
  if (timeMs === undefined || stepIndex === undefined || similarity === undefined) return undefined;
  return { timeMs, stepIndex, similarity };
}

/** Presentation-attack signals: bounded numbers only, judged by nobody here (see `PlanarityEvidence`). */
function readPresentation(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): PresentationEvidence | undefined {
  const record = reader.record(value, path, PRESENTATION_KEYS);
  if (!record) return undefined;
  const planarity = readPlanarity(reader, reader.required(record, 'planarity', path), `${path}/planarity`, limits);
  return planarity ? { planarity } : undefined;
}

function readPlanarity(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): PlanarityEvidence | undefined {
  const record = reader.record(value, path, PLANARITY_KEYS);
  if (!record) return undefined;
  const { maxRatio, verdicts } = PLANARITY_EVIDENCE_BOUNDS;
  // A frame closes at most one pair, so there are fewer pairs than frames.
  const framePairs = reader.number(reader.required(record, 'framePairs', path), `${path}/framePairs`, 0, limits.maxFrames, true);
  const movingPairs = reader.number(reader.required(record, 'movingPairs', path), `${path}/movingPairs`, 0, limits.maxFrames, true);
  const ratio = (key: 'medianMotion' | 'medianResidual' | 'p90Residual' | 'medianResidualToMotion'): number | undefined =>
    reader.number(reader.required(record, key, path), `${path}/${key}`, 0, maxRatio);
  const medianMotion = ratio('medianMotion');
  const medianResidual = ratio('medianResidual');
  const p90Residual = ratio('p90Residual');
  const medianResidualToMotion = ratio('medianResidualToMotion');
  const verdict = reader.oneOf(reader.required(record, 'verdict', path), `${path}/verdict`, verdicts);
  if (
    framePairs === undefined ||
    movingPairs === undefined ||
    medianMotion === undefined ||
    medianResidual === undefined ||
    p90Residual === undefined ||
    medianResidualToMotion === undefined ||
    verdict === undefined
  ) {
    return undefined;
  }
  if (movingPairs > framePairs) return reader.report('inconsistent', `${path}/movingPairs`, 'more moving pairs than pairs');
  if (p90Residual < medianResidual) return reader.report('inconsistent', `${path}/p90Residual`, 'the 90th percentile is below the median');
  if (movingPairs === 0 && (medianResidual !== 0 || p90Residual !== 0 || medianResidualToMotion !== 0)) {
    return reader.report('inconsistent', path, 'residuals without moving pairs');
  }
  return { framePairs, movingPairs, medianMotion, medianResidual, p90Residual, medianResidualToMotion, verdict };
}

/** Padded standard base64 of at most `maxBytes` decoded bytes. */
function readBase64(reader: JsonReader, value: unknown, path: string, maxBytes: number): string | undefined {
  const text = reader.string(value, path, { minLength: 4, maxLength: base64Length(maxBytes), pattern: BASE64, patternName: 'base64' });
  if (text === undefined) return undefined;
  return text.length % 4 === 0 ? text : reader.report('bad_format', path, 'expected base64 padded to a multiple of 4');
}

/** Characters of padded base64 for `bytes` bytes. */
function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
