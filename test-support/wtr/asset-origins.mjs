// Stands in for a CDN on another origin: two small static servers on loopback ports of their own
// (a different host and port than the test page: a different origin), serving the built packages'
// dist/ folders. One answers with CORS headers, as a CDN must; the other without, as a misconfigured
// one does. Each logs what it was asked, with the Origin and Sec-Fetch-* request headers, so a test
// can show that the worker, models and wasm really came from there.
//
//   GET /__huoti/asset-origins          → { cors: 'http://127.0.0.1:<port>', noCors: 'http://127.0.0.1:<port>' }
//   GET /__huoti/asset-origins/requests → [{ server: 'cors' | 'noCors', path, status, origin, fetchMode, fetchDest }]
//   GET /__huoti/asset-origins/cdn-page?headers=<JSON> → a page on the test origin that loads huoti.min.js from
//       the CORS origin, sent with the given response headers (the test reads them from docs/csp.md)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { repoRoot } from './fixtures-dir.mjs';

const ROUTE = '/__huoti/asset-origins';
const SERVED_PREFIXES = Object.freeze(['/packages/elements/dist/', '/packages/liveness/dist/', '/packages/eligibility/dist/']);
const CONTENT_TYPES = Object.freeze({
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
});
/** What a CDN sends so that any page may read its files (fetch, module scripts, workers, worklets). */
const CORS_HEADERS = Object.freeze({
  'Access-Control-Allow-Origin': '*',
  'Cross-Origin-Resource-Policy': 'cross-origin',
  Vary: 'Origin',
});

function filePathFor(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null; // a malformed escape names no file: 404
  }
  if (!SERVED_PREFIXES.some((prefix) => decoded.startsWith(prefix))) return null;
  const absolute = normalize(join(repoRoot, decoded));
  if (!absolute.startsWith(repoRoot + '/')) return null;
  return existsSync(absolute) && statSync(absolute).isFile() ? absolute : null;
}

function startServer(name, { sendsCors }, log) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = request.method === 'GET' || request.method === 'HEAD' ? filePathFor(pathname) : null;
    const status = file ? 200 : 404;
    log.push({
      server: name,
      path: pathname,
      status,
      origin: request.headers.origin ?? null,
      fetchMode: request.headers['sec-fetch-mode'] ?? null,
      fetchDest: request.headers['sec-fetch-dest'] ?? null,
    });
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...(sendsCors ? CORS_HEADERS : {}) };
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref(); // never keeps the test runner alive
      resolve(`http://127.0.0.1:${server.address().port}`);
    });
  });
}

/** Only these may be set on the CDN page, so the route cannot be made to send anything else. */
const PAGE_HEADER_NAMES = new Set(['Content-Security-Policy', 'Permissions-Policy', 'X-Content-Type-Options', 'Referrer-Policy']);

function pageHeaders(json) {
  const headers = JSON.parse(json ?? '{}');
  for (const name of Object.keys(headers)) if (!PAGE_HEADER_NAMES.has(name)) throw new Error(`cdn-page: header ${name} is not allowed`);
  return { ...headers, 'Cache-Control': 'no-store' };
}

/** A portal-like page without inline script: the violation recorder first, then the CDN's bundle. */
const cdnPage = (corsOrigin) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>CDN page</title>
    <link rel="icon" href="data:," />
    <script src="/test-support/wtr/csp-violation-recorder.js"></script>
    <script src="${corsOrigin}/packages/elements/dist/cdn/huoti.min.js" data-asset-base="../../../liveness/dist/assets/"></script>
  </head>
  <body></body>
</html>
`;

/** A web-test-runner plugin that starts both servers on first use and tells the page where they are. */
export function assetOriginsPlugin() {
  const log = [];
  let origins = null;
  const start = () =>
    (origins ??= Promise.all([startServer('cors', { sendsCors: true }, log), startServer('noCors', { sendsCors: false }, log)]).then(
      ([cors, noCors]) => ({ cors, noCors }),
    ));
  return {
    name: 'huoti-asset-origins',
    async serve(context) {
      if (context.path === ROUTE) return { body: JSON.stringify(await start()), type: 'json', headers: { 'Cache-Control': 'no-store' } };
      if (context.path === `${ROUTE}/cdn-page`) return { body: cdnPage((await start()).cors), type: 'html', headers: pageHeaders(context.URL.searchParams.get('headers')) };
      if (context.path === `${ROUTE}/requests`) return { body: JSON.stringify(log), type: 'json', headers: { 'Cache-Control': 'no-store' } };
      return undefined;
    },
  };
}
