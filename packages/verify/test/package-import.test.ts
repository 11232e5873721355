import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { synthesizeEvidence, submissionTimeMs } from './support/synthesize-evidence.js';

// Imports the built package by its name, through its exports map (the `node` condition), as a
// portal's server would. Needs `tsc -b && rollup -c` first.
describe('@huoti/verify imported by name', () => {
  it('exposes its API and version', async () => {
    const verify = await import('@huoti/verify');
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(verify.VERSION).toBe(version);
    for (const name of [
      'issuePlan',
      'verifyEvidence',
      'EvidenceVerifier',
      'MemoryNonceStore',
      'RedisNonceStore',
      'VerifyError',
      'generatePlanSigningKey',
      'importPrivateKey',
      'importPublicKey',
      'resolvePlanPolicy',
      'resolveVerifierConfig',
    ]) {
      expect(typeof verify[name as keyof typeof verify], name).toBe('function');
    }
    for (const frozen of [verify.DEFAULT_PLAN_POLICY, verify.DEFAULT_VERIFIER_CONFIG, verify.DEFAULT_MEMORY_NONCE_STORE_CONFIG, verify.DEFAULT_REDIS_NONCE_STORE_CONFIG, verify.VERIFICATION_REASONS]) {
      expect(Object.isFrozen(frozen)).toBe(true);
    }
  });

  it('issues a plan and accepts the honest bundle for it, then rejects its replay', async () => {
    const { generatePlanSigningKey, issuePlan, verifyEvidence, MemoryNonceStore } = await import('@huoti/verify');
    const key = generatePlanSigningKey('built');
    const plan = issuePlan({ signingKey: key });
    const bundle = await synthesizeEvidence(plan, { withBestFrame: true });
    const options = { publicKeys: { built: key.publicJwk }, nonceStore: new MemoryNonceStore(), now: () => submissionTimeMs(bundle) };
    expect(await verifyEvidence(JSON.stringify(bundle), options)).toEqual({ accepted: true, reasons: [], issues: [], nonce: plan.nonce });
    expect((await verifyEvidence(JSON.stringify(bundle), options)).reasons).toEqual(['nonce_replayed']);
  });

  it('@huoti/liveness/protocol imports by name in Node', async () => {
    const protocol = await import('@huoti/liveness/protocol');
    expect(protocol.canonicalJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
    expect(Object.keys(protocol.DEFAULT_STRICTNESS_LIMITS)).toEqual(['loose', 'standard', 'strict']);
  });
});
