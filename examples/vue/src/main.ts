// Huoti in a Vue 3.5 app, written with render functions. The runtime template compiler builds
// render functions with `new Function`, which the strict CSP (no 'unsafe-eval') forbids; `h()` needs
// no compiler, and `h('huoti-liveness', …)` needs no `isCustomElement` setting either.
import '@huoti/elements/define.js';
import type { HuotiLivenessEventMap } from '@huoti/elements';
import type { ChallengePlan } from '@huoti/liveness/protocol';
import { createApp, defineComponent, h, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue';

type HuotiEventName = keyof HuotiLivenessEventMap;

const HUOTI_EVENTS: readonly HuotiEventName[] = ['huoti-ready', 'huoti-progress', 'huoti-step', 'huoti-hint', 'huoti-complete', 'huoti-error', 'huoti-declined'];

/** The event's detail without the parts that are large (evidence) or not JSON (an Error cause). */
function summary(type: HuotiEventName, event: CustomEvent): string {
  const { evidence: _evidence, cause: _cause, ...rest } = event.detail as Record<string, unknown>;
  return `${type} ${JSON.stringify(rest)}`;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const App = defineComponent({
  name: 'HuotiExample',
  setup() {
    // The plan is plain data handed to the element as a property: no deep reactivity needed.
    const plan = shallowRef<ChallengePlan | null>(null);
    const log = ref<string[]>([]);
    const append = (text: string) => log.value.push(text);
    const controller = new AbortController();

    /** Asks the portal server for a signed challenge plan. Without one the element still runs, unsigned. */
    async function requestPlan(): Promise<void> {
      try {
        const response = await fetch('/plans', { method: 'POST', signal: controller.signal });
        if (!response.ok) {
          append(`plan: HTTP ${response.status}, running without a server plan`);
          return;
        }
        plan.value = (await response.json()) as ChallengePlan;
        append('plan: received');
      } catch (error) {
        if (!controller.signal.aborted) append(`plan: ${message(error)}`);
      }
    }

    /** Sends the evidence to the portal server; the server, not this page, decides. */
    async function submitEvidence(evidence: unknown): Promise<void> {
      const response = await fetch('/verify', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(evidence) });
      const verdict = (await response.json()) as { accepted: boolean; reasons?: string[] };
      append(`verify: HTTP ${response.status} ${verdict.accepted ? 'accepted' : `rejected ${JSON.stringify(verdict.reasons ?? [])}`}`);
    }

    // `onHuoti-step` becomes addEventListener('huoti-step'): Vue hyphenates what follows `on`.
    const listeners: Record<string, (event: CustomEvent) => void> = Object.fromEntries(
      HUOTI_EVENTS.map((type) => [`on${type[0]!.toUpperCase()}${type.slice(1)}`, (event: CustomEvent) => append(summary(type, event))]),
    );
    const onComplete = (event: HuotiLivenessEventMap['huoti-complete']) => {
      append(summary('huoti-complete', event));
      if (!event.detail.passed) return; // the element already shows the reason and the offline channels
      submitEvidence(event.detail.evidence).catch((error: unknown) => append(`verify: ${message(error)}`));
    };
    const onError = (event: HuotiLivenessEventMap['huoti-error']) => {
      append(summary('huoti-error', event));
      // Plans live a few minutes: fetch a fresh one so that "try again" can succeed.
      if (event.detail.code === 'PLAN_EXPIRED') void requestPlan();
    };

    onMounted(() => void requestPlan());
    onBeforeUnmount(() => controller.abort());

    return () => [
      h('h1', '养老金待遇资格认证'),
      h('p', 'Huoti Vue example: Vue 3.5 with render functions (no template compiler).'),
      h('huoti-liveness', {
        lang: 'zh-CN',
        elderly: true,
        'asset-base': '/packages/liveness/dist/assets/',
        plan: plan.value,
        ...listeners,
        'onHuoti-complete': onComplete,
        'onHuoti-error': onError,
      }),
      h('h2', '事件 / Events'),
      h('ol', { class: 'log', 'data-testid': 'log' }, log.value.map((text, index) => h('li', { key: index }, text))),
    ];
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('examples/vue: #root is missing from index.html');
createApp(App).mount(root);
