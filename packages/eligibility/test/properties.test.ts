import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeCheckDigit } from '../src/id/check-digit.js';
import { parseResidentId } from '../src/id/parse-resident-id.js';
import { PROVINCE_NAMES } from '../src/id/province-names.js';
import { evaluateCertification } from '../src/evaluate/evaluate-certification.js';
import type { CertificationEvent, CertificationFacts } from '../src/evaluate/certification-facts.js';
import type { CertificationStatus } from '../src/evaluate/certification-evaluation.js';
import { EligibilityError } from '../src/errors/eligibility-error.js';
import { getPreset } from '../src/profile/get-preset.js';
import { loadPolicy } from '../src/profile/load-policy.js';
import { PRESETS, PRESET_NAMES } from '../src/profile/presets.js';

const RUNS = { numRuns: 10_000 } as const;
const DAY_MS = 86_400_000;
const iso = (epochDay: number): string => new Date(epochDay * DAY_MS).toISOString().slice(0, 10);
const epochDay = (text: string): number => Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / DAY_MS;
const monthIndex = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
const RANK: Record<CertificationStatus, number> = { active: 0, inGrace: 1, overdue: 2, suspended: 3, terminated: 4 };

// Independent of the engine: test-side dates go through Date.UTC, the engine uses integer arithmetic.
const RESIDENT_PROVINCES = Object.keys(PROVINCE_NAMES).filter((code) => !['81', '82', '83'].includes(code));
const MIN_BIRTH = epochDay('1900-01-01');
const REFERENCE = '2025-06-01';
const MAX_BIRTH = epochDay(REFERENCE);

const residentId = fc
  .record({
    province: fc.constantFrom(...RESIDENT_PROVINCES, '81', '82', '83'),
    county: fc.integer({ min: 0, max: 9999 }),
    birth: fc.integer({ min: MIN_BIRTH, max: MAX_BIRTH }),
    sequence: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, county, birth, sequence }) => {
    const isPermit = ['81', '82', '83'].includes(province);
    const address = isPermit ? `${province}0000` : `${province}${String(county).padStart(4, '0')}`;
    const birthDate = iso(birth);
    const body = `${address}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
    const kind = isPermit ? ({ '81': 'hkResidencePermit', '82': 'moResidencePermit', '83': 'twResidencePermit' } as const)[province as '81'] : 'resident';
    return { number: body + computeCheckDigit(body), address, birthDate, gender: sequence % 2 === 1 ? 'male' : 'female', kind };
  });

describe('resident ID properties', () => {
  it('an ID built by the generator parses back to the same fields', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const result = parseResidentId(id.number, { referenceDate: REFERENCE });
        expect(result).toMatchObject({ valid: true, kind: id.kind, normalized: id.number, birthDate: id.birthDate, gender: id.gender, regionCode: id.address, error: null });
      }),
      RUNS,
    );
  });

  it('any single changed character is rejected', () => {
    fc.assert(
      fc.property(residentId, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, position, shift) => {
        const alphabet = position === 17 ? '0123456789X' : '0123456789';
        const current = alphabet.indexOf(id.number.charAt(position));
        const replacement = alphabet.charAt((current + shift) % alphabet.length);
        fc.pre(replacement !== id.number.charAt(position));
        const changed = id.number.slice(0, position) + replacement + id.number.slice(position + 1);
        expect(parseResidentId(changed, { referenceDate: REFERENCE }).valid).toBe(false);
      }),
      RUNS,
    );
  });
});

// Profiles whose cycles need only the facts generated below (birthday month gets a birth date).
const POLICIES = PRESET_NAMES.map((name) => getPreset(name));
const FIRST = epochDay('2015-01-01');
const LAST = epochDay('2026-12-31');
const CHANNELS = ['app', 'proxy', 'window', 'dataComparison'] as const;

const eventArbitrary = fc.record({
  offset: fc.integer({ min: 0, max: 900 }),
  channel: fc.constantFrom(...CHANNELS),
  result: fc.constantFrom('success', 'success', 'success', 'failed', 'pendingReview', 'rejected'),
});

const factsArbitrary = fc.record({
  policyIndex: fc.integer({ min: 0, max: POLICIES.length - 1 }),
  first: fc.integer({ min: FIRST, max: LAST - 2000 }),
  events: fc.array(eventArbitrary, { maxLength: 6 }),
  birth: fc.integer({ min: epochDay('1930-01-01'), max: epochDay('1970-12-31') }),
});

function buildEvents(first: number, events: readonly { offset: number; channel: (typeof CHANNELS)[number]; result: string }[]): CertificationEvent[] {
  let day = first;
  return events.map((event) => {
    day += event.offset;
    return { date: iso(day), channel: event.channel, result: event.result as CertificationEvent['result'] };
  });
}

describe('evaluation properties', () => {
  it('a successful certification yields active until its next due date', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 1_000_000 }), (input, gap, position) => {
        const policy = POLICIES[input.policyIndex]!;
        const events = buildEvents(input.first, input.events);
        const lastDay = events.length === 0 ? input.first : epochDay(events[events.length - 1]!.date);
        const certified = lastDay + gap;
        events.push({ date: iso(certified), channel: 'app', result: 'success' });
        const base: CertificationFacts = { firstPaymentDate: iso(input.first), certificationEvents: events, birthDate: iso(input.birth), today: iso(certified) };
        const atCertification = evaluateCertification({ profile: policy, facts: base });
        expect(atCertification.status).toBe('active');
        expect(atCertification.lastCertificationDate).toBe(iso(certified));
        const due = atCertification.nextDueDate!;
        const today = certified + (position % (epochDay(due) - certified + 1));
        const later = evaluateCertification({ profile: policy, facts: { ...base, today: iso(today) } });
        expect(later.status).toBe('active');
        expect(later.nextDueDate).toBe(due);
      }),
      RUNS,
    );
  });

  it('without new events the status never improves as today advances', () => {
    fc.assert(
      fc.property(
        factsArbitrary,
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 1, max: 1500 }),
        fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
        (input, afterLastEvent, advance, deathOffset) => {
          const policy = POLICIES[input.policyIndex]!;
          const events = buildEvents(input.first, input.events);
          const lastDay = events.length === 0 ? input.first : epochDay(events[events.length - 1]!.date);
          const today = lastDay + afterLastEvent;
          const facts: CertificationFacts = {
            firstPaymentDate: iso(input.first),
            certificationEvents: events,
            birthDate: iso(input.birth),
            deathDate: deathOffset === null ? null : iso(input.first + deathOffset),
            today: iso(today),
          };
          const before = evaluateCertification({ profile: policy, facts });
          const after = evaluateCertification({ profile: policy, facts: { ...facts, today: iso(today + advance) } });
          expect(RANK[after.status]).toBeGreaterThanOrEqual(RANK[before.status]);
        },
      ),
      RUNS,
    );
  });

  it('back-pay months never include months in prison or after death', () => {
    fc.assert(
      fc.property(
        factsArbitrary,
        fc.integer({ min: 0, max: 2000 }),
        fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
        fc.integer({ min: 0, max: 3000 }),
        fc.constantFrom('custodial', 'detentionAcquitted', 'probation'),
        (input, custodyOffset, custodyLength, deathOffset, todayOffset, type) => {
          const policy = POLICIES[input.policyIndex]!;
          const from = input.first + custodyOffset;
          const to = custodyLength === null ? null : from + custodyLength;
          const death = deathOffset === null ? null : input.first + deathOffset;
          const facts: CertificationFacts = {
            firstPaymentDate: iso(input.first),
            certificationEvents: buildEvents(input.first, input.events),
            birthDate: iso(input.birth),
            deathDate: death === null ? null : iso(death),
            imprisonment: { type, from: iso(from), to: to === null ? null : iso(to) },
            today: iso(input.first + todayOffset),
          };
          const result = evaluateCertification({ profile: policy, facts });
          // Custodial months per rules §10.7: month(from)+1 … month(to) (open-ended while serving).
          const firstWithheld = monthIndex(iso(from)) + 1;
          const lastWithheld = to === null ? Number.POSITIVE_INFINITY : monthIndex(iso(to));
          for (const month of result.backPayMonths) {
            const m = monthIndex(`${month}-01`);
            if (type === 'custodial') expect(m >= firstWithheld && m <= lastWithheld, `${month} in prison`).toBe(false);
            if (death !== null) expect(m, `${month} after death`).toBeLessThanOrEqual(monthIndex(iso(death)));
          }
        },
      ),
      RUNS,
    );
  });
});

describe('profile loader property', () => {
  const presets = Object.values(PRESETS).filter((preset) => !('versions' in preset));
  const mutated = fc
    .record({
      preset: fc.constantFrom(...presets),
      key: fc.constantFrom(...Object.keys(presets[0]!), 'unknownField', 'fixedWindow', 'proxyRelationCaps', 'sources', 'channels'),
      value: fc.jsonValue(),
      shouldDelete: fc.boolean(),
    })
    .map(({ preset, key, value, shouldDelete }) => {
      const copy: Record<string, unknown> = JSON.parse(JSON.stringify(preset));
      if (shouldDelete) delete copy[key];
      else copy[key] = value;
      return copy;
    });
  const versioned = fc.record({ name: fc.jsonValue(), versions: fc.array(fc.oneof(mutated, fc.jsonValue()), { maxLength: 3 }) });

  it('never throws anything but its typed error on random JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated, versioned), (value) => {
        try {
          loadPolicy(value);
        } catch (error) {
          expect(error).toBeInstanceOf(EligibilityError);
          expect((error as EligibilityError).code).toBe('INVALID_PROFILE');
          expect((error as EligibilityError).field).toMatch(/^profile/);
        }
      }),
      RUNS,
    );
  });
});
