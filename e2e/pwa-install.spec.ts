import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, test, expect } from '@playwright/test';
import { INSTALL_TIMEOUT_MS, waitForServiceWorkerControl } from './pwa-support';

/**
 * The app is installable in Chromium: a valid manifest with the members the issue asks for,
 * a service worker controlling the page, and no installability errors from DevTools.
 */

interface Manifest {
  name: string;
  short_name: string;
  display: string;
  start_url: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; purpose?: string; type?: string }[];
  screenshots: { src: string; sizes: string; form_factor?: string }[];
  file_handlers: { action: string; accept: Record<string, string[]> }[];
  share_target: {
    action: string;
    method: string;
    enctype: string;
    params: { files: { name: string; accept: string[] }[] };
  };
}

test('the manifest lists icons, screenshots, file handlers and a share target', async ({
  page,
  request,
}) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBe('/manifest.webmanifest');
  const manifest = (await (await request.get(href!)).json()) as Manifest;

  expect(manifest).toMatchObject({
    name: expect.any(String),
    display: 'standalone',
    start_url: '/',
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  for (const [size, purpose] of [
    ['192x192', 'any'],
    ['512x512', 'any'],
    ['192x192', 'maskable'],
    ['512x512', 'maskable'],
  ]) {
    const icon = manifest.icons.find((i) => i.sizes === size && i.purpose === purpose);
    expect(icon, `${purpose} ${size} icon`).toBeDefined();
    const image = await request.get(icon!.src);
    expect(image.headers()['content-type']).toBe('image/png');
  }
  expect(manifest.screenshots.map((s) => s.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const screenshot of manifest.screenshots) {
    expect((await request.get(screenshot.src)).headers()['content-type']).toBe('image/png');
  }
  expect(Object.keys(manifest.file_handlers[0].accept).sort()).toEqual([
    'image/jpeg',
    'image/png',
    'image/webp',
  ]);
  expect(manifest.share_target).toMatchObject({
    action: '/share-target',
    method: 'POST',
    enctype: 'multipart/form-data',
  });
  expect(manifest.share_target.params.files[0].accept).toContain('image/png');
});

test('Chromium reports the app installable once the service worker controls it', async ({
  browserName,
}, testInfo) => {
  // Installability needs a profile on disk: Playwright's usual contexts count as incognito.
  const profile = mkdtempSync(join(tmpdir(), 'vectorizer-pwa-profile-'));
  const { baseURL, launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, baseURL });
  try {
    expect(browserName).toBe('chromium');
    const page = await context.newPage();
    await page.goto('/');
    await waitForServiceWorkerControl(page);
    const devtools = await context.newCDPSession(page);

    const { errors: manifestErrors } = (await devtools.send('Page.getAppManifest')) as {
      errors: { message: string }[];
    };
    expect(manifestErrors).toEqual([]);

    const { installabilityErrors } = (await devtools.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('the first visit says the app now works offline, and the note can be dismissed', async ({
  page,
}) => {
  await page.goto('/');
  const note = page.getByRole('status').filter({ hasText: 'Ready to work offline.' });
  await expect(note).toBeVisible({ timeout: INSTALL_TIMEOUT_MS });
  await note.getByRole('button', { name: 'OK' }).click();
  await expect(note).toBeHidden();
});
