import type { ChallengePlan } from '@huoti/liveness/protocol';
import { HuotiElementError } from '../errors/huoti-element-error.js';

/**
 * The `plan` attribute (JSON text) or property (object) as a challenge plan; `null` when none.
 * Checks only what the element relies on; the engine and the server verify the rest.
 * @throws {HuotiElementError} PLAN_INVALID (not JSON, wrong shape), PLAN_EXPIRED (past `expiresAt` at `nowMs`).
 */
export function parsePlan(value: ChallengePlan | string | null | undefined, nowMs: number): ChallengePlan | null {
  if (value === null || value === undefined || value === '') return null;
  let plan: unknown = value;
  if (typeof value === 'string') {
    try {
      plan = JSON.parse(value);
    } catch (error) {
      throw new HuotiElementError('PLAN_INVALID', 'the plan attribute is not JSON', { cause: error });
    }
  }
  if (typeof plan !== 'object' || plan === null) throw new HuotiElementError('PLAN_INVALID', 'the plan is not an object');
  const candidate = plan as Partial<Record<keyof ChallengePlan, unknown>>;
  if (candidate.version !== 1) throw new HuotiElementError('PLAN_INVALID', `unsupported plan version ${String(candidate.version)}`);
  if (!Array.isArray(candidate.steps) || candidate.steps.length === 0) throw new HuotiElementError('PLAN_INVALID', 'the plan has no steps');
  const expiresAtMs = typeof candidate.expiresAt === 'string' ? Date.parse(candidate.expiresAt) : Number.NaN;
  if (Number.isNaN(expiresAtMs)) throw new HuotiElementError('PLAN_INVALID', 'the plan has no valid expiresAt');
  if (expiresAtMs <= nowMs) throw new HuotiElementError('PLAN_EXPIRED', `the plan expired at ${String(candidate.expiresAt)}`);
  return plan as ChallengePlan;
}
