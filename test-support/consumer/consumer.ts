// Compiles only if every public entry point resolves to its declarations under Node16 rules.
import '@huoti/elements/define.js';
import { type HuotiLiveness, VERSION as elementsVersion } from '@huoti/elements';
import { VERSION as eligibilityVersion } from '@huoti/eligibility';
import { HuotiError, VERSION as livenessVersion, connectLivenessWorker, type HuotiErrorCode } from '@huoti/liveness';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { VERSION as verifyVersion } from '@huoti/verify';
import { createServerFaceMatcher, type EvidenceFaceComparison } from '@huoti/verify/face-match';

const code: HuotiErrorCode = 'DISPOSED';
const plan: Pick<ChallengePlan, 'strictness'> = { strictness: 'standard' };
export const versions: readonly string[] = [elementsVersion, eligibilityVersion, livenessVersion, verifyVersion, plan.strictness];
export const errorFactory = (): HuotiError => new HuotiError(code);
export const start: typeof connectLivenessWorker = connectLivenessWorker;
export const element = (): HuotiLiveness | undefined => document.querySelector('huoti-liveness') ?? undefined;
export const serverFaceMatcher: typeof createServerFaceMatcher = createServerFaceMatcher;
export type ServerFaceDecision = EvidenceFaceComparison['decision'];
