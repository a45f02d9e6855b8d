/** A KvK (Chamber of Commerce) number: exactly 8 digits. It has no checksum. Spaces and dots are ignored. */
export function normalizeKvk(input: string): string {
  return input.replace(/[\s.]/g, '');
}

export function isKvk(input: string): boolean {
  return /^\d{8}$/.test(normalizeKvk(input));
}
