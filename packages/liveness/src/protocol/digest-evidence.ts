import { canonicalJson } from './canonical-json.js';
import type { EvidenceBundle } from './evidence-bundle.js';

/**
 * The exact text the evidence digest covers: the canonical serialisation (see {@link canonicalJson})
 * of the whole bundle with `evidence.digest` left out.
 *
 * @throws {HuotiError} INVALID_INPUT when the bundle holds a value JSON cannot carry.
 */
export function evidenceDigestInput(bundle: EvidenceBundle): string {
  const { digest: _digest, ...evidence } = bundle.evidence;
  return canonicalJson({ ...bundle, evidence });
}

/**
 * Computes `evidence.digest`: base64url (no padding) of SHA-256 over the UTF-8 bytes of
 * {@link evidenceDigestInput}. Uses `globalThis.crypto.subtle`, present in browsers (secure
 * contexts) and Node 20.
 *
 * @throws {HuotiError} INVALID_INPUT when the bundle holds a value JSON cannot carry.
 */
export async function digestEvidence(bundle: EvidenceBundle): Promise<string> {
  const bytes = new TextEncoder().encode(evidenceDigestInput(bundle));
  const hash = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return bytesToBase64Url(new Uint8Array(hash));
}

function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
