import type { CertificationEvaluation } from '../evaluate/certification-evaluation.js';
import { csvField } from './csv-field.js';

/** Columns of the batch CSV output, in order (lists are joined with `;`). */
export const CSV_OUTPUT_COLUMNS = Object.freeze([
  'id',
  'status',
  'nextDueDate',
  'lastCertificationDate',
  'graceEndsOn',
  'missedDueDate',
  'suspensionScheduledFrom',
  'suspensionReason',
  'suspendedFrom',
  'resumeFrom',
  'backPayMonths',
  'terminatedFrom',
  'lastEntitledMonth',
  'overpaidMonths',
  'requiresManualReview',
  'fraudSuspected',
  'nextAction',
] as const);

/** Extra CSV output columns with `explain`. */
export const CSV_EXPLANATION_COLUMNS = Object.freeze(['explanationZhCN', 'explanationEn'] as const);

/** One CSV output line (no line break) for an evaluation. */
export function evaluationToCsv(id: string | null, e: CertificationEvaluation, shouldExplain: boolean): string {
  let line = `${csvField(id)},${e.status},${e.nextDueDate ?? ''},${e.lastCertificationDate ?? ''},${e.graceEndsOn ?? ''},` +
    `${e.missedDueDate ?? ''},${e.suspensionScheduledFrom ?? ''},${e.suspensionReason ?? ''},${e.suspendedFrom ?? ''},` +
    `${e.resumeFrom ?? ''},${e.backPayMonths.join(';')},${e.terminatedFrom ?? ''},${e.lastEntitledMonth ?? ''},` +
    `${e.overpaidMonths.join(';')},${e.requiresManualReview},${e.fraudSuspected},${e.nextAction}`;
  if (shouldExplain) line += `,${csvField(e.explanation['zh-CN'])},${csvField(e.explanation.en)}`;
  return line;
}

/** One JSONL output line (no line break): `id` and the evaluation; the explanation only with `explain`. */
export function evaluationToJsonLine(id: string | null, e: CertificationEvaluation, shouldExplain: boolean): string {
  const { explanation, recommendedChannels, ...rest } = e;
  return JSON.stringify({
    id,
    ...rest,
    ...(recommendedChannels === null ? {} : { recommendedChannels }),
    ...(shouldExplain ? { explanation: explanation.toJSON() } : {}),
  });
}
