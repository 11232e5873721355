// Verifications per second, per core: `bash packages/verify/bench/run-bench.sh` bundles this file
// with esbuild and runs it pinned to one CPU (taskset pins libuv's thread pool too, where SHA-256
// digests run). Each case verifies pre-built bundles for distinct plans, one after another, for a
// fixed time after a warm-up. After the first pass their nonces are spent, but the verifier runs
// every check whatever it finds, so the work per call is the same.
import { cpus } from 'node:os';
import { generatePlanSigningKey } from '../src/keys/generate-plan-signing-key.js';
import { MemoryNonceStore } from '../src/nonce/memory-nonce-store.js';
import { issuePlan } from '../src/plans/issue-plan.js';
import { EvidenceVerifier } from '../src/verification/evidence-verifier.js';
import { submissionTimeMs, synthesizeEvidence } from '../test/support/synthesize-evidence.js';

const BUNDLES_PER_CASE = 200;
const WARM_UP_MS = 1_000;
const MEASURE_MS = Number(process.env.BENCH_MEASURE_MS ?? 5_000);

const key = generatePlanSigningKey('bench');

async function bodies(options: { withBestFrame: boolean; withAudio: boolean }): Promise<string[]> {
  const bundles = await Promise.all(
    Array.from({ length: BUNDLES_PER_CASE }, () => synthesizeEvidence(issuePlan({ signingKey: key }), options)),
  );
  return bundles.map((bundle) => JSON.stringify(bundle));
}

async function measure(verifier: EvidenceVerifier, texts: readonly string[]): Promise<{ perSecond: number; meanMs: number; accepted: number }> {
  let index = 0;
  let accepted = 0;
  const run = async (untilMs: number): Promise<number> => {
    let count = 0;
    while (performance.now() < untilMs) {
      const result = await verifier.verify(texts[index++ % texts.length]);
      if (result.accepted) accepted++;
      count++;
    }
    return count;
  };
  await run(performance.now() + WARM_UP_MS);
  const startMs = performance.now();
  const count = await run(startMs + MEASURE_MS);
  const elapsedMs = performance.now() - startMs;
  return { perSecond: (count * 1_000) / elapsedMs, meanMs: elapsedMs / count, accepted };
}

const cases: [string, Promise<string[]>][] = [
  ['3-step plan, 30 fps trace (no media)', bodies({ withBestFrame: false, withAudio: false })],
  ['3-step plan, 30 fps trace, one best frame', bodies({ withBestFrame: true, withAudio: false })],
  ['same, with the readDigits audio clip', bodies({ withBestFrame: true, withAudio: true })],
];
const sample = JSON.parse((await cases[0]![1])[0]!);
const verifier = new EvidenceVerifier({ secret: key, nonceStore: new MemoryNonceStore(), now: () => submissionTimeMs(sample) + 60_000 });

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${MEASURE_MS} ms per case, one core`);
console.log('| case | body | verifications/s | mean ms |');
console.log('|---|---|---|---|');
for (const [name, pending] of cases) {
  const texts = await pending;
  const { perSecond, meanMs, accepted } = await measure(verifier, texts);
  if (accepted === 0) throw new Error(`${name}: no bundle was accepted; the benchmark would measure a rejection path`);
  console.log(`| ${name} | ${Math.round((texts[0] as string).length / 1024)} KiB | ${Math.round(perSecond)} | ${meanMs.toFixed(2)} |`);
}
const malformed = [(await cases[0]![1])[0]!.slice(0, 5_000)];
const { perSecond, meanMs } = await measure(verifier, malformed);
console.log(`| malformed (truncated JSON) | 5 KiB | ${Math.round(perSecond)} | ${meanMs.toFixed(3)} |`);
