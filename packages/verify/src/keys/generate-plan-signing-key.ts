import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';

/** A fresh Ed25519 key pair in the forms a portal stores and publishes. */
export interface GeneratedPlanSigningKey {
  readonly keyId: string;
  /** PKCS#8 PEM: keep it secret. */
  readonly privateKey: string;
  /** SPKI PEM. */
  readonly publicKey: string;
  /** The public key as a JWK (`kty: "OKP"`, `crv: "Ed25519"`), with `kid` set to `keyId`. */
  readonly publicJwk: JsonWebKey;
}

/** Generates an Ed25519 plan signing key (for tests, demos and key rotation scripts). */
export function generatePlanSigningKey(keyId: string): GeneratedPlanSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    keyId,
    privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    publicJwk: { ...publicKey.export({ format: 'jwk' }), kid: keyId },
  };
}
