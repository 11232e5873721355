import { describe, expect, it } from 'vitest';
import { STRICTNESS_PROFILES } from '../src/challenges/strictness-profiles.js';
import {
  DEFAULT_PROTOCOL_LIMITS,
  DEFAULT_STRICTNESS_LIMITS,
  resolveProtocolLimits,
  resolveStrictnessLimits,
  STRICTNESS_LEVELS,
} from '../src/protocol.js';

describe('strictness limits and protocol limits', () => {
  it('are frozen, deeply', () => {
    expect(Object.isFrozen(DEFAULT_STRICTNESS_LIMITS)).toBe(true);
    for (const level of STRICTNESS_LEVELS) expect(Object.isFrozen(DEFAULT_STRICTNESS_LIMITS[level])).toBe(true);
    expect(Object.isFrozen(DEFAULT_PROTOCOL_LIMITS)).toBe(true);
  });

  it('never loosen from loose to strict', () => {
    const [loose, standard, strict] = STRICTNESS_LEVELS.map((level) => DEFAULT_STRICTNESS_LIMITS[level]);
    const tighterIsSmaller = [
      'responseWindowEndMs',
      'maxMissedDigits',
      'maxLatencySpreadMs',
      'stepTimeoutMs',
      'maxStepGapMs',
      'maxFrameGapMs',
      'maxFaceLostMs',
      'maxMultipleFacesMs',
      'maxFaceJumpWidths',
      'eventToleranceMs',
      'blinkClosedRatio',
    ] as const;
    const tighterIsLarger = ['responseWindowStartMs', 'minFps', 'mouthOpenMinRise', 'turnMinYawDeg', 'nodMinPitchDeg'] as const;
    for (const name of tighterIsSmaller) {
      expect(loose?.[name], name).toBeGreaterThanOrEqual(standard?.[name] as number);
      expect(standard?.[name], name).toBeGreaterThanOrEqual(strict?.[name] as number);
    }
    for (const name of tighterIsLarger) {
      expect(loose?.[name], name).toBeLessThanOrEqual(standard?.[name] as number);
      expect(standard?.[name], name).toBeLessThanOrEqual(strict?.[name] as number);
    }
    // The example window: 250–2,000 ms for the standard level.
    expect([standard?.responseWindowStartMs, standard?.responseWindowEndMs]).toEqual([250, 2_000]);
  });

  // The server must never reject what the client's detectors honestly passed: each server limit is
  // at least as lenient as the detector threshold of the same level. A change to the detector
  // profiles that breaks this must update protocol/strictness-limits.ts too.
  it.each(STRICTNESS_LEVELS)('are at least as lenient as the client detectors at %s', (level) => {
    const server = DEFAULT_STRICTNESS_LIMITS[level];
    const client = STRICTNESS_PROFILES[level];
    expect(server.responseWindowStartMs).toBeLessThanOrEqual(client.readDigits.responseWindowStartMs);
    expect(server.responseWindowEndMs).toBeGreaterThanOrEqual(client.readDigits.responseWindowEndMs);
    expect(server.utteranceGapMs).toBe(client.readDigits.utteranceGapMs);
    expect(server.maxMissedDigits).toBeGreaterThanOrEqual(client.readDigits.maxMissedDigits);
    expect(server.maxLatencySpreadMs).toBeGreaterThanOrEqual(client.readDigits.maxLatencySpreadMs);
    expect(server.stepTimeoutMs).toBeGreaterThanOrEqual(client.timeouts.stepTimeoutMs);
    expect(server.minFps).toBeLessThanOrEqual(client.guards.minFrameRateFps);
    expect(server.maxFaceLostMs).toBeGreaterThanOrEqual(client.guards.faceLostFailMs);
    expect(server.maxMultipleFacesMs).toBeGreaterThanOrEqual(client.guards.multipleFacesFailMs);
    expect(server.maxFaceJumpWidths).toBeGreaterThanOrEqual(client.guards.maxFaceJumpWidths);
    expect(server.maxFrameGapMs).toBeGreaterThanOrEqual(
      Math.max(client.blink.maxSampleGapMs, client.mouthOpen.maxSampleGapMs, client.headTurn.maxSampleGapMs),
    );
    expect(server.blinkClosedRatio).toBeGreaterThanOrEqual(client.blink.closedRatio);
    expect(server.mouthOpenMinRise).toBeLessThanOrEqual(client.mouthOpen.minRise);
    expect(server.turnMinYawDeg).toBeLessThanOrEqual(client.headTurn.turnYawDeg);
    expect(server.nodMinPitchDeg).toBeLessThanOrEqual(client.headTurn.nodPitchDeg);
  });

  it('resolve with overrides into new frozen objects, leaving the defaults alone', () => {
    const limits = resolveStrictnessLimits('standard', { minFps: 20 });
    expect(limits).toEqual({ ...DEFAULT_STRICTNESS_LIMITS.standard, minFps: 20 });
    expect(Object.isFrozen(limits)).toBe(true);
    expect(DEFAULT_STRICTNESS_LIMITS.standard.minFps).toBe(6);
    expect(resolveProtocolLimits({ maxFrames: 10 })).toEqual({ ...DEFAULT_PROTOCOL_LIMITS, maxFrames: 10 });
  });
});
