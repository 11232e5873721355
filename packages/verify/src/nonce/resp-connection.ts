import { connect, type Socket } from 'node:net';
import { VerifyError } from '../errors/verify-error.js';

/** A decoded RESP2 reply: simple/bulk string, integer, nil, array, or a server error. */
export type RespValue = string | number | null | RespServerError | readonly RespValue[];

/** A `-ERR …` reply, kept as a value so that one failed command does not poison the connection. */
export interface RespServerError {
  readonly error: string;
}

/** Where a {@link RespConnection} connects and how long it waits. */
export interface RespConnectionOptions {
  readonly host: string;
  readonly port: number;
  /** Sent with `AUTH` on each new connection when set. */
  readonly password?: string;
  readonly connectTimeoutMs: number;
  readonly commandTimeoutMs: number;
}

interface PendingReply {
  readonly resolve: (value: RespValue) => void;
  readonly reject: (error: Error) => void;
}

/** Replies nested deeper than this are refused: Redis never sends them for our commands. */
const MAX_REPLY_DEPTH = 8;
const CRLF = '\r\n';

/**
 * Internal to the Redis nonce store: a minimal RESP2 client over `node:net`. Commands are pipelined
 * on one socket and answered in order. It connects lazily and reconnects on the next command after
 * any failure; on a failure every pending command is rejected, because replies could no longer be
 * matched to commands.
 */
export class RespConnection {
  readonly #options: RespConnectionOptions;
  #socket: Socket | undefined;
  #ready: Promise<Socket> | undefined;
  #buffer: Buffer = Buffer.alloc(0);
  #pending: PendingReply[] = [];
  #isClosed = false;

  constructor(options: RespConnectionOptions) {
    this.#options = options;
  }

  /**
   * Sends one command and resolves with its reply (a server error is a value, not a rejection).
   *
   * @throws {VerifyError} NONCE_STORE_UNAVAILABLE (as a rejection) on connection failure or timeout.
   * @throws {VerifyError} NONCE_STORE_CLOSED (as a rejection) after {@link close}.
   */
  async command(args: readonly string[]): Promise<RespValue> {
    if (this.#isClosed) throw new VerifyError('NONCE_STORE_CLOSED', 'the Redis connection is closed');
    const socket = await this.#connect();
    return this.#send(socket, args);
  }

  /** Closes the socket; pending commands are rejected. */
  async close(): Promise<void> {
    this.#isClosed = true;
    const socket = this.#socket;
    this.#fail(new VerifyError('NONCE_STORE_CLOSED', 'the Redis connection was closed'));
    if (socket && !socket.destroyed) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.end();
        socket.setTimeout(this.#options.commandTimeoutMs, () => socket.destroy());
      });
    }
  }

  #send(socket: Socket, args: readonly string[]): Promise<RespValue> {
    return new Promise<RespValue>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#fail(new VerifyError('NONCE_STORE_UNAVAILABLE', `Redis did not answer within ${this.#options.commandTimeoutMs} ms`));
      }, this.#options.commandTimeoutMs);
      this.#pending.push({
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      socket.write(encodeCommand(args));
    });
  }

  #connect(): Promise<Socket> {
    if (this.#ready) return this.#ready;
    const { host, port, connectTimeoutMs, password } = this.#options;
    const ready = new Promise<Socket>((resolve, reject) => {
      const socket = connect({ host, port });
      this.#socket = socket;
      this.#buffer = Buffer.alloc(0);
      socket.setNoDelay(true);
      const timer = setTimeout(() => {
        socket.destroy(new Error(`connect timeout after ${connectTimeoutMs} ms`));
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        if (password === undefined) {
          resolve(socket);
          return;
        }
        this.#send(socket, ['AUTH', password]).then((reply) => {
          if (reply === 'OK') resolve(socket);
          else socket.destroy(new Error('AUTH refused'));
        }, reject);
      });
      // An old socket's late events must not touch the connection that replaced it.
      const isCurrent = (): boolean => this.#socket === socket;
      socket.on('data', (chunk) => {
        if (isCurrent()) this.#receive(chunk);
      });
      socket.on('error', (error) => {
        clearTimeout(timer);
        const failure = new VerifyError('NONCE_STORE_UNAVAILABLE', `Redis ${host}:${port}: ${error.message}`, { cause: error });
        reject(failure);
        if (isCurrent()) this.#fail(failure);
      });
      socket.on('close', () => {
        clearTimeout(timer);
        const failure = new VerifyError('NONCE_STORE_UNAVAILABLE', `Redis ${host}:${port} closed the connection`);
        reject(failure);
        if (isCurrent()) this.#fail(failure);
      });
    });
    this.#ready = ready;
    return ready;
  }

  #receive(chunk: Buffer): void {
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    let offset = 0;
    for (;;) {
      let parsed: { value: RespValue; next: number } | undefined;
      try {
        parsed = parseReply(this.#buffer, offset, 0);
      } catch (error) {
        // A protocol violation: nothing after it can be trusted; the pending commands get the error.
        this.#fail(new VerifyError('NONCE_STORE_UNAVAILABLE', 'malformed Redis reply', { cause: error }));
        return;
      }
      if (!parsed) break;
      offset = parsed.next;
      const pending = this.#pending.shift();
      if (!pending) {
        this.#fail(new VerifyError('NONCE_STORE_UNAVAILABLE', 'unsolicited Redis reply'));
        return;
      }
      pending.resolve(parsed.value);
    }
    this.#buffer = this.#buffer.subarray(offset);
  }

  /** Drops the socket and rejects every pending command; the next command reconnects. */
  #fail(error: Error): void {
    const pending = this.#pending;
    this.#pending = [];
    const socket = this.#socket;
    this.#socket = undefined;
    this.#ready = undefined;
    this.#buffer = Buffer.alloc(0);
    if (socket && !socket.destroyed && !this.#isClosed) socket.destroy();
    for (const reply of pending) reply.reject(error);
  }
}

function encodeCommand(args: readonly string[]): Buffer {
  const parts = [`*${args.length}${CRLF}`];
  for (const arg of args) parts.push(`$${Buffer.byteLength(arg, 'utf8')}${CRLF}${arg}${CRLF}`);
  return Buffer.from(parts.join(''), 'utf8');
}

/** Parses one reply at `offset`; `undefined` when the buffer does not hold all of it yet. */
function parseReply(buffer: Buffer, offset: number, depth: number): { value: RespValue; next: number } | undefined {
  if (depth > MAX_REPLY_DEPTH) throw new Error('reply nested too deep');
  if (offset >= buffer.length) return undefined;
  const lineEnd = buffer.indexOf(CRLF, offset);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buffer[offset] as number);
  const line = buffer.toString('utf8', offset + 1, lineEnd);
  const afterLine = lineEnd + 2;
  switch (type) {
    case '+':
      return { value: line, next: afterLine };
    case '-':
      return { value: { error: line }, next: afterLine };
    case ':':
      return { value: Number(line), next: afterLine };
    case '$': {
      const length = Number(line);
      if (length === -1) return { value: null, next: afterLine };
      if (!Number.isInteger(length) || length < 0) throw new Error(`bad bulk length ${line}`);
      if (buffer.length < afterLine + length + 2) return undefined;
      return { value: buffer.toString('utf8', afterLine, afterLine + length), next: afterLine + length + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count === -1) return { value: null, next: afterLine };
      if (!Number.isInteger(count) || count < 0) throw new Error(`bad array length ${line}`);
      const items: RespValue[] = [];
      let next = afterLine;
      for (let index = 0; index < count; index++) {
        const item = parseReply(buffer, next, depth + 1);
        if (!item) return undefined;
        items.push(item.value);
        next = item.next;
      }
      return { value: items, next };
    }
    default:
      throw new Error(`unknown reply type ${JSON.stringify(type)}`);
  }
}
