import type { ProxyRelation } from '../profile/policy-profile.js';
import type { LocalizedText } from '../explain/localized-text.js';

/** Why a proxy binding is refused, in checking order. */
export type ProxyRefusal = 'PROXY_SELF' | 'PROXY_HELPER_MINOR' | 'PROXY_SAME_PHONE' | 'PROXY_LIMIT' | 'PROXY_RELATION_LIMIT';

/** Facts of a proxy (亲情服务) binding request: the vectors' `proxyBinding` facts plus optional identity facts. */
export interface ProxyBindingFacts {
  /** Bindings the helper already holds, per relation. */
  readonly existingBindings: Readonly<Partial<Record<ProxyRelation, number>>>;
  /** Relation of the person to bind. */
  readonly relation: ProxyRelation;
  /** Civil date of the check (needed with `helperBirthDate`). */
  readonly today?: string;
  readonly helperBirthDate?: string | null;
  /** Normalised ID numbers; equal numbers mean the helper is the elder. */
  readonly helperIdNumber?: string | null;
  readonly elderIdNumber?: string | null;
  readonly helperPhone?: string | null;
  readonly elderPhone?: string | null;
}

/** Result of {@link checkProxyBinding}: the vectors' `{ allowed, reason }` plus an explanation. */
export interface ProxyBindingResult {
  readonly allowed: boolean;
  readonly reason: ProxyRefusal | null;
  /** Profile parameter behind a refusal; null when allowed or for fixed rules. */
  readonly parameter: 'maxProxyBindings' | 'proxyRelationCaps' | 'proxyPhoneMustDiffer' | 'proxyHelperMinimumAgeYears' | null;
  readonly sources: readonly string[];
  readonly explanation: LocalizedText;
}
