import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { RedisNonceStore } from '../src/nonce/redis-nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import { EvidenceVerifier } from '../src/verification/evidence-verifier.js';
import { submissionTimeMs, synthesizeEvidence } from './support/synthesize-evidence.js';

// A real redis-server, started here on a free loopback port and stopped in afterAll. No mock: the
// point is that SET NX PX is atomic across connections, i.e. across portal servers.
const STARTUP_DEADLINE_MS = 10_000;

function findRedisServer(): string {
  const candidates = ['/usr/bin/redis-server', ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'redis-server'))];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      'redis-server is not installed: the Redis nonce store tests need a real one. Install the Debian package ' +
        '"redis-server" (scripts/setup.sh does this) — these tests fail rather than skip.',
    );
  }
  return found;
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Retries `attempt` until it resolves, or fails at the deadline with its last error. */
async function until<T>(attempt: () => Promise<T>, deadlineMs: number): Promise<T> {
  const endMs = Date.now() + deadlineMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > endMs) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

let redis: ChildProcess | undefined;
let port = 0;
let redisLog = '';
const stores: RedisNonceStore[] = [];
const store = (): RedisNonceStore => {
  const created = new RedisNonceStore({ port, keyPrefix: 'test:nonce:', connectTimeoutMs: 1_000, commandTimeoutMs: 1_000 });
  stores.push(created);
  return created;
};

beforeAll(async () => {
  const binary = findRedisServer();
  port = await freeLoopbackPort();
  redis = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  redis.stdout?.on('data', (chunk: Buffer) => void (redisLog += chunk.toString()));
  redis.stderr?.on('data', (chunk: Buffer) => void (redisLog += chunk.toString()));
  const exited = new Promise<never>((_, reject) =>
    redis?.once('exit', (code) => reject(new Error(`redis-server exited (${code}) during startup:\n${redisLog}`))),
  );
  const probe = new RedisNonceStore({ port, connectTimeoutMs: 500, commandTimeoutMs: 500 });
  try {
    await Promise.race([until(() => probe.consume(`startup-${Date.now()}`, 1_000), STARTUP_DEADLINE_MS), exited]);
  } finally {
    await probe.close();
  }
}, STARTUP_DEADLINE_MS + 5_000);

afterAll(async () => {
  await Promise.all(stores.map((created) => created.close()));
  if (redis && redis.exitCode === null) {
    const exited = new Promise((resolve) => redis?.once('exit', resolve));
    redis.kill('SIGTERM');
    await exited;
  }
});

describe('RedisNonceStore against a real redis-server', () => {
  it('records a nonce once', async () => {
    const nonces = store();
    expect(await nonces.consume('n1', 60_000)).toBe(true);
    expect(await nonces.consume('n1', 60_000)).toBe(false);
    expect(await nonces.consume('n2', 60_000)).toBe(true);
  });

  it('is atomic across connections: of 200 concurrent consumers on 4 connections, exactly one wins', async () => {
    const servers = [store(), store(), store(), store()];
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => servers[index % 4]?.consume('contended', 60_000)));
    expect(answers.filter((answer) => answer === true)).toHaveLength(1);
    expect(answers.filter((answer) => answer === false)).toHaveLength(199);
  });

  it('pipelines many different nonces on one connection, each answered in order', async () => {
    const nonces = store();
    const answers = await Promise.all(Array.from({ length: 500 }, (_, index) => nonces.consume(`bulk-${index}`, 60_000)));
    expect(answers.every((answer) => answer === true)).toBe(true);
    const again = await Promise.all(Array.from({ length: 500 }, (_, index) => nonces.consume(`bulk-${index}`, 60_000)));
    expect(again.every((answer) => answer === false)).toBe(true);
  });

  it('lets Redis forget a nonce after its time to live (PX)', async () => {
    const nonces = store();
    expect(await nonces.consume('short-lived', 30)).toBe(true);
    // Await the condition, with a deadline, rather than sleeping a guessed time.
    await until(async () => {
      if (!(await nonces.consume('short-lived', 30))) throw new Error('still held');
    }, 5_000);
  });

  it('rejects a replayed bundle across two portal servers sharing the store', async () => {
    const key = generatePlanSigningKey('cluster');
    const plan = issuePlan({ signingKey: key });
    const bundle = await synthesizeEvidence(plan);
    const server = (): EvidenceVerifier =>
      new EvidenceVerifier({ secret: key, nonceStore: store(), now: () => submissionTimeMs(bundle) });
    const [first, second] = await Promise.all([server().verify(bundle), server().verify(bundle)]);
    expect([first.accepted, second.accepted].sort()).toEqual([false, true]);
    expect([...first.reasons, ...second.reasons]).toEqual(['nonce_replayed']);
  });

  it('keeps working when one command fails on the server side', async () => {
    const nonces = store();
    // A TTL Redis cannot parse gets an error reply; the connection must stay usable after it.
    await expect(nonces.consume('bad-ttl', Number.MAX_SAFE_INTEGER * 1e6)).rejects.toMatchObject({ code: 'NONCE_STORE_UNAVAILABLE' });
    expect(await nonces.consume('after-error', 60_000)).toBe(true);
  });

  it('fails with NONCE_STORE_UNAVAILABLE when nothing listens, so the verifier fails closed', async () => {
    const deadPort = await freeLoopbackPort();
    const dead = new RedisNonceStore({ port: deadPort, connectTimeoutMs: 500, commandTimeoutMs: 500 });
    stores.push(dead);
    await expect(dead.consume('x', 1_000)).rejects.toMatchObject({ name: 'VerifyError', code: 'NONCE_STORE_UNAVAILABLE' });
    const key = generatePlanSigningKey('dead');
    const bundle = await synthesizeEvidence(issuePlan({ signingKey: key }));
    const verifier = new EvidenceVerifier({ secret: key, nonceStore: dead, now: () => submissionTimeMs(bundle) });
    expect((await verifier.verify(bundle)).reasons).toEqual(['nonce_store_unavailable']);
  });

  it('refuses use after close (NONCE_STORE_CLOSED)', async () => {
    const nonces = store();
    expect(await nonces.consume('before-close', 1_000)).toBe(true);
    await nonces.close();
    await expect(nonces.consume('after-close', 1_000)).rejects.toMatchObject({ code: 'NONCE_STORE_CLOSED' });
  });
});
