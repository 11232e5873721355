// A web-test-runner command that runs the portal demo as a real deployment would serve it: the
// example portal server (examples/server/portal-server.mjs, which sends demo-headers.mjs with every
// response) on its own loopback origin, opened in a new tab of the test's Chromium (same fake
// camera). It drives the portal to a certified result and reports every CSP violation it saw:
// `securitypolicyviolation` events in the page (listener installed before any page script), the
// browser's own console/log entries of the page and of its workers. Browser side:
// packages/elements/test/csp-header.browser.test.ts, which compares the served headers with docs/csp.md.
//
// A command must answer within web-test-runner's 20 s message timeout, so the run is split in two:
//   huoti-csp-portal-start  { timeoutMs } → true: starts the server and the run in the background
//   huoti-csp-portal-report               → { done: false } | { done: true, report } | { done: true, error }
// The report waits up to REPORT_WAIT_MS per call; the browser side asks again until done.
import { createPortalServer } from '../../examples/server/portal-server.mjs';
import { EXAMPLE_BACKEND_POLICY } from './example-backend.mjs';

const START_COMMAND = 'huoti-csp-portal-start';
const REPORT_COMMAND = 'huoti-csp-portal-report';
const REPORT_WAIT_MS = 10_000;
/** A resident ID with a valid check digit (GB 11643), born 1949: of pension age. */
const RESIDENT_ID = '11010519491231002X';
const FIRST_PAYMENT_DATE = '2010-01-01';
const POLL_INTERVAL_MS = 100;
const CSP_TEXT = /content security policy|refused to/i;

function startPortal() {
  const server = createPortalServer({ policy: EXAMPLE_BACKEND_POLICY });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** Polls `read()` (which must not use eval: the page forbids it) until `isDone(value)`, or throws after `timeoutMs`. */
async function until(read, isDone, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (isDone(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(value)})`);
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

/** Installed before any script of every document of the tab; runs outside the page's CSP (DevTools). */
function recordInPage() {
  const violations = [];
  const events = [];
  Object.defineProperty(window, '__huotiCspRecord', { value: { violations, events } });
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push({ directive: event.effectiveDirective, blockedUri: event.blockedURI, sourceFile: event.sourceFile, sample: event.sample });
  });
  for (const type of ['huoti-ready', 'huoti-step', 'huoti-complete', 'huoti-error', 'huoti-declined']) {
    document.addEventListener(type, (event) => events.push({ type, code: event.detail?.code ?? null, passed: event.detail?.passed ?? null }), true);
  }
}

/**
 * Moves `<huoti-liveness>` past the screens that wait for the person (intro: start; consent: accept,
 * both the first button) and returns its state; `null` before the element exists.
 */
function advanceLiveness() {
  const element = document.querySelector('huoti-liveness');
  if (!element) return null;
  if (element.state === 'intro' || element.state === 'consent') element.shadowRoot?.querySelector('button')?.click();
  return element.state;
}

/** Opens the portal in a new tab of `browser`, drives it to a result and reports what it saw. */
async function runPortal(browser, timeoutMs) {
  const { server, origin } = await startPortal();
  const page = await browser.newPage();
  const logEntries = [];
  const workers = [];
  const note = (target, level, text, url) => logEntries.push({ target, level, text, url: url ?? null });
  try {
    await page.evaluateOnNewDocument(recordInPage);
    page.on('console', (message) => note('page', message.type(), message.text(), message.location()?.url));
    page.on('pageerror', (error) => note('page', 'pageerror', String(error)));
    const client = await page.createCDPSession();
    client.on('Log.entryAdded', ({ entry }) => note('page', entry.level, entry.text, entry.url));
    await client.send('Log.enable');
    page.on('workercreated', (worker) => {
      workers.push(worker.url());
      worker.on('console', (message) => note(`worker ${worker.url()}`, message.type(), message.text()));
      worker.client.on('Log.entryAdded', ({ entry }) => note(`worker ${worker.url()}`, entry.level, entry.text, entry.url));
      // The worker may already be gone when this arrives; then it has nothing left to log.
      worker.client.send('Log.enable').catch(() => undefined);
    });

    const response = await page.goto(`${origin}/examples/portal/`, { waitUntil: 'load' });
    const pageHeaders = response?.headers() ?? {};
    const workerResponse = await fetch(`${origin}/packages/liveness/dist/worker.js`, { method: 'HEAD' });

    await page.$eval('#id-number', (input, value) => (input.value = value), RESIDENT_ID);
    await page.$eval('#first-payment', (input, value) => (input.value = value), FIRST_PAYMENT_DATE);
    await page.click('#status-form button[type="submit"]');
    await until(() => page.$eval('#certify', (section) => !section.hidden), Boolean, 'the certify section', timeoutMs);
    await page.click('#certify-start');
    const states = new Set();
    const resultText = await until(
      async () => {
        states.add(await page.evaluate(advanceLiveness));
        return page.$eval('#certify-result', (output) => output.textContent ?? '');
      },
      (text) => /认证成功|未通过|未接受|无法开始/.test(text),
      'the portal result',
      timeoutMs,
    );
    const recorded = await page.evaluate(() => window.__huotiCspRecord);
    const runLogEntries = [...logEntries];

    // Sensitivity of the recorder: an inline script, which the policy forbids, must be seen.
    const inlineScriptOutcome = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__huotiInlineScriptRan = true;';
      document.body.append(script);
      return window.__huotiInlineScriptRan === true ? 'ran' : 'blocked';
    });
    await until(() => page.evaluate(() => window.__huotiCspRecord.violations.length), (count) => count > recorded.violations.length, 'the inline-script violation', 5_000);
    const afterControl = await page.evaluate(() => window.__huotiCspRecord.violations);

    return {
      origin,
      pageHeaders,
      workerCsp: workerResponse.headers.get('content-security-policy'),
      workers,
      states: [...states].filter(Boolean),
      events: recorded.events,
      resultText,
      violations: recorded.violations,
      cspLogEntries: runLogEntries.filter((entry) => CSP_TEXT.test(entry.text)),
      errorLogEntries: runLogEntries.filter((entry) => entry.level === 'error' || entry.level === 'pageerror'),
      control: { inlineScriptOutcome, violationsAfterControl: afterControl, cspLogEntriesAfterControl: logEntries.filter((entry) => CSP_TEXT.test(entry.text)).length },
    };
  } finally {
    await page.close().catch(() => undefined); // a tab that is already gone needs no closing
    server.closeAllConnections?.();
    server.close();
  }
}

export function cspPortalCommand() {
  /** Runs by test session: each settles to { report } or { error }. */
  const runs = new Map();
  return {
    name: 'huoti-csp-portal',
    async executeCommand({ command, payload, session }) {
      if (command === START_COMMAND) {
        if (typeof session.browser.getPage !== 'function') throw new Error(`${START_COMMAND} needs the Chrome launcher (puppeteer page)`);
        const browser = session.browser.getPage(session.id).browser();
        const run = runPortal(browser, payload?.timeoutMs ?? 120_000).then(
          (report) => ({ report }),
          (error) => ({ error: String(error?.stack ?? error) }),
        );
        runs.set(session.id, run);
        return true;
      }
      if (command === REPORT_COMMAND) {
        const run = runs.get(session.id);
        if (!run) throw new Error(`${REPORT_COMMAND} before ${START_COMMAND}`);
        const settled = await Promise.race([run, new Promise((resolve) => setTimeout(() => resolve(null), REPORT_WAIT_MS))]);
        if (settled === null) return { done: false };
        runs.delete(session.id);
        return { done: true, ...settled };
      }
      return undefined;
    },
  };
}
