/** GB 11643-1999 weights Wᵢ = 2^(17−i) mod 11 for the first 17 digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
const MODULUS = 11;

/**
 * The ISO 7064 MOD 11-2 check character ('0'..'9' or 'X') of the first 17 digits of `body`
 * (GB 11643-1999 §7). `body` must start with 17 ASCII digits.
 */
export function computeCheckDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (body.charCodeAt(i) - 48) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % MODULUS);
}
