import type { ChallengePlan } from '@huoti/liveness/protocol';

/**
 * How fast a run goes. `elderly` (the `elderly` attribute) asks the plan issuer for longer step
 * timeouts (`issuePlan({ pacing: 'elderly' })` in `@huoti/verify`) and slows the element's own
 * pacing (hints stay longer, slower speech). Digit reveal times are the plan's and never change.
 */
export type HuotiPacing = 'standard' | 'elderly';

/** What `<huoti-liveness>` passes to its `planProvider` at the start of each run. */
export interface HuotiPlanRequest {
  /** Ask the server for a plan with this pacing (longer step timeouts for `elderly`). */
  readonly pacing: HuotiPacing;
  /** The element's language. */
  readonly lang: 'zh-CN' | 'en';
  /** Family help (亲情服务) mode is on. */
  readonly helper: boolean;
  /** Aborted when the run stops (reset, disconnect, camera loss) before the plan arrives. */
  readonly signal: AbortSignal;
}

/**
 * Fetches a fresh signed plan for one run (a plan is single-use): typically a `fetch` to the
 * portal's backend, which calls `issuePlan({ pacing })`. Resolves with the plan object or its JSON.
 */
export type HuotiPlanProvider = (request: HuotiPlanRequest) => Promise<ChallengePlan | string>;
