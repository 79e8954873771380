/**
 * Files shared to the app wait in a Cache Storage bucket between the service worker (which
 * receives the share as a POST) and the page (which turns them into jobs). Works in both
 * contexts: it only uses the Cache API, `File` and `Response`.
 */

const STASH_CACHE = 'vectorizer-shared-files';
const STASH_PATH = '/__shared-files/';
const NAME_HEADER = 'x-file-name';
const MODIFIED_HEADER = 'x-last-modified';

/** Stores the files in arrival order; returns how many were stored. */
export async function stashSharedFiles(files: readonly File[]): Promise<number> {
  const cache = await caches.open(STASH_CACHE);
  const batch = Date.now().toString(36);
  await Promise.all(
    files.map((file, index) => {
      const key = `${STASH_PATH}${batch}-${index.toString().padStart(4, '0')}`;
      const headers = {
        'content-type': file.type || 'application/octet-stream',
        [NAME_HEADER]: encodeURIComponent(file.name),
        [MODIFIED_HEADER]: String(file.lastModified),
      };
      return cache.put(key, new Response(file, { headers }));
    }),
  );
  return files.length;
}

/** Takes every stashed file out of the stash, oldest share first. */
export async function takeStashedFiles(): Promise<File[]> {
  if (!(await caches.has(STASH_CACHE))) return [];
  const cache = await caches.open(STASH_CACHE);
  const requests = [...(await cache.keys())].sort((a, b) => a.url.localeCompare(b.url));
  const files: File[] = [];
  for (const request of requests) {
    const response = await cache.match(request);
    if (response) files.push(await responseToFile(response));
    await cache.delete(request);
  }
  return files;
}

async function responseToFile(response: Response): Promise<File> {
  const blob = await response.blob();
  const name = decodeURIComponent(response.headers.get(NAME_HEADER) ?? 'shared-image');
  const lastModified = Number(response.headers.get(MODIFIED_HEADER)) || Date.now();
  return new File([blob], name, { type: blob.type, lastModified });
}
