/** A loose one-step read-digits plan (unsigned; the element's own run accepts it), digits revealed 0.5 s apart. */
export function readDigitsPlan(): string {
  const now = Date.now();
  return JSON.stringify({
    version: 1,
    nonce: 'read-digits-test',
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 5 * 60_000).toISOString(),
    strictness: 'loose',
    steps: [{ kind: 'readDigits', digits: [2, 9, 5], digitOnsetsMs: [500, 1500, 2500] }],
  });
}
