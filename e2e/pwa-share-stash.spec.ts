import { test, expect } from '@playwright/test';
import { samplePng, waitForServiceWorkerControl } from './pwa-support';

/**
 * The service worker's half of the share target, without the app's UI: a multipart POST to
 * /share-target (sent with fetch, so the page stays put and does not take the files) is
 * answered with a redirect to /?shared=<count>, and each image waits in the share stash with
 * its name, type and bytes, ready for consumeSharedFiles().
 */

const STASH_CACHE = 'vectorizer-shared-files';

test('a POSTed share is redirected to the app and its images are stashed intact', async ({
  page,
}) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const png = [...(await samplePng())];

  const result = await page.evaluate(
    async ({ bytes, stashName }) => {
      const form = new FormData();
      form.append(
        'images',
        new File([new Uint8Array(bytes)], 'shared-a.png', { type: 'image/png' }),
      );
      form.append(
        'images',
        new File([new Uint8Array(bytes)], 'shared b.png', { type: 'image/png' }),
      );
      const response = await fetch('/share-target', { method: 'POST', body: form });

      const stash = await caches.open(stashName);
      const stashed = [];
      for (const request of await stash.keys()) {
        const entry = (await stash.match(request))!;
        stashed.push({
          name: decodeURIComponent(entry.headers.get('x-file-name') ?? ''),
          type: entry.headers.get('content-type'),
          size: (await entry.arrayBuffer()).byteLength,
        });
      }
      return { redirected: response.redirected, search: new URL(response.url).search, stashed };
    },
    { bytes: png, stashName: STASH_CACHE },
  );

  expect(result.redirected).toBe(true);
  expect(result.search).toBe('?shared=2');
  expect(result.stashed.map((file) => file.name).sort()).toEqual(['shared b.png', 'shared-a.png']);
  for (const file of result.stashed) {
    expect(file.type).toBe('image/png');
    expect(file.size).toBe(png.length);
  }
});

test('a share with no image still lands in the app, with nothing stashed', async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  const result = await page.evaluate(async (stashName) => {
    const form = new FormData();
    form.append('title', 'no files here');
    const response = await fetch('/share-target', { method: 'POST', body: form });
    const stashed = (await caches.has(stashName))
      ? (await (await caches.open(stashName)).keys()).length
      : 0;
    return { status: response.status, search: new URL(response.url).search, stashed };
  }, STASH_CACHE);

  expect(result).toEqual({ status: 200, search: '?shared=0', stashed: 0 });
});
