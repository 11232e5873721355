// Runs the example portal backend (examples/server) on a free loopback port and forwards
// POST /__huoti/example-backend/{plans,verify} from the test server to it, so a browser test can
// run a server-issued plan and have the real backend verify the evidence, on the test page's origin.
import { createPortalServer } from '../../examples/server/portal-server.mjs';

const PREFIX = '/__huoti/example-backend/';
const ROUTES = new Set(['plans', 'verify']);

/** Blink-only, `loose` plans: a 2-core CI machine analyses few frames per second. */
export const EXAMPLE_BACKEND_POLICY = Object.freeze({
  strictness: 'loose',
  stepKinds: ['blink'],
  requiredStepKinds: ['blink'],
  stepCount: 1,
});

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Koa middleware for web-test-runner's `middleware` option; starts the backend on first use. */
export function exampleBackendMiddleware() {
  let origin = null;
  const start = () =>
    (origin ??= new Promise((resolve, reject) => {
      const server = createPortalServer({ policy: EXAMPLE_BACKEND_POLICY });
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.unref(); // never keeps the test runner alive
        resolve(`http://127.0.0.1:${server.address().port}`);
      });
    }));
  return async (context, next) => {
    const route = context.path.startsWith(PREFIX) ? context.path.slice(PREFIX.length) : null;
    if (route === null || !ROUTES.has(route) || context.method !== 'POST') return next();
    const response = await fetch(`${await start()}/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: await readBody(context.req),
    });
    context.status = response.status;
    context.type = 'application/json';
    context.body = await response.text();
  };
}
