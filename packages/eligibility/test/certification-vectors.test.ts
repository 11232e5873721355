import { describe, expect, it } from 'vitest';
import { checkProxyBinding } from '../src/proxy/check-proxy-binding.js';
import { evaluateCertification } from '../src/evaluate/evaluate-certification.js';
import { parseResidentId } from '../src/id/parse-resident-id.js';
import { RESIDENT_ID_ERROR_ORDER } from '../src/id/resident-id-result.js';
import { CHANNEL_IDS } from '../src/channels/channel-id.js';
import { loadSharedVectors } from './shared-vectors.js';

// Every scenario of the shared file, passed verbatim; every key present in `expected` must match.
const vectors = loadSharedVectors();

function expectKeys(actual: object, expected: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(expected)) {
    expect((actual as Record<string, unknown>)[key], key).toStrictEqual(value);
  }
}

describe('shared vectors file', () => {
  it('has the expected sections and counts', () => {
    expect(vectors.scenarios.length).toBe(52);
    expect(vectors.idNumbers.vectors.length).toBeGreaterThan(0);
  });

  it('lists the same ID error order and channels as the code', () => {
    expect(vectors.conventions.idErrorOrder.split('—')[0]?.split(',').map((code) => code.trim())).toStrictEqual([...RESIDENT_ID_ERROR_ORDER]);
    expect(vectors.conventions.channels).toStrictEqual([...CHANNEL_IDS]);
  });
});

describe('eligibility and proxy scenarios', () => {
  for (const scenario of vectors.scenarios) {
    it(`${scenario.id}: ${scenario.description}`, () => {
      if (scenario.kind === 'eligibility') {
        const result = evaluateCertification({ profile: scenario.profile as never, facts: scenario.facts as never });
        expectKeys(result, scenario.expected);
        expect(result.explanation.en.length).toBeGreaterThan(0);
      } else {
        expect(scenario.kind).toBe('proxyBinding');
        const result = checkProxyBinding({ profile: scenario.profile as never, facts: scenario.facts as never });
        expectKeys(result, scenario.expected);
      }
    });
  }
});

describe('ID number vectors', () => {
  const { referenceDate, defaultOptions } = vectors.idNumbers;
  for (const vector of vectors.idNumbers.vectors) {
    it(`${vector.id}: ${JSON.stringify(vector.input)}`, () => {
      const result = parseResidentId(vector.input, { referenceDate, ...defaultOptions, ...vector.options });
      expectKeys(result, vector.expected);
    });
  }
});
