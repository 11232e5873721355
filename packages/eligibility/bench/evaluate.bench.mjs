// Evaluations per second on one core: 1,000,000 generated records under the rolling national profile.
// Run after a build: `pnpm --filter @huoti/eligibility bench` (or `node bench/evaluate.bench.mjs`).
// Records are generated in chunks outside the timed region; only evaluateCertification is timed.
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { evaluateCertification, getPreset, PRESETS } from '../dist/index.js';

const RECORD_COUNT = Number(process.env.BENCH_RECORDS ?? 1_000_000);
const CHUNK_SIZE = 100_000;
const TODAY = '2025-06-01';
const WARMUP_RECORDS = 200_000;

/** Deterministic PRNG (mulberry32) so every run evaluates the same records. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dayToIso = (epochDay) => new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
const FIRST = Date.UTC(2015, 0, 1) / 86_400_000;
const LAST = Date.UTC(2025, 5, 1) / 86_400_000;
const RESULTS = ['success', 'success', 'success', 'success', 'failed', 'pendingReview'];
const CHANNELS = ['app', 'miniProgram', 'proxy', 'window', 'dataComparison'];

function generate(next, count) {
  const records = new Array(count);
  for (let i = 0; i < count; i++) {
    const first = FIRST + Math.floor(next() * (LAST - FIRST - 400));
    const events = [];
    let day = first;
    const eventCount = Math.floor(next() * 6);
    for (let e = 0; e < eventCount; e++) {
      day += 200 + Math.floor(next() * 300);
      if (day > LAST) break;
      events.push({ date: dayToIso(day), channel: CHANNELS[Math.floor(next() * CHANNELS.length)], result: RESULTS[Math.floor(next() * RESULTS.length)] });
    }
    const facts = { firstPaymentDate: dayToIso(first), certificationEvents: events, today: TODAY };
    if (next() < 0.01) facts.deathDate = dayToIso(day + 30);
    records[i] = facts;
  }
  return records;
}

function run(profile, label, count) {
  const next = random(42);
  let done = 0;
  let elapsedMs = 0;
  let checksum = 0;
  while (done < count) {
    const records = generate(next, Math.min(CHUNK_SIZE, count - done));
    // Collect the generator's garbage outside the timed region (needs --expose-gc; see package.json).
    globalThis.gc?.();
    const start = performance.now();
    for (let i = 0; i < records.length; i++) checksum += evaluateCertification({ profile, facts: records[i] }).status.length;
    elapsedMs += performance.now() - start;
    done += records.length;
  }
  const perSecond = Math.round((done / elapsedMs) * 1000);
  if (label !== null) console.log(`${label.padEnd(44)} ${done.toLocaleString('en-US')} records  ${elapsedMs.toFixed(0).padStart(6)} ms  ${perSecond.toLocaleString('en-US').padStart(10)} evaluations/s/core  (checksum ${checksum})`);
  return perSecond;
}

if (globalThis.gc === undefined) console.log('note: run with node --expose-gc to keep generator garbage out of the timing');
console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} logical cores; one thread measured`);
const compiled = getPreset('CN-DEFAULT');
run(compiled, null, WARMUP_RECORDS);
run(compiled, 'CN-DEFAULT, compiled once (getPreset)', RECORD_COUNT);
run(PRESETS['CN-DEFAULT'], 'CN-DEFAULT, JSON profile validated per call', Math.min(RECORD_COUNT, 200_000));
run(getPreset('HA-365'), 'HA-365 (rollingDays), compiled once', Math.min(RECORD_COUNT, 200_000));
