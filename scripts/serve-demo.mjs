// `npm run demo` (scripts/demo.sh) runs this: it starts the example portal backend
// (examples/server), which serves the examples and the built packages with the headers an
// integrator needs (strict CSP, camera permission policy, wasm MIME type) and answers
// POST /plans and POST /verify, and prints the URL.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_HEADERS } from '../examples/server/demo-headers.mjs';
import { createPortalServer } from '../examples/server/portal-server.mjs';
import { RedisNonceStore } from '@huoti/verify';

export { DEMO_HEADERS };

/** The demo server: the example portal backend with its defaults (fresh signing key, in-memory nonces). */
export function createDemoServer(options = {}) {
  return createPortalServer(options);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const portArgument = process.argv.indexOf('--port');
  const port = Number(portArgument > 0 ? process.argv[portArgument + 1] : (process.env.PORT ?? 8080));
  // `--redis HOST:PORT` shares nonces through Redis, as a cluster of portal servers would.
  const redisArgument = process.argv.indexOf('--redis');
  const [redisHost, redisPort] = redisArgument > 0 ? (process.argv[redisArgument + 1] ?? '').split(':') : [];
  const nonceStore = redisHost ? new RedisNonceStore({ host: redisHost, port: Number(redisPort || 6379) }) : undefined;
  const server = createDemoServer(nonceStore ? { nonceStore } : {});
  server.on('error', (error) => {
    console.error(`[demo] cannot listen on port ${port}: ${error.message}. Use --port N or PORT=N.`);
    process.exit(1);
  });
  server.listen(port, '127.0.0.1', () => {
    console.log(`Huoti demo: http://localhost:${port}/examples/portal/  (Ctrl+C to stop)`);
    console.log(`  API: POST http://localhost:${port}/plans, POST http://localhost:${port}/verify`);
  });
}
