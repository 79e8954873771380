/// <reference lib="webworker" />
/**
 * The service worker: precaches the whole app (shell, JS, CSS, both wasm builds, icons) so it
 * starts and converts images offline, answers navigations with the precached index.html, and
 * receives images shared to the installed app. A new version waits until the page asks it to
 * take over (the update prompt), so a page never mixes files from two versions.
 */
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { SHARED_QUERY_PARAM, SHARE_TARGET_FIELD, SHARE_TARGET_PATH } from './pwa/app-manifest';
import { stashSharedFiles } from './pwa/shared-files-stash';
import { SKIP_WAITING_MESSAGE } from './pwa/sw-messages';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | { url: string })[] };

/** Paths the server answers itself: never replaced by the app shell. */
const SERVER_PATHS = [/^\/api\//, /^\/health$/, /^\/metrics$/];

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: SERVER_PATHS }),
);
registerRoute(({ url }) => url.pathname === SHARE_TARGET_PATH, receiveShare, 'POST');

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING_MESSAGE.type)
    void self.skipWaiting();
});
clientsClaim();

/** Stashes the shared images and sends the browser to the app, which picks them up. */
async function receiveShare({ request }: { request: Request }): Promise<Response> {
  let count = 0;
  try {
    const form = await request.formData();
    const files = form.getAll(SHARE_TARGET_FIELD).filter((value) => value instanceof File);
    count = await stashSharedFiles(files);
  } catch {
    // A malformed share still lands in the app, with nothing to pick up.
  }
  const target = new URL(`/?${SHARED_QUERY_PARAM}=${count}`, self.location.origin);
  return Response.redirect(target.href, 303);
}
