import { once } from 'node:events';
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { csvRecordToFacts, readCsvHeader, type CsvInputColumn } from '../batch/csv-record-to-facts.js';
import type { BatchRecord } from '../batch/batch-record.js';
import { CSV_EXPLANATION_COLUMNS, CSV_OUTPUT_COLUMNS, evaluationToCsv, evaluationToJsonLine } from '../batch/evaluation-output.js';
import { jsonRecordToFacts } from '../batch/json-record-to-facts.js';
import { parseCsvLine } from '../batch/parse-csv-line.js';
import { parseDay } from '../dates/parse-day.js';
import { EligibilityError } from '../errors/eligibility-error.js';
import { evaluateCertification } from '../evaluate/evaluate-certification.js';
import type { CompiledPolicy } from '../profile/compiled-policy.js';
import { getPreset } from '../profile/get-preset.js';
import { loadPolicy } from '../profile/load-policy.js';
import { PRESET_NAMES, PRESETS } from '../profile/presets.js';
import { ProgressBar, type ProgressStream } from './progress-bar.js';

/** Streams the CLI reads and writes; injected so tests can run it in-process. */
export interface CliIo {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream & ProgressStream;
}

/** Exit codes of `huoti-eligibility`. */
export const CLI_EXIT_CODES = Object.freeze({ ok: 0, fatal: 1, someRecordsRejected: 2 });

const OUTPUT_FLUSH_CHARS = 1 << 16;
const PROGRAM = 'huoti-eligibility';

const USAGE = `Usage: ${PROGRAM} evaluate --profile <preset|file.json> --today <YYYY-MM-DD> [options] <people.csv|people.jsonl|->

Evaluates every record and streams one result per record. Bad records are reported on stderr
(row number and field) and skipped; the batch never stops for them.

Options:
  --profile <name|file>   preset name (${PRESET_NAMES.join(', ')}) or a JSON profile file
  --today <date>          evaluation date, civil date in Asia/Shanghai
  --format <csv|jsonl>    output format (default: the input format)
  --input-format <csv|jsonl>  input format (default: from the file extension; stdin: jsonl)
  --output <file>         write results to a file instead of stdout
  --explain               add the zh-CN and en explanation to each result
  --no-progress           no progress bar (it is only drawn when stderr is a terminal)
  -h, --help              show this help

CSV columns: id, firstPaymentDate, certifications (date|channel|result;…), birthDate, deathDate,
  paidThroughMonth, scheme, imprisonmentType, imprisonmentFrom, imprisonmentTo, livingAbroad.
JSONL lines: facts objects as in certification-vectors.json, plus an optional "id".
Exit status: 0 all evaluated, 2 some records rejected, 1 usage or fatal error.
`;

function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> | null {
  return stream.write(chunk) ? null : once(stream, 'drain').then(() => undefined);
}

function resolveProfile(value: string): CompiledPolicy {
  if (Object.prototype.hasOwnProperty.call(PRESETS, value)) return getPreset(value);
  let text: string;
  try {
    text = readFileSync(value, 'utf8');
  } catch (error) {
    throw new EligibilityError('UNKNOWN_PROFILE', `--profile ${value} is neither a preset (${PRESET_NAMES.join(', ')}) nor a readable file`, 'profile', { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EligibilityError('INVALID_PROFILE', `profile file ${value} is not valid JSON: ${(error as Error).message}`, 'profile', { cause: error });
  }
  return loadPolicy(json);
}

type Format = 'csv' | 'jsonl';

function formatOf(value: string | undefined, option: string): Format | undefined {
  if (value === undefined) return undefined;
  if (value !== 'csv' && value !== 'jsonl') throw new EligibilityError('CLI_USAGE', `${option} must be csv or jsonl`, option);
  return value;
}

/**
 * Runs `huoti-eligibility` with `argv` (without the node and script paths) and returns the exit code.
 * Never throws for bad input: usage errors and unreadable files are reported on `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`${PROGRAM}: ${message}\n`);
    return CLI_EXIT_CODES.fatal;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        profile: { type: 'string' },
        today: { type: 'string' },
        format: { type: 'string' },
        'input-format': { type: 'string' },
        output: { type: 'string' },
        explain: { type: 'boolean', default: false },
        'no-progress': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return CLI_EXIT_CODES.ok;
  }
  const [command, inputPath, ...extra] = positionals;
  if (command !== 'evaluate' || inputPath === undefined || extra.length > 0) return fail(`expected: evaluate <input>\n\n${USAGE}`);
  if (values.profile === undefined) return fail('--profile is required');
  if (values.today === undefined || values.today.length !== 10 || Number.isNaN(parseDay(values.today))) return fail('--today must be a civil date YYYY-MM-DD');
  const today = values.today;

  let policy: CompiledPolicy;
  let inputFormat: Format;
  let outputFormat: Format;
  try {
    policy = resolveProfile(values.profile);
    const extension = inputPath.toLowerCase().match(/\.(csv|jsonl|ndjson)$/)?.[1];
    const detected: Format | undefined = extension === 'csv' ? 'csv' : extension !== undefined || inputPath === '-' ? 'jsonl' : undefined;
    const chosen = formatOf(values['input-format'], '--input-format') ?? detected;
    if (chosen === undefined) return fail(`cannot tell the format of ${inputPath}; use --input-format csv|jsonl`);
    inputFormat = chosen;
    outputFormat = formatOf(values.format, '--format') ?? inputFormat;
  } catch (error) {
    if (error instanceof EligibilityError) return fail(error.message);
    throw error;
  }

  let totalBytes: number | null = null;
  let input: NodeJS.ReadableStream & { bytesRead?: number };
  if (inputPath === '-') {
    input = io.stdin;
  } else {
    try {
      totalBytes = statSync(inputPath).size;
    } catch (error) {
      return fail(`cannot read ${inputPath}: ${(error as Error).message}`);
    }
    input = createReadStream(inputPath);
  }
  let inputError: Error | null = null;
  input.on('error', (error: Error) => {
    inputError = error;
  });
  const output: NodeJS.WritableStream = values.output === undefined ? io.stdout : createWriteStream(values.output);
  const shouldExplain = values.explain;
  const progress = io.stderr.isTTY === true && !values['no-progress'] ? new ProgressBar(io.stderr, totalBytes, () => performance.now()) : null;

  let buffer = '';
  if (outputFormat === 'csv') {
    buffer = [...CSV_OUTPUT_COLUMNS, ...(shouldExplain ? CSV_EXPLANATION_COLUMNS : [])].join(',') + '\n';
  }
  let header: Readonly<Record<CsvInputColumn, number>> | null = null;
  let columnCount = 0;
  let lineNumber = 0;
  let records = 0;
  let rejected = 0;
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  try {
    for await (const raw of lines) {
      lineNumber++;
      const line = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (line.trim() === '') continue;
      if (inputFormat === 'csv' && header === null) {
        try {
          const fields = parseCsvLine(line);
          header = readCsvHeader(fields);
          columnCount = fields.length;
        } catch (error) {
          progress?.clear();
          if (error instanceof EligibilityError) return fail(`row ${lineNumber} (header): ${error.message}`);
          throw error;
        }
        continue;
      }
      records++;
      let record: BatchRecord | null = null;
      try {
        record = inputFormat === 'csv' ? csvRecordToFacts(parseCsvLine(line), header as Readonly<Record<CsvInputColumn, number>>, columnCount, today) : jsonRecordToFacts(line, today);
        const evaluation = evaluateCertification({ profile: policy, facts: record.facts });
        buffer += (outputFormat === 'csv' ? evaluationToCsv(record.id, evaluation, shouldExplain) : evaluationToJsonLine(record.id, evaluation, shouldExplain)) + '\n';
      } catch (error) {
        if (!(error instanceof EligibilityError)) throw error;
        rejected++;
        progress?.clear();
        const id = record?.id === null || record === null ? '' : ` (id ${record.id})`;
        io.stderr.write(`${PROGRAM}: row ${lineNumber}${id}: field ${error.field === null || error.field === '' ? '-' : error.field}: ${error.message}\n`);
      }
      if (buffer.length >= OUTPUT_FLUSH_CHARS) {
        const drained = write(output, buffer);
        buffer = '';
        if (drained !== null) await drained;
      }
      progress?.update(input.bytesRead ?? 0, records, rejected);
    }
  } catch (error) {
    progress?.clear();
    return fail(`reading ${inputPath} failed: ${(error as Error).message}`);
  }
  if (inputError !== null) return fail(`reading ${inputPath} failed: ${(inputError as Error).message}`);
  if (buffer !== '') {
    const drained = write(output, buffer);
    if (drained !== null) await drained;
  }
  if (output !== io.stdout) {
    output.end();
    await once(output, 'finish');
  }
  progress?.update(totalBytes ?? 0, records, rejected, true);
  progress?.clear();
  io.stderr.write(`${PROGRAM}: ${records} records, ${records - rejected} evaluated, ${rejected} rejected\n`);
  return rejected > 0 ? CLI_EXIT_CODES.someRecordsRejected : CLI_EXIT_CODES.ok;
}
