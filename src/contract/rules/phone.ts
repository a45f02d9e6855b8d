/** A phone number as people write it: digits, spaces, dashes, dots, brackets, a leading +; 6 to 15 digits. */
export function isPhone(input: string): boolean {
  const trimmed = input.trim();
  if (!/^\+?[\d\s\-.()]+$/.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 6 && digits <= 15;
}
