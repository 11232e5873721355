// The demo portal's backend (node:http, no framework): issues signed challenge plans, verifies
// evidence bundles with @huoti/verify, and serves the portal demo and the built packages.
//
//   POST /plans   → 201, a signed ChallengePlan (JSON); body: nothing, or { pacing?, faceMatch? } (400 otherwise)
//   POST /verify  → 200 { accepted: true, … } | 422 { accepted: false, reasons, issues } | 413 body_too_large
//   GET  /plans/keys → the public keys plans are signed with (JWK set), for other servers to verify
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_VERIFIER_CONFIG,
  EvidenceVerifier,
  generatePlanSigningKey,
  issuePlan,
  MemoryNonceStore,
} from '@huoti/verify';
import { DEMO_HEADERS } from './demo-headers.mjs';
import { serveStaticFile } from './static-files.mjs';

const CHECKOUT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Creates the demo portal server (not yet listening).
 * @param {object} [options]
 * @param {{ keyId: string, privateKey: string, publicJwk?: object }} [options.signingKey] defaults to a fresh key per process
 * @param {import('@huoti/verify').NonceStore} [options.nonceStore] defaults to an in-memory store (one process)
 * @param {Partial<import('@huoti/verify').PlanPolicy>} [options.policy] the portal's plan policy
 * @param {() => number} [options.now] clock, epoch ms
 * @param {number} [options.maxBodyBytes] largest accepted /verify body
 * @param {string} [options.root] checkout whose examples/ and dist/ folders are served
 */
export function createPortalServer(options = {}) {
  const signingKey = options.signingKey ?? generatePlanSigningKey(`demo-${new Date().toISOString().slice(0, 10)}`);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_VERIFIER_CONFIG.maxBodyBytes;
  const now = options.now ?? Date.now;
  const verifier = new EvidenceVerifier({
    secret: signingKey,
    nonceStore: options.nonceStore ?? new MemoryNonceStore({ now }),
    now,
    maxBodyBytes,
  });
  const root = options.root ?? CHECKOUT_ROOT;

  return createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/plans' || pathname === '/verify' || pathname === '/plans/keys') {
      handleApi(pathname, request, response).catch((error) => {
        // Only a bug gets here: log it for the operator, answer 500 without details for the client.
        console.error('[portal] unexpected error', error);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal_error' });
        else response.destroy();
      });
      return;
    }
    if (pathname === '/') {
      response.writeHead(302, { Location: '/examples/portal/', ...DEMO_HEADERS }).end();
      return;
    }
    serveStaticFile(root, request, response, pathname);
  });

  async function handleApi(pathname, request, response) {
    const method = pathname === '/plans/keys' ? 'GET' : 'POST';
    if (request.method !== method) {
      sendJson(response, 405, { error: 'method_not_allowed' }, { Allow: method });
      return;
    }
    if (pathname === '/plans/keys') {
      const publicJwk = signingKey.publicJwk ?? null;
      sendJson(response, 200, { keys: publicJwk ? [publicJwk] : [] });
      return;
    }
    if (pathname === '/plans') {
      const body = await readBody(request, MAX_PLAN_REQUEST_BYTES);
      if (body === null) {
        sendJson(response, 413, { error: 'body_too_large' }, { Connection: 'close' });
        response.on('finish', () => request.destroy());
        return;
      }
      const wanted = parsePlanRequest(body);
      if (wanted === null) {
        sendJson(response, 400, { error: 'invalid_plan_request' });
        return;
      }
      const policy = wanted.faceMatch ? { ...options.policy, shouldRequireFaceMatch: true } : options.policy;
      sendJson(response, 201, issuePlan({ signingKey, policy, now, pacing: wanted.pacing }));
      return;
    }
    const body = await readBody(request, maxBodyBytes);
    if (body === null) {
      sendJson(response, 413, { accepted: false, reasons: ['body_too_large'], issues: [] }, { Connection: 'close' });
      response.on('finish', () => request.destroy());
      return;
    }
    const result = await verifier.verify(body);
    sendJson(response, result.accepted ? 200 : 422, result);
  }
}

/** A plan request is tiny: `{ "pacing": "elderly", "faceMatch": true }` at most. */
const MAX_PLAN_REQUEST_BYTES = 1024;

/**
 * What the page asks of a plan: an empty body, or JSON `{ pacing?: 'standard' | 'elderly',
 * faceMatch?: boolean }` (`pacing` is what `<huoti-liveness>` passes its `planProvider`; a
 * `faceMatch` plan starts with the 1:1 face-match step). Null for anything else. The server keeps
 * its own policy: the page chooses only among what the policy allows.
 * @param {Buffer} body
 * @returns {{ pacing: 'standard' | 'elderly', faceMatch: boolean } | null}
 */
export function parsePlanRequest(body) {
  if (body.length === 0) return { pacing: 'standard', faceMatch: false };
  let wanted;
  try {
    wanted = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (typeof wanted !== 'object' || wanted === null || Array.isArray(wanted)) return null;
  const { pacing = 'standard', faceMatch = false, ...rest } = wanted;
  if (Object.keys(rest).length > 0) return null;
  if (pacing !== 'standard' && pacing !== 'elderly') return null;
  if (typeof faceMatch !== 'boolean') return null;
  return { pacing, faceMatch };
}

/** The request body, or null as soon as it exceeds `maxBytes` (the rest is not read). */
function readBody(request, maxBytes) {
  return new Promise((resolvePromise, reject) => {
    const chunks = [];
    let size = 0;
    request.on('data', (chunk) => {
      size += chunk.length;
      if (size > maxBytes) {
        request.pause();
        request.removeAllListeners('data');
        resolvePromise(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function sendJson(response, status, value, headers = {}) {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'Content-Type': JSON_TYPE, 'Content-Length': Buffer.byteLength(body), ...DEMO_HEADERS, ...headers });
  response.end(body);
}
