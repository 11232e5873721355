// Cache-warm steady state: 1,000 records re-evaluated 1,000 times (compare with evaluate.bench.mjs on 1,000,000 distinct records).
import { evaluateCertification, getPreset } from '../dist/index.js';
const p = getPreset('CN-DEFAULT');
const recs = [];
for (let i = 0; i < 1000; i++) recs.push({ firstPaymentDate: '2022-0' + (1 + i % 9) + '-15', certificationEvents: [{ date: '2023-03-10', channel: 'app', result: 'success' }, { date: '2024-0' + (1 + i % 9) + '-20', channel: 'app', result: 'success' }], today: '2025-06-01' });
for (let round = 0; round < 5; round++) {
  const t = performance.now(); let c = 0;
  for (let k = 0; k < 1000; k++) for (let i = 0; i < recs.length; i++) c += evaluateCertification({ profile: p, facts: recs[i] }).status.length;
  const ms = performance.now() - t; console.log(round, Math.round(1e6 / ms * 1000), 'evals/s', c);
}
