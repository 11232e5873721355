import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOCUMENTED_CDN_ORIGIN, documentedHeaders } from '../../../test-support/wtr/documented-headers.js';

// docs/csp.md's header blocks are what the demo server sends and what the browser tests serve.
// The demo server is plain JavaScript without types: imported through a variable specifier.
const DEMO_HEADERS_MODULE = '../../../examples/server/demo-headers.mjs';
const { DEMO_HEADERS } = (await import(DEMO_HEADERS_MODULE)) as { DEMO_HEADERS: Readonly<Record<string, string>> };
const doc = readFileSync(new URL('../../../docs/csp.md', import.meta.url), 'utf8');
const selfHostingDoc = readFileSync(new URL('../../../docs/self-hosting.md', import.meta.url), 'utf8');

describe('docs/csp.md header blocks', () => {
  const sameOrigin = documentedHeaders(doc, 'same-origin');
  const cdn = documentedHeaders(doc, 'cdn');

  it('the demo server sends every same-origin header exactly as documented', () => {
    for (const [name, value] of Object.entries(sameOrigin)) expect(DEMO_HEADERS[name], name).toBe(value);
  });

  it('the CDN policy is the same-origin one plus the asset origin in script-src, worker-src and connect-src', () => {
    const addOrigin = (policy: string, directive: string, after: string): string =>
      policy.replace(`${directive} ${after}`, `${directive} ${after} ${DOCUMENTED_CDN_ORIGIN}`);
    let expected = sameOrigin['Content-Security-Policy']!;
    expected = addOrigin(expected, 'script-src', "'self'");
    expected = addOrigin(expected, 'worker-src', "'self' blob:");
    expected = addOrigin(expected, 'connect-src', "'self'");
    expect(cdn['Content-Security-Policy']).toBe(expected);
    expect({ ...cdn, 'Content-Security-Policy': null }).toEqual({ ...sameOrigin, 'Content-Security-Policy': null });
  });

  it('the nginx example of docs/self-hosting.md carries the same policy', () => {
    expect(selfHostingDoc).toContain(`add_header Content-Security-Policy "${sameOrigin['Content-Security-Policy']}";`);
  });

  it('a missing marker is an error, not an empty policy', () => {
    expect(() => documentedHeaders(doc, 'no-such-block')).toThrow(/no <!-- huoti-headers: no-such-block -->/);
  });
});
