// `@huoti/liveness/protocol`: the data shared by the browser client and the server
// (`@huoti/verify`). Pure: no DOM, no worker, safe to import in Node.
export type { ChallengePlan, ChallengeStep, ChallengeStepKind, Strictness } from './protocol/challenge-plan.js';
