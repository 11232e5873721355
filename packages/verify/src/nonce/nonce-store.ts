/**
 * Remembers which plan nonces were used, so that each plan is accepted at most once. Implementations
 * must make {@link NonceStore.consume} atomic across every server that shares the store.
 */
export interface NonceStore {
  /**
   * Records `nonce` for `ttlMs` milliseconds if it is not recorded yet.
   * Resolves `true` when this call recorded it, `false` when it was already recorded.
   * Rejects (with `VerifyError`) when the store cannot answer; the verifier then rejects the bundle
   * with `nonce_store_unavailable` — it never accepts without a store's answer.
   */
  consume(nonce: string, ttlMs: number): Promise<boolean>;
}
