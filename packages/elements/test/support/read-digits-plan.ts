import { unsignedPlan } from './liveness-harness.js';

/** A loose one-step read-digits plan (unsigned; the element's own run accepts it), digits revealed 0.5 s apart. */
export function readDigitsPlan(): string {
  return unsignedPlan({
    steps: [{ kind: 'readDigits', digits: [2, 9, 5], digitOnsetsMs: [500, 1500, 2500] }],
    strictness: 'loose',
    nonce: 'read-digits-test',
    validForMs: 5 * 60_000,
  });
}
