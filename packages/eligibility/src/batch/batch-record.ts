import type { CertificationFacts } from '../evaluate/certification-facts.js';

/** One input record of a batch: an optional caller id and the facts to evaluate. */
export interface BatchRecord {
  readonly id: string | null;
  readonly facts: CertificationFacts;
}
