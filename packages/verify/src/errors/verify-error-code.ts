/**
 * Stable error codes of `@huoti/verify`. Codes are API: add, never rename. Errors are for the
 * portal's own mistakes (bad keys, bad options, an unreachable store); a hostile evidence bundle
 * never throws, it is rejected with a `VerificationReason`.
 * - `INVALID_KEY`: a key is not an Ed25519 key in JWK, PEM or `KeyObject` form;
 * - `INVALID_OPTIONS`: a plan policy or store option is out of range;
 * - `NONCE_STORE_UNAVAILABLE`: the nonce store could not answer (connection, timeout, server error);
 * - `NONCE_STORE_FULL`: the in-memory store reached its entry limit;
 * - `NONCE_STORE_CLOSED`: the store was used after `close()`;
 * - `IMAGE_DECODE_FAILED` (`@huoti/verify/face-match`): a reference photo is not a JPEG or PNG that decodes;
 * - `MODEL_LOAD_FAILED` (`@huoti/verify/face-match`): the face models or the tfjs wasm backend could not load;
 * - `REFERENCE_NO_FACE`, `REFERENCE_MULTIPLE_FACES`, `REFERENCE_FACE_TOO_SMALL` (`@huoti/verify/face-match`):
 *   the reference photo has no face, several faces, or a face too small to compare.
 */
export type VerifyErrorCode =
  | 'INVALID_KEY'
  | 'INVALID_OPTIONS'
  | 'NONCE_STORE_UNAVAILABLE'
  | 'NONCE_STORE_FULL'
  | 'NONCE_STORE_CLOSED'
  | 'IMAGE_DECODE_FAILED'
  | 'MODEL_LOAD_FAILED'
  | 'REFERENCE_NO_FACE'
  | 'REFERENCE_MULTIPLE_FACES'
  | 'REFERENCE_FACE_TOO_SMALL';
