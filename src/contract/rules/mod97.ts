/**
 * The remainder mod 97 of a string of digits and letters, letters counting as their base-36 value
 * (A=10 … Z=35), as ISO 7064 MOD 97-10 reads them. Computed piecewise, so any length works without BigInt.
 */
export function mod97(input: string): number {
  let remainder = 0;
  for (const char of input) {
    const value = parseInt(char, 36);
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder;
}
