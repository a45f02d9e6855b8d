/**
 * Hands `blob` to the browser as a download named `fileName`, through a link of its own: no navigation, no
 * inline script or style (so a strict Content-Security-Policy allows it). The object URL is revoked once the
 * browser has had time to take the file.
 */
export function download(blob: Blob, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
