import { VerifyError } from '../errors/verify-error.js';
import type { NonceStore } from './nonce-store.js';
import { RespConnection } from './resp-connection.js';

/** Where the shared store lives and how long to wait for it. */
export interface RedisNonceStoreConfig {
  readonly host: string;
  readonly port: number;
  /** Sent with `AUTH` when set. */
  readonly password?: string;
  /** Prepended to each nonce to form its Redis key. */
  readonly keyPrefix: string;
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
}

/** A local Redis on its default port, keys `huoti:nonce:<nonce>`, 2-second timeouts. Frozen. */
export const DEFAULT_REDIS_NONCE_STORE_CONFIG: RedisNonceStoreConfig = Object.freeze({
  host: '127.0.0.1',
  port: 6379,
  keyPrefix: 'huoti:nonce:',
  connectTimeoutMs: 2_000,
  commandTimeoutMs: 2_000,
});

/**
 * A {@link NonceStore} in Redis, shared by every portal server of a cluster. Each nonce is recorded
 * with one atomic `SET key 1 NX PX ttl`: Redis answers `OK` to exactly one caller, whichever server
 * it runs on, and forgets the key when the plan can no longer be submitted. Speaks RESP over
 * `node:net`, no client library.
 */
export class RedisNonceStore implements NonceStore {
  readonly #config: RedisNonceStoreConfig;
  readonly #connection: RespConnection;

  constructor(config: Partial<RedisNonceStoreConfig> = {}) {
    this.#config = { ...DEFAULT_REDIS_NONCE_STORE_CONFIG, ...config };
    if (!Number.isInteger(this.#config.port) || this.#config.port < 1 || this.#config.port > 65_535) {
      throw new VerifyError('INVALID_OPTIONS', `bad Redis port ${this.#config.port}`);
    }
    this.#connection = new RespConnection(this.#config);
  }

  /**
   * Records `nonce` for `ttlMs` unless Redis already holds it.
   *
   * @throws {VerifyError} NONCE_STORE_UNAVAILABLE (as a rejection) when Redis cannot be reached or answers with an error.
   * @throws {VerifyError} NONCE_STORE_CLOSED (as a rejection) after {@link close}.
   */
  async consume(nonce: string, ttlMs: number): Promise<boolean> {
    const ttl = String(Math.max(1, Math.ceil(ttlMs)));
    const reply = await this.#connection.command(['SET', `${this.#config.keyPrefix}${nonce}`, '1', 'NX', 'PX', ttl]);
    if (reply === 'OK') return true;
    if (reply === null) return false;
    throw new VerifyError('NONCE_STORE_UNAVAILABLE', `unexpected Redis reply to SET NX: ${JSON.stringify(reply).slice(0, 200)}`);
  }

  /** Closes the connection. */
  close(): Promise<void> {
    return this.#connection.close();
  }
}
