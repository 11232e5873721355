import { describe, expect, it } from 'vitest';
import { HuotiError, resolveLivenessEngineConfig, DEFAULT_LIVENESS_ENGINE_CONFIG } from '../src/index.js';
import { raceWithDeadline } from '../src/bridge/race-with-deadline.js';
import { combineAbortSignals } from '../src/engine/combine-abort-signals.js';

const never = new Promise<never>(() => {});
const timeoutError = (): HuotiError => new HuotiError('WORKER_CRASHED', 'timed out');

describe('raceWithDeadline', () => {
  it('settles with the promise when it wins', async () => {
    await expect(raceWithDeadline(Promise.resolve(7), { timeoutMs: 1_000, onTimeout: timeoutError })).resolves.toBe(7);
  });

  it.each([
    ['the deadline', { timeoutMs: 5 }, 'WORKER_CRASHED'],
    ['an aborted signal', { timeoutMs: 1_000, signal: AbortSignal.abort() }, 'ABORTED'],
    ['a signal that aborts later', { timeoutMs: 1_000, signal: AbortSignal.timeout(5) }, 'ABORTED'],
  ])('rejects a call that never settles on %s', async (_what, options, code) => {
    await expect(raceWithDeadline(never, { onTimeout: timeoutError, ...options })).rejects.toMatchObject({ code });
  });

  it('rejects a call that never settles when a canceller rejects', async () => {
    let cancel: (error: HuotiError) => void = () => {};
    const canceller = new Promise<never>((_, reject) => {
      cancel = reject;
    });
    const pending = raceWithDeadline(never, { timeoutMs: 1_000, onTimeout: timeoutError, cancellers: [canceller] });
    cancel(new HuotiError('DISPOSED'));
    await expect(pending).rejects.toMatchObject({ code: 'DISPOSED' });
  });
});

describe('combineAbortSignals', () => {
  it('aborts when any input aborts, with its reason, and detaches', () => {
    const a = new AbortController();
    const b = new AbortController();
    const { signal, detach } = combineAbortSignals([a.signal, b.signal]);
    expect(signal.aborted).toBe(false);
    b.abort('because');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('because');
    detach();
  });

  it('is already aborted when an input is', () => {
    expect(combineAbortSignals([AbortSignal.abort('x')]).signal.aborted).toBe(true);
  });
});

describe('engine config', () => {
  it('has frozen named defaults and same-origin asset URLs next to the module', () => {
    expect(Object.isFrozen(DEFAULT_LIVENESS_ENGINE_CONFIG)).toBe(true);
    const config = resolveLivenessEngineConfig();
    expect(config.analysisWidthPx).toBe(640);
    expect(config.backend).toBe('auto');
    expect(String(config.assetBaseUrl)).toMatch(/\/assets\/$/);
    expect(String(config.workerUrl)).toMatch(/\/worker\.js$/);
    expect(new URL(String(config.assetBaseUrl)).origin).toBe(new URL(String(config.workerUrl)).origin);
  });

  it('lets every option be overridden', () => {
    const config = resolveLivenessEngineConfig({ assetBaseUrl: 'https://cdn.example/x/', analysisWidthPx: 320, backend: 'cpu' });
    expect([String(config.assetBaseUrl), config.analysisWidthPx, config.backend]).toEqual(['https://cdn.example/x/', 320, 'cpu']);
  });
});
