// Huoti in a React 19 app. React 19 passes props to custom elements as properties and
// `on<event-name>` props as DOM listeners, so no ref or addEventListener is needed.
import '@huoti/elements/define.js';
import type { HuotiLivenessEventMap } from '@huoti/elements';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { StrictMode, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

type HuotiEventName = keyof HuotiLivenessEventMap;

interface LogEntry {
  readonly id: number;
  readonly text: string;
}

/** The event's detail without the parts that are large (evidence) or not JSON (an Error cause). */
function summary(type: HuotiEventName, event: CustomEvent): string {
  const { evidence: _evidence, cause: _cause, ...rest } = event.detail as Record<string, unknown>;
  return `${type} ${JSON.stringify(rest)}`;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function App() {
  const [plan, setPlan] = useState<ChallengePlan | null>(null);
  const [log, setLog] = useState<readonly LogEntry[]>([]);
  const append = useCallback((text: string) => setLog((entries) => [...entries, { id: entries.length, text }]), []);

  /** Asks the portal server for a signed challenge plan. Without one the element still runs, unsigned. */
  const requestPlan = useCallback(
    async (signal?: AbortSignal) => {
      try {
        const response = await fetch('/plans', { method: 'POST', signal });
        if (!response.ok) {
          append(`plan: HTTP ${response.status}, running without a server plan`);
          return;
        }
        setPlan((await response.json()) as ChallengePlan);
        append('plan: received');
      } catch (error) {
        if (!signal?.aborted) append(`plan: ${message(error)}`);
      }
    },
    [append],
  );

  useEffect(() => {
    // StrictMode mounts twice in development: the first request is aborted, not doubled.
    const controller = new AbortController();
    void requestPlan(controller.signal);
    return () => controller.abort();
  }, [requestPlan]);

  const logEvent = (type: HuotiEventName) => (event: CustomEvent) => append(summary(type, event));

  const onComplete = (event: HuotiLivenessEventMap['huoti-complete']) => {
    logEvent('huoti-complete')(event);
    if (!event.detail.passed) return; // the element already shows the reason and the offline channels
    // The server, not this page, decides.
    fetch('/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event.detail.evidence) })
      .then(async (response) => {
        const verdict = (await response.json()) as { accepted: boolean; reasons?: string[] };
        append(`verify: HTTP ${response.status} ${verdict.accepted ? 'accepted' : `rejected ${JSON.stringify(verdict.reasons ?? [])}`}`);
      })
      .catch((error: unknown) => append(`verify: ${message(error)}`));
  };

  const onError = (event: HuotiLivenessEventMap['huoti-error']) => {
    logEvent('huoti-error')(event);
    // Plans live a few minutes: fetch a fresh one so that "try again" can succeed.
    if (event.detail.code === 'PLAN_EXPIRED') void requestPlan();
  };

  return (
    <>
      <h1>养老金待遇资格认证</h1>
      <p>Huoti React example: React 19, the custom element used directly in JSX.</p>
      <huoti-liveness
        lang="zh-CN"
        elderly
        asset-base="/packages/liveness/dist/assets/"
        plan={plan}
        onhuoti-ready={logEvent('huoti-ready')}
        onhuoti-progress={logEvent('huoti-progress')}
        onhuoti-step={logEvent('huoti-step')}
        onhuoti-hint={logEvent('huoti-hint')}
        onhuoti-complete={onComplete}
        onhuoti-error={onError}
        onhuoti-declined={logEvent('huoti-declined')}
      />
      <h2>事件 / Events</h2>
      <ol className="log" data-testid="log">
        {log.map((entry) => (
          <li key={entry.id}>{entry.text}</li>
        ))}
      </ol>
    </>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('examples/react: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
