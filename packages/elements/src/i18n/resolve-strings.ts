import { en } from './en.js';
import type { HuotiLang, HuotiStrings, HuotiStringsOverride } from './huoti-strings.js';
import { zhCN } from './zh-cn.js';

/** The built-in table of each language. */
export const HUOTI_STRINGS: Readonly<Record<HuotiLang, HuotiStrings>> = Object.freeze({ 'zh-CN': zhCN, en });

/** `en`, `en-US`, … give English; anything else the default, Simplified Chinese. */
export function normalizeLang(lang: string | null | undefined): HuotiLang {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The language's table with an integrator's override merged in (grouped tables merge per entry). */
export function resolveStrings(lang: HuotiLang, override: HuotiStringsOverride | null | undefined): HuotiStrings {
  const base = HUOTI_STRINGS[lang];
  if (!override) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    const current = merged[key];
    merged[key] = isPlainObject(current) && isPlainObject(value) ? { ...current, ...value } : value;
  }
  return merged as unknown as HuotiStrings;
}
