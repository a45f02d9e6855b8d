/** A website as people type it (`www.example.nl`) made into a URL: https is assumed when no scheme is given. */
export function normalizeWebsite(input: string): string {
  const trimmed = input.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || trimmed === '' ? trimmed : `https://${trimmed}`;
}

export function isWebsite(input: string): boolean {
  try {
    const url = new URL(input);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
