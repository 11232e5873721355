import { VerifyError } from '../errors/verify-error.js';
import type { NonceStore } from './nonce-store.js';

/** Options of {@link MemoryNonceStore}. */
export interface MemoryNonceStoreConfig {
  /** Most nonces held at once; a full store rejects with `NONCE_STORE_FULL` (fail closed). */
  readonly maxEntries: number;
  /** Expired entries are swept at most this often (ms). */
  readonly sweepIntervalMs: number;
  /** The clock, epoch ms. */
  readonly now: () => number;
}

/** One million nonces (about 100 MB at worst), swept each minute. Frozen. */
export const DEFAULT_MEMORY_NONCE_STORE_CONFIG: MemoryNonceStoreConfig = Object.freeze({
  maxEntries: 1_000_000,
  sweepIntervalMs: 60_000,
  now: () => Date.now(),
});

/**
 * The embedded default {@link NonceStore}: a map from nonce to expiry in this process's memory.
 * Atomic because `consume` checks and records without awaiting in between. Only right for a single
 * server process; a cluster shares a `RedisNonceStore`.
 */
export class MemoryNonceStore implements NonceStore {
  readonly #config: MemoryNonceStoreConfig;
  readonly #expiresAtMs = new Map<string, number>();
  #nextSweepAtMs: number;

  constructor(config: Partial<MemoryNonceStoreConfig> = {}) {
    this.#config = { ...DEFAULT_MEMORY_NONCE_STORE_CONFIG, ...config };
    if (!(this.#config.maxEntries >= 1)) throw new VerifyError('INVALID_OPTIONS', 'maxEntries must be ≥ 1');
    this.#nextSweepAtMs = this.#config.now() + this.#config.sweepIntervalMs;
  }

  /** Nonces currently held (expired ones may linger until the next sweep). */
  get size(): number {
    return this.#expiresAtMs.size;
  }

  /**
   * Records `nonce` until `ttlMs` from now unless it is held and unexpired.
   *
   * @throws {VerifyError} NONCE_STORE_FULL (as a rejection) when `maxEntries` unexpired nonces are held.
   */
  async consume(nonce: string, ttlMs: number): Promise<boolean> {
    const nowMs = this.#config.now();
    if (nowMs >= this.#nextSweepAtMs || this.#expiresAtMs.size >= this.#config.maxEntries) this.#sweep(nowMs);
    const expiresAtMs = this.#expiresAtMs.get(nonce);
    if (expiresAtMs !== undefined && expiresAtMs > nowMs) return false;
    if (expiresAtMs === undefined && this.#expiresAtMs.size >= this.#config.maxEntries) {
      throw new VerifyError('NONCE_STORE_FULL', `memory nonce store holds ${this.#config.maxEntries} unexpired nonces`);
    }
    this.#expiresAtMs.set(nonce, nowMs + Math.max(1, ttlMs));
    return true;
  }

  #sweep(nowMs: number): void {
    for (const [nonce, expiresAtMs] of this.#expiresAtMs) {
      if (expiresAtMs <= nowMs) this.#expiresAtMs.delete(nonce);
    }
    this.#nextSweepAtMs = nowMs + this.#config.sweepIntervalMs;
  }
}
