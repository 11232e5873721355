import type { CertificationDriver, CertificationDriverEvent, CertificationDriverInput } from '@huoti/elements';
import { HuotiLiveness, zhCN } from '@huoti/elements';

let elementCount = 0;

/** A fresh tag and subclass for one test (house style §7): no test sees another's element. */
export function defineTestElement(): string {
  elementCount += 1;
  const tag = `huoti-liveness-t${elementCount}`;
  customElements.define(tag, class extends HuotiLiveness {});
  return tag;
}

/** Mounts a fresh element with the given attributes and properties. */
export async function mountLiveness(
  attributes: Record<string, string> = {},
  properties: Partial<Pick<HuotiLiveness, 'driver' | 'strings' | 'plan' | 'planProvider'>> = {},
): Promise<HuotiLiveness> {
  const element = document.createElement(defineTestElement()) as HuotiLiveness;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  Object.assign(element, properties);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

/** Awaits `predicate()` becoming true, checked every animation frame, failing after `timeoutMs`. */
export async function until(predicate: () => boolean, message: string, timeoutMs = 5_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${message}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/** The next `type` event on `target`. */
export function oneEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}

export const shadow = (element: HuotiLiveness): ShadowRoot => {
  if (!element.shadowRoot) throw new Error('no shadow root');
  return element.shadowRoot;
};

export const part = <T extends Element = HTMLElement>(element: HuotiLiveness, name: string): T | null =>
  shadow(element).querySelector<T>(`[part~="${name}"]`);

export const buttons = (element: HuotiLiveness): HTMLButtonElement[] => [...shadow(element).querySelectorAll('button')];

export const buttonNamed = (element: HuotiLiveness, text: string): HTMLButtonElement => {
  const button = buttons(element).find((candidate) => candidate.textContent?.trim() === text);
  if (!button) throw new Error(`no button "${text}" in state ${element.state}`);
  return button;
};

/** Visible text of the element (shadow content). */
export const textOf = (element: HuotiLiveness): string => shadow(element).querySelector('[part~="region"]')?.textContent?.replace(/\s+/g, ' ') ?? '';

export const videoOf = (element: HuotiLiveness): HTMLVideoElement => {
  const video = shadow(element).querySelector('video');
  if (!video) throw new Error('no video');
  return video;
};

/** A run the test drives: it sees what the element passed, and pushes events one by one. */
export class DriverRun {
  readonly #queue: CertificationDriverEvent[] = [];
  #wake: (() => void) | null = null;
  constructor(readonly input: CertificationDriverInput) {
    input.signal.addEventListener('abort', () => this.#wake?.());
  }

  push(...events: CertificationDriverEvent[]): void {
    this.#queue.push(...events);
    this.#wake?.();
  }

  get isAborted(): boolean {
    return this.input.signal.aborted;
  }

  async *events(): AsyncGenerator<CertificationDriverEvent> {
    while (!this.input.signal.aborted) {
      const next = this.#queue.shift();
      if (next) {
        yield next;
        if (next.type === 'complete') return;
        continue;
      }
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
      this.#wake = null;
    }
  }
}

/**
 * A test double for the engine integration point: it analyses nothing and only yields what the
 * test pushes, to drive the UI through states the footage cannot reach on demand. Never a production
 * stand-in: without a `driver` property the element runs the real engine (`LivenessDriver`).
 */
export class ControlledDriver implements CertificationDriver {
  readonly runs: DriverRun[] = [];

  run(input: CertificationDriverInput): AsyncIterable<CertificationDriverEvent> {
    const run = new DriverRun(input);
    this.runs.push(run);
    return run.events();
  }

  get current(): DriverRun {
    const run = this.runs.at(-1);
    if (!run) throw new Error('the driver has not been started');
    return run;
  }
}

/** A driver whose run fails with `error` right away. */
export const failingDriver = (error: unknown): CertificationDriver => ({
  run: () => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(error) }),
  }),
});

let axeLoaded: Promise<void> | null = null;

interface AxeResults {
  readonly violations: ReadonlyArray<{ id: string; help: string; nodes: ReadonlyArray<{ target: unknown; failureSummary?: string }> }>;
}

/** axe-core violations inside `element` (shadow DOM included), formatted for an assertion message. */
export async function axeViolations(element: Element): Promise<string[]> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.addEventListener('load', () => resolve());
    script.addEventListener('error', () => reject(new Error('axe-core failed to load')));
    document.head.append(script);
  });
  await axeLoaded;
  const axe = (window as unknown as { axe: { run(context: Element, options: object): Promise<AxeResults> } }).axe;
  const results = await axe.run(element, { resultTypes: ['violations'] });
  return results.violations.map(
    (violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join('; ')}`,
  );
}

/** An unsigned, unexpired plan as JSON text (the element's own run accepts it; no server is asked). */
export function unsignedPlan({
  steps,
  strictness = 'standard',
  nonce = 'dGVzdC1ub25jZQ',
  validForMs = 10 * 60_000,
}: {
  readonly steps: readonly object[];
  readonly strictness?: 'loose' | 'standard' | 'strict';
  readonly nonce?: string;
  readonly validForMs?: number;
}): string {
  const now = Date.now();
  return JSON.stringify({
    version: 1,
    nonce,
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + validForMs).toISOString(),
    strictness,
    steps,
  });
}

/** An unexpired plan with `kinds` as steps. */
export function testPlan(kinds: ReadonlyArray<'blink' | 'mouthOpen' | 'turnLeft' | 'turnRight' | 'nod' | 'readDigits'> = ['blink', 'turnLeft', 'readDigits']): string {
  return unsignedPlan({ steps: kinds.map((kind) => (kind === 'readDigits' ? { kind, digits: [3, 8, 1, 5] } : { kind })) });
}

/** Intro → consent → agree, by the buttons' zh-CN names (the element's default language). */
export async function acceptConsent(element: HuotiLiveness): Promise<void> {
  buttonNamed(element, zhCN.startButton).click();
  await element.updateComplete;
  buttonNamed(element, zhCN.consentAccept).click();
}

/** The run's `huoti-complete` detail; a `huoti-error` before it rejects, naming its code. */
export function completionOf(element: HuotiLiveness): Promise<HTMLElementEventMap['huoti-complete']['detail']> {
  const errored = oneEvent(element, 'huoti-error').then((event): never => {
    throw new Error(`huoti-error ${event.detail.code}: ${event.detail.message}`);
  });
  return Promise.race([oneEvent(element, 'huoti-complete').then((event) => event.detail), errored]);
}

/** Goes intro → consent → camera → framing with a controlled driver; returns when the video plays. */
export async function startToFraming(element: HuotiLiveness): Promise<void> {
  buttons(element)[0]?.click(); // intro: start
  await element.updateComplete;
  buttons(element)[0]?.click(); // consent: accept
  await until(() => element.state === 'framing', 'framing state', 10_000);
  const video = videoOf(element);
  await until(() => video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0, 'video frames', 10_000);
}
