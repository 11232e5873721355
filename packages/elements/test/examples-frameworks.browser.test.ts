import { expect } from '@esm-bundle/chai';
import { zhCN } from '@huoti/elements';
import { until } from './support/liveness-harness.js';

// The built examples (examples/<name>/dist/app.js, made by `rollup -c`), each loaded from its own
// index.html in a same-origin iframe, under the strict CSP of its <meta> tag. The path checked
// needs no engine: intro → consent → decline, and the framework's listener logs huoti-declined.

/** What the tests read of an element that lives in another realm (the iframe's registry). */
interface ExampleElement extends HTMLElement {
  readonly state: string;
  readonly elderly: boolean;
  readonly assetBase: string | null;
  readonly cameraStream: MediaStream | null;
  readonly updateComplete: Promise<boolean>;
}

const EXAMPLES = ['esm', 'react', 'vue'] as const;

async function loadExample(name: string): Promise<HTMLIFrameElement> {
  const bundle = await fetch(`/examples/${name}/dist/app.js`, { method: 'HEAD' });
  if (!bundle.ok) throw new Error(`examples/${name}/dist/app.js: HTTP ${bundle.status}; build it first (tsc -b && rollup -c)`);
  const frame = document.createElement('iframe');
  frame.title = `examples/${name}`;
  frame.width = '480';
  frame.height = '800';
  const loaded = new Promise<void>((resolve, reject) => {
    frame.addEventListener('load', () => resolve(), { once: true });
    frame.addEventListener('error', () => reject(new Error(`examples/${name}/index.html failed to load`)), { once: true });
  });
  frame.src = `/examples/${name}/index.html`;
  document.body.append(frame);
  await loaded;
  return frame;
}

function exampleDocument(frame: HTMLIFrameElement): Document {
  const inner = frame.contentDocument;
  if (!inner) throw new Error(`${frame.title}: no same-origin document`);
  return inner;
}

function buttonNamed(element: ExampleElement, text: string): HTMLButtonElement {
  const button = [...(element.shadowRoot?.querySelectorAll('button') ?? [])].find((candidate) => candidate.textContent?.trim() === text);
  if (!button) throw new Error(`no button "${text}" in state ${element.state}`);
  return button;
}

const logText = (inner: Document): string => inner.querySelector('[data-testid="log"]')?.textContent ?? '';

describe('framework examples (built dist/app.js)', () => {
  const frames: HTMLIFrameElement[] = [];
  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  for (const name of EXAMPLES) {
    it(`${name}: renders the intro under the strict CSP, declining consent reaches the app's huoti-declined listener`, async () => {
      const frame = await loadExample(name);
      frames.push(frame);
      const inner = exampleDocument(frame);
      const view = frame.contentWindow as (Window & typeof globalThis) | null;

      // The page really runs under its CSP: eval is refused, and the app still rendered.
      expect(() => view?.eval('1'), 'eval is blocked by the CSP').to.throw();
      await until(() => !!view?.customElements.get('huoti-liveness'), `${name}: <huoti-liveness> defined`);
      await until(() => !!inner.querySelector('huoti-liveness')?.shadowRoot, `${name}: <huoti-liveness> rendered`);
      const element = inner.querySelector('huoti-liveness') as ExampleElement;
      await element.updateComplete;

      expect(element.state).to.equal('intro');
      expect(element.getAttribute('lang')).to.equal('zh-CN');
      expect(element.elderly, 'elderly mode').to.equal(true);
      expect(element.hasAttribute('elderly'), 'elderly is reflected').to.equal(true);
      expect(element.assetBase).to.equal('/packages/liveness/dist/assets/');
      expect(element.shadowRoot?.querySelector('h2')?.textContent).to.equal(zhCN.introHeading);

      buttonNamed(element, zhCN.startButton).click();
      await until(() => element.state === 'consent', `${name}: consent state`);
      await element.updateComplete;
      buttonNamed(element, zhCN.consentDecline).click();
      await until(() => element.state === 'declined', `${name}: declined state`);
      await until(() => logText(inner).includes('huoti-declined'), `${name}: the app logged huoti-declined`);
      await until(() => logText(inner).includes('plan: HTTP 404'), `${name}: the app asked for a plan (POST /plans; the test server has none)`);
      expect(logText(inner)).to.contain(zhCN.offlineChannels.bureau);
      expect(element.cameraStream, 'no camera after declining').to.equal(null);
    });
  }
});
