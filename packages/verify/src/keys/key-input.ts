import { createPrivateKey, createPublicKey, KeyObject, type JsonWebKey } from 'node:crypto';
import { VerifyError } from '../errors/verify-error.js';

/** An Ed25519 key as a PEM string (PKCS#8 / SPKI), a JWK (`kty: "OKP"`, `crv: "Ed25519"`) or a `KeyObject`. */
export type KeyInput = string | JsonWebKey | KeyObject;

/**
 * Imports an Ed25519 private key.
 *
 * @throws {VerifyError} INVALID_KEY when `input` is not an Ed25519 private key.
 */
export function importPrivateKey(input: KeyInput): KeyObject {
  const key = importKey(input, 'private');
  if (key.type !== 'private') throw new VerifyError('INVALID_KEY', 'expected an Ed25519 private key');
  return key;
}

/**
 * Imports an Ed25519 public key; a private key gives its public half.
 *
 * @throws {VerifyError} INVALID_KEY when `input` is not an Ed25519 key.
 */
export function importPublicKey(input: KeyInput): KeyObject {
  const key = importKey(input, 'public');
  return key.type === 'private' ? createPublicKey(key) : key;
}

function importKey(input: KeyInput, kind: 'private' | 'public'): KeyObject {
  let key: KeyObject;
  try {
    if (input instanceof KeyObject) key = input;
    else if (typeof input === 'string') key = kind === 'private' ? createPrivateKey(input) : createPublicKey(input);
    else key = kind === 'private' ? createPrivateKey({ key: input, format: 'jwk' }) : createPublicKey({ key: input, format: 'jwk' });
  } catch (error) {
    throw new VerifyError('INVALID_KEY', `cannot import the ${kind} key`, { cause: error });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new VerifyError('INVALID_KEY', `expected an Ed25519 key, got ${key.asymmetricKeyType ?? key.type}`);
  }
  return key;
}
