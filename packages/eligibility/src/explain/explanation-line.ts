import type { PolicyParameterName } from '../profile/policy-profile.js';
import type { ExplanationKey } from './explanation-key.js';

/** One explained statement, with the rule, profile parameter and sources that produced it. */
export interface ExplanationLine {
  readonly key: ExplanationKey;
  /** Section of `certification-rules.md`. */
  readonly rule: string;
  /** The profile parameter that decided it; null for fixed rules. */
  readonly parameter: PolicyParameterName | null;
  /** Source ids (rules §12, see `RULE_SOURCES`) or notes, from the profile or the fixed rule. */
  readonly sources: readonly string[];
  readonly 'zh-CN': string;
  readonly en: string;
}
