import { describe, expect, it } from 'vitest';
import { FAILURE_REASONS, HINT_CODES } from '../src/driver/certification-driver.js';
import { HUOTI_ELEMENT_ERROR_CODES } from '../src/errors/huoti-element-error.js';
import { en } from '../src/i18n/en.js';
import type { HuotiStrings, HuotiStringsOverride } from '../src/i18n/huoti-strings.js';
import { HUOTI_STRINGS, normalizeLang, resolveStrings } from '../src/i18n/resolve-strings.js';
import { zhCN } from '../src/i18n/zh-cn.js';

const TABLES: ReadonlyArray<readonly [string, HuotiStrings]> = [
  ['zh-CN', zhCN],
  ['en', en],
];

const HAN = /[\u4e00-\u9fff]/;

describe('string tables', () => {
  it('both languages have exactly the same keys, grouped tables included', () => {
    const shape = (table: object): string[] =>
      Object.entries(table)
        .flatMap(([key, value]) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value).map((inner) => `${key}.${inner}`) : [key]))
        .sort();
    expect(shape(en)).toEqual(shape(zhCN));
  });

  it.each(TABLES)('%s: every hint code, failure reason and error code has text', (_lang, table) => {
    for (const code of HINT_CODES) {
      expect(table.hints[code], code).toBeTruthy();
      expect(table.helperHints[code], code).toBeTruthy();
    }
    for (const reason of FAILURE_REASONS) expect(table.failureReasons[reason], reason).toBeTruthy();
    for (const code of HUOTI_ELEMENT_ERROR_CODES) expect(table.errors[code], code).toBeTruthy();
  });

  it.each(TABLES)('%s: every failure and error message ends with the 12333 hotline hint', (_lang, table) => {
    for (const text of [...Object.values(table.failureReasons), ...Object.values(table.errors)]) {
      expect(text.endsWith(table.hotlineHint), text).toBe(true);
      expect(table.hotlineHint).toContain('12333');
    }
  });

  it.each(TABLES)('%s: the intro says free of charge, warns about fraud and gives 12333', (lang, table) => {
    expect(table.hotline).toContain('12333');
    expect(table.freeOfCharge.length).toBeGreaterThan(0);
    expect(table.antiFraud).toMatch(lang === 'en' ? /pay/i : /付款|转账/);
  });

  it.each(TABLES)('%s: consent names sensitive data, purpose, retention and an alternative', (lang, table) => {
    expect(table.consentSensitive).toMatch(lang === 'en' ? /Personal Information Protection Law/ : /个人信息保护法/);
    expect(table.consentPurpose).toBeTruthy();
    expect(table.consentRetention).toBeTruthy();
    expect(table.consentAlternative).toBeTruthy();
  });

  it('zh-CN is Chinese and en is not', () => {
    expect(zhCN.startButton).toMatch(HAN);
    expect(Object.values(zhCN.errors).every((text) => HAN.test(text))).toBe(true);
    expect(Object.values(en.errors).some((text) => HAN.test(text))).toBe(false);
    expect(JSON.stringify(en)).not.toMatch(HAN);
  });

  it('progress and digit templates', () => {
    expect(zhCN.stepProgress(1, 3)).toBe('第 1 步，共 3 步');
    expect(en.stepProgress(2, 3)).toBe('Step 2 of 3');
    expect(zhCN.loadingModels(40)).toContain('40%');
    expect(en.loadingModels(null)).not.toContain('%');
  });

  it('helper prompts address the relative holding the phone', () => {
    expect(zhCN.helperHints.LOOK_AT_SCREEN).toBe('请让老人看着屏幕。');
    expect(Object.values(zhCN.helperStepPrompts).every((prompt) => prompt.startsWith('请让老人'))).toBe(true);
  });
});

describe('resolveStrings', () => {
  it('normalizes languages, zh-CN by default', () => {
    expect(normalizeLang('en')).toBe('en');
    expect(normalizeLang('en-GB')).toBe('en');
    expect(normalizeLang('zh-CN')).toBe('zh-CN');
    expect(normalizeLang('')).toBe('zh-CN');
    expect(normalizeLang(undefined)).toBe('zh-CN');
    expect(normalizeLang('fr')).toBe('zh-CN');
  });

  it('returns the built-in table without an override', () => {
    expect(resolveStrings('en', null)).toBe(HUOTI_STRINGS.en);
    expect(resolveStrings('zh-CN', undefined)).toBe(zhCN);
  });

  it('merges a partial override: top-level strings replace, grouped tables merge per entry', () => {
    const override: HuotiStringsOverride = {
      startButton: '开始',
      hints: { TOO_DARK: '太暗了' },
      stepProgress: (index, total) => `${index}/${total}`,
    };
    const strings = resolveStrings('zh-CN', override);
    expect(strings.startButton).toBe('开始');
    expect(strings.hints.TOO_DARK).toBe('太暗了');
    expect(strings.hints.NO_FACE).toBe(zhCN.hints.NO_FACE);
    expect(strings.stepProgress(1, 3)).toBe('1/3');
    expect(strings.introSteps).toBe(zhCN.introSteps);
    expect(zhCN.hints.TOO_DARK).not.toBe('太暗了');
  });

  it('a wrong key or type in an override fails the type-check', () => {
    // @ts-expect-error: not a key of HuotiStrings
    const unknownKey: HuotiStringsOverride = { notAKey: 'x' };
    // @ts-expect-error: not a hint code
    const unknownHint: HuotiStringsOverride = { hints: { NOT_A_HINT: 'x' } };
    expect([unknownKey, unknownHint]).toHaveLength(2);
  });
});
