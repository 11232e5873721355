// Serves examples/ and the built packages' dist/ folders, nothing else of the checkout.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { DEMO_HEADERS } from './demo-headers.mjs';

/** URL prefixes that map onto the checkout; everything else is a 404. */
export const SERVED_PREFIXES = Object.freeze([
  '/examples/',
  '/packages/elements/dist/',
  '/packages/liveness/dist/',
  '/packages/eligibility/dist/',
]);

const CONTENT_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
});

/** The file under `root` that `urlPath` names, or null when it is outside the served prefixes or absent. */
function filePathFor(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // a malformed escape names no file: the caller answers 404
  }
  const withIndex = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  if (!SERVED_PREFIXES.some((prefix) => withIndex.startsWith(prefix))) return null;
  const absolute = normalize(join(root, withIndex));
  if (!absolute.startsWith(root + '/')) return null;
  return existsSync(absolute) && statSync(absolute).isFile() ? absolute : null;
}

/**
 * Answers a GET or HEAD for a static file under `root` with DEMO_HEADERS; 404 for anything else.
 * @param {string} root absolute path of the checkout
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {string} pathname
 */
export function serveStaticFile(root, request, response, pathname) {
  const file = request.method === 'GET' || request.method === 'HEAD' ? filePathFor(root, pathname) : null;
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...DEMO_HEADERS }).end('not found\n');
    return;
  }
  response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...DEMO_HEADERS });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file).pipe(response);
}
