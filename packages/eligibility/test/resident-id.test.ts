import { describe, expect, it } from 'vitest';
import { ageOn } from '../src/dates/age-on.js';
import { toCivilDate } from '../src/dates/to-civil-date.js';
import { parseResidentId } from '../src/id/parse-resident-id.js';

describe('parseResidentId beyond the shared vectors', () => {
  it('reports province, region and age on the reference date', () => {
    expect(parseResidentId('440305196204151239', { referenceDate: '2025-04-15' })).toMatchObject({
      provinceCode: '44',
      regionCode: '440305',
      provinceName: { 'zh-CN': '广东省', en: 'Guangdong' },
      age: 63,
    });
    expect(parseResidentId('440305196204151239', { referenceDate: '2025-04-14' })).toMatchObject({ age: 62 });
    expect(parseResidentId('440305196204151239')).toMatchObject({ valid: true, age: null });
  });

  it('rejects a lower-case x when acceptLowercaseX is false', () => {
    expect(parseResidentId('11010519491231002x', { acceptLowercaseX: false })).toMatchObject({ valid: false, error: 'CHARSET', normalized: '11010519491231002x' });
  });

  it('rejects X in a 15-digit number as CHARSET, hyphens as CHARSET, 16 digits as LENGTH', () => {
    expect(parseResidentId('11010549123100X')).toMatchObject({ error: 'CHARSET' });
    expect(parseResidentId('110105-19491231-002X')).toMatchObject({ error: 'CHARSET' });
    expect(parseResidentId('1101051949123100')).toMatchObject({ error: 'LENGTH' });
  });

  it('removes tabs, newlines and no-break spaces', () => {
    expect(parseResidentId('\t110105\u00a019491231\n002X ')).toMatchObject({ valid: true, normalized: '11010519491231002X' });
  });

  it('never checks the region of a 15-digit number and flags centenarian sequences', () => {
    expect(parseResidentId('990105491231002')).toMatchObject({ valid: true, kind: 'residentLegacy15', provinceName: null });
    expect(parseResidentId('110105051231997')).toMatchObject({ valid: true, flags: ['legacyCentenarianSequence'], birthDate: '1905-12-31' });
  });

  it('reports the unconfirmed layout of a foreign permanent resident number without validating it', () => {
    expect(parseResidentId('911840198503150016')).toMatchObject({
      kind: 'foreignPermanentResident',
      birthDate: null,
      foreignLayout: { provinceCode: '11', nationalityCode: '840', birthDate: '1985-03-15', sequence: '001' },
    });
  });

  it('rejects birth years before 1800', () => {
    const body = '11010517991231002';
    expect(parseResidentId(`${body}0`)).toMatchObject({ error: 'BIRTH_DATE' });
  });

  it('throws its typed error for a bad reference date', () => {
    expect(() => parseResidentId('11010519491231002X', { referenceDate: '2025-02-30' })).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});

describe('civil dates', () => {
  it.each([
    ['2024-07-01T00:30:00+08:00', '2024-07-01'],
    ['2024-06-30T16:30:00Z', '2024-07-01'],
    ['2024-06-30T15:59:59.999Z', '2024-06-30'],
    ['2024-12-31T20:00:00-05:00', '2025-01-01'],
    ['2024-02-28T23:30:00+0800', '2024-02-28'],
    ['2024-02-29', '2024-02-29'],
    ['2024-03-01T07:00', '2024-03-01'],
  ])('%s is %s in Asia/Shanghai', (input, expected) => {
    expect(toCivilDate(input)).toBe(expected);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-07-01T25:00:00Z', '2024-07-01T00:30:00+8:00', '20240701', ''])('rejects %j', (input) => {
    expect(() => toCivilDate(input)).toThrowError(expect.objectContaining({ code: 'INVALID_DATE' }));
  });

  it('computes ages across leap days', () => {
    expect(ageOn('1960-02-29', '2025-02-28')).toBe(64);
    expect(ageOn('1960-02-29', '2025-03-01')).toBe(65);
    expect(ageOn('1960-02-29', '2024-02-29')).toBe(64);
  });
});
