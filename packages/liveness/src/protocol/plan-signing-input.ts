import type { ChallengePlan } from './challenge-plan.js';
import { canonicalJson } from './canonical-json.js';

/**
 * The exact text an Ed25519 plan signature covers: the canonical serialisation (see
 * {@link canonicalJson}) of the plan without its `signature` field, `keyId` included. The signature
 * is computed over its UTF-8 bytes.
 *
 * @throws {HuotiError} INVALID_INPUT when the plan holds a value JSON cannot carry.
 */
export function planSigningInput(plan: ChallengePlan): string {
  const { signature: _signature, ...signed } = plan;
  return canonicalJson(signed);
}
