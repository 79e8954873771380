/**
 * Images shared to the installed app (manifest `share_target`): the service worker stashes
 * them and redirects to `/?shared=<count>`; the page takes them here, once.
 */
import { SHARED_QUERY_PARAM } from './app-manifest';
import { takeStashedFiles } from './shared-files-stash';

/** Takes the files waiting from a share (empty when there are none or no Cache API). */
export async function consumeSharedFiles(): Promise<File[]> {
  dropSharedQueryParam();
  if (!('caches' in globalThis)) return [];
  return takeStashedFiles();
}

/** Keeps a reload from looking like a new share. */
function dropSharedQueryParam(): void {
  const url = new URL(location.href);
  if (!url.searchParams.has(SHARED_QUERY_PARAM)) return;
  url.searchParams.delete(SHARED_QUERY_PARAM);
  history.replaceState(history.state, '', url);
}
