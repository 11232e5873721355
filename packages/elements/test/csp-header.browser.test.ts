import { expect } from '@esm-bundle/chai';
import { declareFakeMedia } from '../../../test-support/fake-media.js';
import { documentedHeaders } from '../../../test-support/wtr/documented-headers.js';
import { serverCommand } from './support/wtr-commands.js';

// The portal demo served by its own server (examples/server) with the headers of docs/csp.md as
// HTTP headers (not a <meta> tag), in a tab of this Chromium on another loopback origin
// (test-support/wtr/csp-portal-command.mjs). The tab runs the whole flow: eligibility status,
// a server-signed plan, <huoti-liveness> on real footage with its worker and wasm, POST /verify.
// Not one CSP violation may happen on the way. GRID swwp2s blinks at 1.04, 1.72 and 2.84 s.
declareFakeMedia({ camera: 'grid/grid_swwp2s.mp4' });

interface LogEntry {
  readonly target: string;
  readonly level: string;
  readonly text: string;
  readonly url: string | null;
}

interface Violation {
  readonly directive: string;
  readonly blockedUri: string;
}

/** What the command saw (test-support/wtr/csp-portal-command.mjs). */
interface CspPortalReport {
  readonly origin: string;
  /** Response headers of the portal page, names in lower case. */
  readonly pageHeaders: Readonly<Record<string, string>>;
  readonly workerCsp: string | null;
  readonly workers: readonly string[];
  readonly states: readonly string[];
  readonly events: ReadonlyArray<{ type: string; code: string | null; passed: boolean | null }>;
  readonly resultText: string;
  readonly violations: readonly Violation[];
  readonly cspLogEntries: readonly LogEntry[];
  readonly errorLogEntries: readonly LogEntry[];
  readonly control: { inlineScriptOutcome: string; violationsAfterControl: readonly Violation[]; cspLogEntriesAfterControl: number };
}

const RUN_TIMEOUT_MS = 150_000;

describe('portal demo under the exact CSP header of docs/csp.md', function () {
  this.timeout(RUN_TIMEOUT_MS + 60_000);
  let documented: Readonly<Record<string, string>>;
  let report: CspPortalReport;

  before(async () => {
    const doc = await fetch('/docs/csp.md');
    expect(doc.ok, 'docs/csp.md is served').to.equal(true);
    documented = documentedHeaders(await doc.text(), 'same-origin');
    await serverCommand('huoti-csp-portal-start', { timeoutMs: RUN_TIMEOUT_MS });
    // Each report call waits at most 10 s on the server (a command must answer within 20 s).
    const deadline = performance.now() + RUN_TIMEOUT_MS + 30_000;
    for (;;) {
      const answer = await serverCommand<{ done: boolean; report?: CspPortalReport; error?: string }>('huoti-csp-portal-report');
      if (answer.done) {
        if (!answer.report) throw new Error(`the portal run failed: ${answer.error}`);
        report = answer.report;
        break;
      }
      if (performance.now() > deadline) throw new Error('the portal run did not finish');
    }
  });

  it('serves the page (and worker.js) with exactly the documented headers', () => {
    expect(documented['Content-Security-Policy']).to.contain("'wasm-unsafe-eval'");
    for (const [name, value] of Object.entries(documented)) expect(report.pageHeaders[name.toLowerCase()], name).to.equal(value);
    expect(report.workerCsp, 'worker.js gets the same policy').to.equal(documented['Content-Security-Policy']);
  });

  it('runs the element to a server-accepted certification with its worker on the portal origin', () => {
    const types = report.events.map((event) => event.type);
    expect(types, JSON.stringify(report.events)).to.include('huoti-ready');
    expect(types).not.to.include('huoti-error');
    expect(report.states).to.include('step');
    expect(report.events.find((event) => event.type === 'huoti-complete')?.passed, 'the blink was seen').to.equal(true);
    expect(report.resultText).to.contain('认证成功');
    expect(report.workers.some((url) => url === `${report.origin}/packages/liveness/dist/worker.js`), report.workers.join(', ')).to.equal(true);
  });

  it('sees no CSP violation: no securitypolicyviolation event, no console or log entry', () => {
    expect(report.violations, JSON.stringify(report.violations)).to.deep.equal([]);
    expect(report.cspLogEntries, JSON.stringify(report.cspLogEntries)).to.deep.equal([]);
    console.log(`error-level log entries (not CSP): ${JSON.stringify(report.errorLogEntries)}`);
  });

  it('the recorder does see a violation: an inline script added to the same tab afterwards is refused and reported', () => {
    expect(report.control.inlineScriptOutcome).to.equal('blocked');
    expect(report.control.violationsAfterControl.map((violation) => violation.directive)).to.deep.equal(['script-src-elem']);
    expect(report.control.cspLogEntriesAfterControl).to.be.greaterThan(0);
  });
});
