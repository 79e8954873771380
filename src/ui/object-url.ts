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

/** Object URLs of the short-lived blobs shown last (heatmaps), newest last. */
const recent = new Map<Blob, string>();
const KEPT_RECENT = 4;

/**
 * An object URL for a blob that a newer one soon replaces (a result's heatmap): made once while
 * it is among the last four shown, then revoked.
 */
export function recentObjectUrl(blob: Blob | undefined): string | undefined {
  if (!blob) return undefined;
  let url = recent.get(blob);
  if (url) recent.delete(blob);
  else url = URL.createObjectURL(blob);
  recent.set(blob, url);
  for (const [oldBlob, oldUrl] of recent) {
    if (recent.size <= KEPT_RECENT) break;
    URL.revokeObjectURL(oldUrl);
    recent.delete(oldBlob);
  }
  return url;
}
