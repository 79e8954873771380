/**
 * One object URL per blob (input files and thumbnails), made once and shared by every view of
 * it; the blobs live as long as their jobs, so the URLs are not revoked.
 */
const urls = new WeakMap<Blob, string>();

export function objectUrl(blob: Blob | undefined): string | undefined {
  if (!blob) return undefined;
  let url = urls.get(blob);
  if (!url) {
    url = URL.createObjectURL(blob);
    urls.set(blob, url);
  }
  return url;
}
