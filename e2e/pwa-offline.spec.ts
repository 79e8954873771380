import { test, expect } from '@playwright/test';
import { expectConvertedJob, samplePng, waitForServiceWorkerControl } from './pwa-support';

/**
 * After one visit the app works with the network off: the service worker serves the shell,
 * every script and style, and both wasm builds, which still compile under the page's CSP.
 */

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await waitForServiceWorkerControl(page);
  await page.context().setOffline(true);
  await page.reload();
});

test.afterEach(async ({ page }) => {
  await page.context().setOffline(false);
});

test('the app starts offline and every precached file is served', async ({ page }) => {
  await expect(page.locator('#root')).not.toBeEmpty();
  const precached = await page.evaluate(async () => {
    const names = await caches.keys();
    const precache = names.find((name) => name.includes('precache'));
    if (!precache) return [];
    const requests = await (await caches.open(precache)).keys();
    return requests.map((request) => new URL(request.url).pathname);
  });
  expect(precached).toContain('/index.html');
  expect(precached.some((path) => /^\/assets\/.*\.js$/.test(path))).toBe(true);

  const offlineStatuses = await page.evaluate(async (paths) => {
    const statuses: Record<string, number> = {};
    for (const path of paths) statuses[path] = (await fetch(path)).status;
    return statuses;
  }, precached);
  for (const [path, status] of Object.entries(offlineStatuses)) expect(status, path).toBe(200);
});

test('both wasm builds are precached and compile offline', async ({ page }) => {
  const compiled = await page.evaluate(async () => {
    const names = await caches.keys();
    const precache = names.find((name) => name.includes('precache'));
    const requests = precache ? await (await caches.open(precache)).keys() : [];
    const wasm = requests.map((r) => new URL(r.url).pathname).filter((p) => p.endsWith('.wasm'));
    const exports: Record<string, number> = {};
    for (const path of wasm) {
      const module = await WebAssembly.compileStreaming(fetch(path));
      exports[path.replace(/-[\w-]{8}\.wasm$/, '.wasm')] =
        WebAssembly.Module.exports(module).length;
    }
    return exports;
  });
  expect(Object.keys(compiled).sort()).toEqual([
    '/assets/vectorizer-scalar.wasm',
    '/assets/vectorizer-simd.wasm',
  ]);
  for (const count of Object.values(compiled)) expect(count).toBeGreaterThan(0);
});

test('an image converts with the network off', async ({ page }) => {
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: 'offline-square.png',
      mimeType: 'image/png',
      buffer: await samplePng(),
    });
  await expectConvertedJob(page, 'offline-square.png');
});
