// Huoti through npm and a bundler: `@huoti/elements/define.js` registers <huoti-liveness>,
// `@huoti/eligibility` checks the ID number. The page's HTML holds the element; this module only
// wires it to the portal backend (POST /plans, POST /verify) and logs every huoti-* event.
import '@huoti/elements/define.js';
import type { HuotiLiveness, HuotiLivenessEventMap } from '@huoti/elements';
import { parseResidentId } from '@huoti/eligibility';
import type { ChallengePlan } from '@huoti/liveness/protocol';

const HUOTI_EVENTS = ['huoti-ready', 'huoti-progress', 'huoti-step', 'huoti-hint', 'huoti-complete', 'huoti-error', 'huoti-declined'] as const;

function required<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`examples/esm: ${selector} is missing from index.html`);
  return found;
}

const element = required<HuotiLiveness>('huoti-liveness');
const log = required<HTMLOListElement>('#log');

function append(text: string): void {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString('zh-CN', { hour12: false })} ${text}`;
  log.append(item);
}

/** The event's detail without the parts that are large (evidence) or not JSON (an Error cause). */
function summary<K extends keyof HuotiLivenessEventMap>(type: K, event: HuotiLivenessEventMap[K]): string {
  const { evidence: _evidence, cause: _cause, ...rest } = event.detail as Record<string, unknown>;
  return `${type} ${JSON.stringify(rest)}`;
}

/** Asks the portal server for a signed challenge plan. Without one the element still runs, unsigned. */
async function requestPlan(): Promise<void> {
  try {
    const response = await fetch('/plans', { method: 'POST' });
    if (!response.ok) {
      append(`plan: HTTP ${response.status}, running without a server plan`);
      return;
    }
    element.plan = (await response.json()) as ChallengePlan;
    append('plan: received');
  } catch (error) {
    append(`plan: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Sends the evidence to the portal server; the server, not this page, decides. */
async function submitEvidence(evidence: unknown): Promise<void> {
  const response = await fetch('/verify', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(evidence),
  });
  const verdict = (await response.json()) as { accepted: boolean; reasons?: string[] };
  append(`verify: HTTP ${response.status} ${verdict.accepted ? 'accepted' : `rejected ${JSON.stringify(verdict.reasons ?? [])}`}`);
}

for (const type of HUOTI_EVENTS) {
  element.addEventListener(type, (event) => append(summary(type, event)));
}

element.addEventListener('huoti-complete', (event) => {
  if (!event.detail.passed) return; // the element already shows the reason and the offline channels
  submitEvidence(event.detail.evidence).catch((error: unknown) => append(`verify: ${error instanceof Error ? error.message : String(error)}`));
});

element.addEventListener('huoti-error', (event) => {
  // Plans live a few minutes: fetch a fresh one so that "try again" can succeed.
  if (event.detail.code === 'PLAN_EXPIRED') void requestPlan();
});

required<HTMLFormElement>('#id-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = required<HTMLInputElement>('#id-number').value;
  const result = parseResidentId(input, { referenceDate: new Date().toISOString().slice(0, 10) });
  required('#id-result').textContent = result.valid
    ? `号码有效 / valid: ${result.birthDate ?? '—'}, ${result.age ?? '—'} 岁 / years`
    : `号码无效 / invalid: ${result.error}`;
});

void requestPlan();
append('ready: <huoti-liveness> defined');
