import { canonicalJson, type EvidenceBundle } from '@huoti/liveness/protocol';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import { EvidenceVerifier } from '../src/verification/evidence-verifier.js';
import { VERIFICATION_REASONS } from '../src/verification/verification-reason.js';
import type { VerificationResult } from '../src/verification/verification-result.js';
import { submissionTimeMs, synthesizeEvidence } from './support/synthesize-evidence.js';

// Hostile bodies: the verifier must reject each with a documented reason, within its size limit,
// never throwing, never reporting an internal error, never polluting prototypes.
const key = generatePlanSigningKey('portal-a');
const plan = issuePlan({ signingKey: key, policy: { stepKinds: ['blink', 'readDigits'], stepCount: 2 } });
const bundle: EvidenceBundle = await synthesizeEvidence(plan, { withBestFrame: true });
const bundleText = JSON.stringify(bundle);
const bundleCanonical = canonicalJson(bundle);

const freshVerifier = (maxBodyBytes?: number): EvidenceVerifier =>
  new EvidenceVerifier({
    publicKeys: { [key.keyId]: key.publicKey },
    nonceStore: new MemoryNonceStore(),
    now: () => submissionTimeMs(bundle),
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });

function expectRejected(result: VerificationResult): void {
  expect(result.accepted).toBe(false);
  expect(result.reasons.length).toBeGreaterThan(0);
  for (const reason of result.reasons) expect(VERIFICATION_REASONS).toContain(reason);
  expect(result.reasons).not.toContain('internal_error');
}

/** Whether `text` still means the honest bundle (say, only whitespace was inserted): not malformed. */
function meansTheBundle(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === bundleCanonical;
  } catch {
    return false; // not JSON, or not canonicalisable: malformed indeed
  }
}

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Paths to every value of a JSON tree (objects and arrays included). */
function allPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, index) => allPaths(item, [...path, index])));
  if (value && typeof value === 'object') return here.concat(Object.entries(value).flatMap(([name, item]) => allPaths(item, [...path, name])));
  return here;
}
const paths = allPaths(bundle).filter((path) => path.length > 0);

const hostileBody: fc.Arbitrary<unknown> = fc.oneof(
  // Random text, random JSON, random bytes.
  fc.string({ maxLength: 300 }),
  fc.json({ maxDepth: 4 }),
  fc.uint8Array({ maxLength: 300 }),
  // Random in-memory values, including null-prototype objects, boxed values, sparse arrays.
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBoxedValues: true, withSparseArray: true, withObjectString: true }),
  // The honest bundle, truncated.
  fc.nat({ max: bundleText.length - 1 }).map((end) => bundleText.slice(0, end)),
  // The honest bundle with one character replaced or inserted.
  fc
    .tuple(fc.nat({ max: bundleText.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), fc.boolean())
    .map(([at, char, isInsert]) => bundleText.slice(0, at) + char + bundleText.slice(isInsert ? at : at + 1))
    .filter((text) => !meansTheBundle(text)),
  // The honest bundle with one value replaced by anything, or a pollution key added to one object.
  fc
    .tuple(fc.constantFrom(...paths), fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 2_000 })))
    .map(([path, replacement]) => {
      const copy = JSON.parse(bundleText) as Record<string | number, unknown>;
      let node = copy;
      for (const part of path.slice(0, -1)) node = node[part] as Record<string | number, unknown>;
      node[path.at(-1) as string | number] = replacement;
      return copy;
    })
    .filter((value) => !meansTheBundle(JSON.stringify(value) ?? '')),
  fc
    .tuple(fc.constantFrom(...paths.filter((path) => typeof path.at(-1) === 'string')), fc.constantFrom(...POLLUTION_KEYS))
    .map(([path, pollutionKey]) => {
      // Text, so that "__proto__" arrives as an own key, as JSON.parse makes it.
      const marker = JSON.stringify(path.at(-1));
      const injection = `"${pollutionKey}":{"polluted":true,"prototype":{"polluted":true}},`;
      return bundleText.replace(`${marker}:`, `${injection}${marker}:`);
    }),
);

describe('EvidenceVerifier on hostile input', () => {
  it('the honest bundle used as the base of the mutations is accepted', async () => {
    expect((await freshVerifier().verify(bundleText)).accepted).toBe(true);
  });

  it('rejects 10,000 random malformed bodies with documented reasons, without throwing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        expectRejected(await freshVerifier().verify(body));
      }),
      { numRuns: 10_000 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects prototype-pollution keys as forbidden, leaving Object.prototype alone', async () => {
    const text = bundleText.replace('"passed":', '"__proto__":{"polluted":true},"passed":');
    const result = await freshVerifier().verify(text);
    expect(result.reasons).toEqual(['invalid_bundle']);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'forbidden_key', path: '/__proto__' }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an oversized body before parsing it', async () => {
    const huge = `{"passed":true,"reason":"${'x'.repeat(4 * 1024 * 1024)}"}`;
    expect((await freshVerifier().verify(huge)).reasons).toEqual(['body_too_large']);
    expect((await freshVerifier().verify(new TextEncoder().encode(huge))).reasons).toEqual(['body_too_large']);
    expect((await freshVerifier(1_000).verify(bundle)).reasons).toEqual(['body_too_large']);
  });

  it('rejects huge fields and huge arrays in an already parsed value by the protocol limits', async () => {
    const hugeAgent = JSON.parse(bundleText) as { evidence: { environment: { userAgent: string } } };
    hugeAgent.evidence.environment.userAgent = 'x'.repeat(10_000_000);
    const hugeAgentResult = await freshVerifier().verify(hugeAgent);
    expect(hugeAgentResult.reasons).toEqual(['invalid_bundle']);
    expect(hugeAgentResult.issues).toContainEqual(expect.objectContaining({ code: 'too_long', path: '/evidence/environment/userAgent' }));
    const hugeTrace = JSON.parse(bundleText) as { evidence: { trace: { frames: unknown[] } } };
    hugeTrace.evidence.trace.frames = new Array(1_000_000).fill([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect((await freshVerifier().verify(hugeTrace)).issues).toContainEqual(
      expect.objectContaining({ code: 'too_long', path: '/evidence/trace/frames' }),
    );
  });

  it('rejects truncated JSON, invalid UTF-8, deep nesting and wrong types with a reason', async () => {
    const cases: [unknown, string][] = [
      [bundleText.slice(0, bundleText.length / 2), 'malformed_json'],
      [new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'malformed_json'],
      // V8 parses deep nesting iteratively; the validator then refuses it at the top level.
      ['['.repeat(200_000) + ']'.repeat(200_000), 'invalid_bundle'],
      ['['.repeat(200_000), 'malformed_json'],
      [JSON.parse('['.repeat(5_000) + ']'.repeat(5_000)), 'invalid_bundle'],
      ['null', 'invalid_bundle'],
      ['"a string"', 'invalid_bundle'],
      [undefined, 'invalid_bundle'],
      [42n, 'invalid_bundle'],
      [Symbol('x'), 'invalid_bundle'],
      [() => bundle, 'invalid_bundle'],
      [bundleText.replace('"passed":true', '"passed":"true"'), 'invalid_bundle'],
      [bundleText.replace(/"width":\d+/, '"width":1e400'), 'invalid_bundle'],
    ];
    for (const [index, [body, reason]] of cases.entries()) {
      const result = await freshVerifier().verify(body);
      expect(result.reasons, `case ${index}`).toEqual([reason]);
    }
  });

  it('rejects values that run code when read (getters, proxies) without running into them', async () => {
    const withGetter = JSON.parse(bundleText) as Record<string, unknown>;
    let getterRuns = 0;
    Object.defineProperty(withGetter, 'passed', {
      enumerable: true,
      get: () => {
        getterRuns++;
        return true;
      },
    });
    expectRejected(await freshVerifier().verify(withGetter));
    expect(getterRuns).toBe(0);
    const trap = new Proxy(JSON.parse(bundleText) as object, {
      ownKeys: () => {
        throw new Error('trap');
      },
    });
    expect((await freshVerifier().verify(trap)).reasons).toEqual(['invalid_bundle']);
  });
});
