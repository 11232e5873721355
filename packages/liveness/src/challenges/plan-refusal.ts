import type { ChallengePlan } from '../protocol/challenge-plan.js';
import type { ChallengeFailureReason } from './challenge-failure-reason.js';

/**
 * Why a challenge run would refuse `plan` before starting: `PLAN_EXPIRED` at or past its
 * `expiresAt` (`nowMs`, ms since the Unix epoch), `INVALID_PLAN` for no steps or a `readDigits`
 * step whose digits and onsets do not pair up in order; `null` when it can run. Kept apart from
 * the run so the main thread can check a plan without loading the detectors (they run in the worker).
 */
export function planRefusal(plan: ChallengePlan, nowMs: number): ChallengeFailureReason | null {
  const expiresAtMs = Date.parse(plan.expiresAt);
  if (!Number.isFinite(expiresAtMs) || nowMs >= expiresAtMs) return 'PLAN_EXPIRED';
  if (plan.steps.length === 0) return 'INVALID_PLAN';
  for (const step of plan.steps) {
    if (step.kind !== 'readDigits') continue;
    const digits = step.digits ?? [];
    const onsets = step.digitOnsetsMs ?? [];
    const isValid =
      digits.length > 0 &&
      digits.length === onsets.length &&
      digits.every((d) => Number.isInteger(d) && d >= 0 && d <= 9) &&
      onsets.every((o, i) => Number.isFinite(o) && o >= 0 && (i === 0 || o >= (onsets[i - 1] ?? 0)));
    if (!isValid) return 'INVALID_PLAN';
  }
  return null;
}
