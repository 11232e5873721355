import { describe, expect, it } from 'vitest';
import { DEFAULT_MEMORY_NONCE_STORE_CONFIG, MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';

/** A clock the test moves by hand. */
function manualClock(startMs = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let nowMs = startMs;
  return { now: () => nowMs, advance: (ms) => void (nowMs += ms) };
}

describe('MemoryNonceStore', () => {
  it('records a nonce once: true the first time, false after', async () => {
    const store = new MemoryNonceStore();
    expect(await store.consume('nonce-a', 60_000)).toBe(true);
    expect(await store.consume('nonce-a', 60_000)).toBe(false);
    expect(await store.consume('nonce-b', 60_000)).toBe(true);
  });

  it('answers exactly one of many concurrent consumers', async () => {
    const store = new MemoryNonceStore();
    const answers = await Promise.all(Array.from({ length: 100 }, () => store.consume('same', 60_000)));
    expect(answers.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a nonce when its time to live has passed, and sweeps expired entries', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ now: clock.now, sweepIntervalMs: 1_000 });
    await store.consume('short', 500);
    await store.consume('long', 10_000);
    clock.advance(499);
    expect(await store.consume('short', 500)).toBe(false);
    clock.advance(1_000);
    expect(await store.consume('other', 500)).toBe(true); // triggers the sweep
    expect(store.size).toBe(2); // 'long' and 'other'
    expect(await store.consume('short', 500)).toBe(true);
    expect(await store.consume('long', 10_000)).toBe(false);
  });

  it('fails closed when full of unexpired nonces (NONCE_STORE_FULL), and recovers as they expire', async () => {
    const clock = manualClock();
    const store = new MemoryNonceStore({ now: clock.now, maxEntries: 2 });
    await store.consume('a', 1_000);
    await store.consume('b', 1_000);
    await expect(store.consume('c', 1_000)).rejects.toMatchObject({ name: 'VerifyError', code: 'NONCE_STORE_FULL' });
    expect(await store.consume('a', 1_000)).toBe(false);
    clock.advance(1_001);
    expect(await store.consume('c', 1_000)).toBe(true);
  });

  it('has frozen defaults and refuses a zero capacity', () => {
    expect(Object.isFrozen(DEFAULT_MEMORY_NONCE_STORE_CONFIG)).toBe(true);
    expect(() => new MemoryNonceStore({ maxEntries: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }));
  });
});
