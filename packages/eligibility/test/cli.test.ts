import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsvLine } from '../src/batch/parse-csv-line.js';
import { runCli } from '../src/cli/run-cli.js';
import { loadSharedVectors } from './shared-vectors.js';

const CSV = [
  'id,firstPaymentDate,certifications,deathDate,paidThroughMonth,scheme',
  'P1,2023-03-15,2024-02-20|app|success,,,',
  'P2,2022-01-20,2022-10-12|app,,,',
  'P3,2023-13-01,,,,',
  'P4,2022-11-01,2023-09-01|app,2024-03-14,2024-07,enterprise',
  '"P,5",2022-09-01,"2023-03-10|app;2024-04-15|proxy",,,',
  '',
].join('\n');

const JSONL = [
  JSON.stringify({ id: 'J1', firstPaymentDate: '2023-03-15', certificationEvents: [{ date: '2024-02-20', channel: 'app', result: 'success' }] }),
  JSON.stringify({ id: 'J2', firstPaymentDate: '2023-03-15', certificationEvents: [{ date: '2024-02-30', channel: 'app', result: 'success' }] }),
  'not json',
  JSON.stringify({ id: 'J4', firstPaymentDate: '2022-08-01', certificationEvents: [{ date: '2023-06-10', channel: 'app', result: 'success' }, { date: '2024-07-01T00:30:00+08:00', channel: 'app', result: 'success' }] }),
  '',
].join('\n');

function fixture(name: string, content: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'huoti-eligibility-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function run(argv: string[], isTTY = false): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const code = await runCli(argv, { stdin: new PassThrough(), stdout, stderr });
  return { code, stdout: out, stderr: err };
}

describe('huoti-eligibility (in-process)', () => {
  it('evaluates a CSV to CSV, reporting the bad row without stopping', async () => {
    const { code, stdout, stderr } = await run(['evaluate', '--profile', 'CN-DEFAULT', '--today', '2024-06-01', fixture('people.csv', CSV)]);
    expect(code).toBe(2);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^id,status,nextDueDate,/);
    expect(lines.slice(1).map((line) => parseCsvLine(line).slice(0, 2).join(' '))).toStrictEqual(['P1 active', 'P2 suspended', 'P4 terminated', 'P,5 active']);
    expect(lines[3]).toContain('2024-04;2024-05;2024-06;2024-07');
    expect(stderr).toContain('row 4 (id P3): field firstPaymentDate:');
    expect(stderr).toContain('5 records, 4 evaluated, 1 rejected');
  });

  it('evaluates JSONL to JSONL with explanations, one error line per bad record', async () => {
    const { code, stdout, stderr } = await run(['evaluate', '--profile', 'CN-DEFAULT', '--today', '2024-08-10', '--explain', fixture('people.jsonl', JSONL)]);
    expect(code).toBe(2);
    const results = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((r) => [r.id, r.status, r.backPayMonths])).toStrictEqual([
      ['J1', 'active', []],
      ['J4', 'active', ['2024-07']],
    ]);
    expect(results[0].explanation['zh-CN']).toContain('12333');
    expect(stderr).toMatch(/row 2 \(id J2\): field certificationEvents\[0\]\.date:/);
    expect(stderr).toMatch(/row 3: field line: not valid JSON/);
  });

  it('draws a progress bar on a TTY stderr only', async () => {
    const path = fixture('people.jsonl', JSONL);
    expect((await run(['evaluate', '--profile', 'HA-365', '--today', '2024-08-10', path], true)).stderr).toContain('\r\u001b[K[#');
    expect((await run(['evaluate', '--profile', 'HA-365', '--today', '2024-08-10', path], false)).stderr).not.toContain('\r');
  });

  it('accepts a profile file and rejects bad usage with exit code 1', async () => {
    const profile = fixture('profile.json', JSON.stringify({ name: 'X', versions: [loadSharedVectors().profiles['CN-DEFAULT']] }));
    expect((await run(['evaluate', '--profile', profile, '--today', '2024-08-10', '--format', 'csv', fixture('p.jsonl', JSONL)])).code).toBe(2);
    expect((await run(['evaluate', '--profile', 'NOPE', '--today', '2024-08-10', 'x.csv'])).code).toBe(1);
    expect((await run(['evaluate', '--profile', 'CN-DEFAULT', '--today', '2024-02-30', 'x.csv'])).stderr).toContain('--today');
    expect((await run(['evaluate', '--profile', 'CN-DEFAULT', '--today', '2024-08-10', fixture('bad.csv', 'id,shoeSize\n1,42\n')])).stderr).toContain('unknown column "shoeSize"');
    expect((await run(['--help'])).code).toBe(0);
  });
});

describe('huoti-eligibility (built bin)', () => {
  const bin = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));

  it('runs the built file with node on CSV and JSONL', () => {
    expect(existsSync(bin), `${bin} missing: build first (tsc -b && rollup -c)`).toBe(true);
    const csv = spawnSync(process.execPath, [bin, 'evaluate', '--profile', 'CN-DEFAULT', '--today', '2024-06-01', fixture('people.csv', CSV)], { encoding: 'utf8' });
    expect(csv.status).toBe(2);
    expect(csv.stdout.trim().split('\n')).toHaveLength(5);
    expect(csv.stderr).toContain('row 4 (id P3)');
    const jsonl = spawnSync(process.execPath, [bin, 'evaluate', '--profile', 'CN-DEFAULT', '--today', '2024-08-10', fixture('people.jsonl', JSONL)], { encoding: 'utf8' });
    expect(jsonl.status).toBe(2);
    expect(jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toStrictEqual(['J1', 'J4']);
  });
});
