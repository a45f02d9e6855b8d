/**
 * A pragmatic e-mail check: one @, a local part without spaces, a domain with a dot and a TLD of two or more
 * letters. It accepts everything mail servers deliver in practice and rejects the typos people make.
 */
const pattern = /^[^\s@"<>()[\],;:]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

export function isEmail(input: string): boolean {
  return input.length <= 254 && pattern.test(input.trim());
}
