// Serves the examples and the built packages on a local port with the headers an integrator
// needs (strict CSP, camera permission policy, wasm MIME type), and prints the URL.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SERVED_PREFIXES = ['/examples/', '/packages/elements/dist/', '/packages/liveness/dist/', '/packages/eligibility/dist/'];
const CONTENT_TYPES = {
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
};
/** The policy documented in docs/architecture.md: no inline script, no eval, wasm allowed. */
export const DEMO_HEADERS = Object.freeze({
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; connect-src 'self'; img-src 'self' data: blob:; media-src 'self' blob: mediastream:; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
  'Permissions-Policy': 'camera=(self), microphone=(self)',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
});

function filePathFor(urlPath) {
  const decoded = decodeURIComponent(urlPath);
  const withIndex = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  if (!SERVED_PREFIXES.some((prefix) => withIndex.startsWith(prefix))) return null;
  const absolute = normalize(join(root, withIndex));
  if (!absolute.startsWith(root + '/')) return null;
  return existsSync(absolute) && statSync(absolute).isFile() ? absolute : null;
}

export function createDemoServer() {
  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/') {
      response.writeHead(302, { Location: '/examples/portal/' }).end();
      return;
    }
    const file = request.method === 'GET' || request.method === 'HEAD' ? filePathFor(pathname) : null;
    if (!file) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...DEMO_HEADERS }).end('not found\n');
      return;
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', ...DEMO_HEADERS });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArgument = process.argv.indexOf('--port');
  const port = Number(portArgument > 0 ? process.argv[portArgument + 1] : (process.env.PORT ?? 8080));
  const server = createDemoServer();
  server.on('error', (error) => {
    console.error(`[demo] cannot listen on port ${port}: ${error.message}. Use --port N or PORT=N.`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Huoti demo: http://localhost:${port}/examples/portal/  (Ctrl+C to stop)`);
  });
}
