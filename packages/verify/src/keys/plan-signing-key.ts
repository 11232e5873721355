import type { KeyInput } from './key-input.js';

/** The key a portal signs plans with, and the id written into each plan so keys can rotate. */
export interface PlanSigningKey {
  /** Goes into `plan.keyId`; letters, digits and `._:-`, at most 64 characters. */
  readonly keyId: string;
  /** The Ed25519 private key. */
  readonly privateKey: KeyInput;
}
