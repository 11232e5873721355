import {
  CHALLENGE_STEP_KINDS,
  PLAN_FORMAT_VERSION,
  STRICTNESS_LEVELS,
  type ChallengePlan,
  type ChallengeStep,
} from './challenge-plan.js';
import { JsonReader } from './json-reader.js';
import { DEFAULT_PROTOCOL_LIMITS, type ProtocolLimits } from './protocol-limits.js';
import type { ValidationResult } from './protocol-issue.js';

const PLAN_KEYS = ['version', 'nonce', 'issuedAt', 'expiresAt', 'strictness', 'steps', 'keyId', 'signature'] as const;
const STEP_KEYS = ['kind', 'digits', 'digitOnsetsMs', 'timeoutMs'] as const;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const KEY_ID = /^[A-Za-z0-9._:-]+$/;

/**
 * Checks that `value` is a structurally valid {@link ChallengePlan} (types, bounds, formats; not the
 * signature) and returns a copy built from its known fields. Never throws.
 */
export function validateChallengePlan(
  value: unknown,
  limits: ProtocolLimits = DEFAULT_PROTOCOL_LIMITS,
): ValidationResult<ChallengePlan> {
  const reader = new JsonReader();
  const plan = readChallengePlan(reader, value, '', limits);
  return plan && reader.errorCount === 0 ? { ok: true, value: plan } : { ok: false, issues: reader.issues };
}

/**
 * Internal to the protocol validators: reads a plan at `path`, reporting into `reader`.
 * Returns `undefined` when any issue was found.
 */
export function readChallengePlan(
  reader: JsonReader,
  value: unknown,
  path: string,
  limits: ProtocolLimits,
): ChallengePlan | undefined {
  const issuesBefore = reader.errorCount;
  try {
    const record = reader.record(value, path, PLAN_KEYS);
    if (!record) return undefined;
    const version = reader.oneOf(reader.required(record, 'version', path), `${path}/version`, [PLAN_FORMAT_VERSION] as const);
    const nonce = reader.string(reader.required(record, 'nonce', path), `${path}/nonce`, {
      minLength: 16,
      maxLength: 128,
      pattern: BASE64URL,
      patternName: 'base64url',
    });
    const issuedAt = reader.required(record, 'issuedAt', path);
    const expiresAt = reader.required(record, 'expiresAt', path);
    const issuedAtMs = reader.instant(issuedAt, `${path}/issuedAt`);
    const expiresAtMs = reader.instant(expiresAt, `${path}/expiresAt`);
    if (issuedAtMs !== undefined && expiresAtMs !== undefined && expiresAtMs <= issuedAtMs) {
      reader.report('inconsistent', `${path}/expiresAt`, 'must be after issuedAt');
    }
    const strictness = reader.oneOf(reader.required(record, 'strictness', path), `${path}/strictness`, STRICTNESS_LEVELS);
    const keyIdValue = reader.field(record, 'keyId');
    const keyId = reader.string(keyIdValue, `${path}/keyId`, { maxLength: 64, pattern: KEY_ID, patternName: 'a key id' });
    const signatureValue = reader.field(record, 'signature');
    const signature = reader.string(signatureValue, `${path}/signature`, {
      maxLength: 256,
      pattern: BASE64URL,
      patternName: 'base64url',
    });
    const stepValues = reader.array(reader.required(record, 'steps', path), `${path}/steps`, 1, limits.maxSteps);
    const steps: ChallengeStep[] = [];
    stepValues?.forEach((stepValue, index) => {
      const step = readStep(reader, stepValue, `${path}/steps/${index}`, limits);
      if (step) steps.push(step);
    });
    // One frontal capture is what the step is for; a second would only lengthen the run.
    const faceMatchIndexes = steps.flatMap((step, index) => (step.kind === 'faceMatch' ? [index] : []));
    if (faceMatchIndexes.length > 1) reader.report('inconsistent', `${path}/steps/${faceMatchIndexes[1]}`, 'at most one faceMatch step');
    if (reader.errorCount > issuesBefore || !stepValues) return undefined;
    return {
      version: version as 1,
      nonce: nonce as string,
      issuedAt: issuedAt as string,
      expiresAt: expiresAt as string,
      strictness: strictness as ChallengePlan['strictness'],
      steps,
      ...(keyId === undefined ? {} : { keyId }),
      ...(signature === undefined ? {} : { signature }),
    };
  } catch (error) {
    // Only a hostile in-memory value (a Proxy, say) gets here; the issue list is where it goes.
    reader.report('wrong_type', path, `unreadable value: ${String(error)}`.slice(0, 200));
    return undefined;
  }
}

function readStep(reader: JsonReader, value: unknown, path: string, limits: ProtocolLimits): ChallengeStep | undefined {
  const record = reader.record(value, path, STEP_KEYS);
  if (!record) return undefined;
  const issuesBefore = reader.errorCount;
  const kind = reader.oneOf(reader.required(record, 'kind', path), `${path}/kind`, CHALLENGE_STEP_KINDS);
  const timeoutMs = reader.number(reader.field(record, 'timeoutMs'), `${path}/timeoutMs`, 1, limits.maxStepTimeoutMs, true);
  const digitValues = reader.field(record, 'digits');
  const onsetValues = reader.field(record, 'digitOnsetsMs');
  let digits: number[] | undefined;
  let digitOnsetsMs: number[] | undefined;
  if (kind === 'readDigits') {
    const digitArray = reader.array(reader.required(record, 'digits', path), `${path}/digits`, limits.minDigits, limits.maxDigits);
    const onsetArray = reader.array(
      reader.required(record, 'digitOnsetsMs', path),
      `${path}/digitOnsetsMs`,
      limits.minDigits,
      limits.maxDigits,
    );
    digits = digitArray?.map((digit, index) => reader.number(digit, `${path}/digits/${index}`, 0, 9, true) ?? 0);
    digitOnsetsMs = onsetArray?.map(
      (onset, index) => reader.number(onset, `${path}/digitOnsetsMs/${index}`, 0, limits.maxStepTimeoutMs, true) ?? 0,
    );
    if (digits && digitOnsetsMs) {
      if (digits.length !== digitOnsetsMs.length) reader.report('inconsistent', `${path}/digitOnsetsMs`, 'one onset per digit');
      for (let index = 1; index < digitOnsetsMs.length; index++) {
        if ((digitOnsetsMs[index] as number) <= (digitOnsetsMs[index - 1] as number)) {
          reader.report('inconsistent', `${path}/digitOnsetsMs/${index}`, 'onsets must increase');
        }
      }
      const lastOnsetMs = digitOnsetsMs.at(-1);
      if (timeoutMs !== undefined && lastOnsetMs !== undefined && lastOnsetMs >= timeoutMs) {
        reader.report('inconsistent', `${path}/timeoutMs`, 'every digit must be revealed before the timeout');
      }
    }
  } else if (digitValues !== undefined || onsetValues !== undefined) {
    reader.report('inconsistent', path, 'digits belong to readDigits steps only');
  }
  if (reader.errorCount > issuesBefore) return undefined;
  return {
    kind: kind as ChallengeStep['kind'],
    ...(digits ? { digits } : {}),
    ...(digitOnsetsMs ? { digitOnsetsMs } : {}),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  };
}
