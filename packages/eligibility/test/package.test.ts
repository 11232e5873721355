import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Imports the built package by name through its exports map, as a portal would.
describe('@huoti/eligibility (built, by name)', () => {
  it('exports its version and the three vector entry points', async () => {
    const eligibility = await import('@huoti/eligibility');
    const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(eligibility.VERSION).toBe(packageJson.version);
    expect(eligibility.parseResidentId('11010519491231002X')).toMatchObject({ valid: true, kind: 'resident' });
    const result = eligibility.evaluateCertification({
      profile: eligibility.getPreset('CN-DEFAULT'),
      facts: { firstPaymentDate: '2024-01-10', today: '2024-12-31' },
    });
    expect(result).toMatchObject({ status: 'active', nextDueDate: '2025-01-31' });
    expect(eligibility.checkProxyBinding({ profile: eligibility.PRESETS['CN-DEFAULT']!, facts: { existingBindings: { elder: 8 }, relation: 'elder' } }).reason).toBe('PROXY_LIMIT');
    expect(new eligibility.EligibilityError('INVALID_FACTS', 'x', 'today').toJSON()).toStrictEqual({ code: 'INVALID_FACTS', message: 'x', field: 'today' });
  });

  it('keeps node: imports out of the browser entry', () => {
    const entry = readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8');
    expect(entry).not.toMatch(/from ['"]node:/);
  });
});
