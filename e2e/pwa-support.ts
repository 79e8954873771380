/** Helpers shared by the PWA specs: a test image and service worker readiness. */
import sharp from 'sharp';
import { expect, type Page } from '@playwright/test';

/** A small two-colour PNG (a square on a background), made fresh for each test. */
export async function samplePng(): Promise<Buffer> {
  const square = await sharp({
    create: { width: 24, height: 24, channels: 4, background: '#e11d48' },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width: 64, height: 64, channels: 4, background: '#f8fafc' } })
    .composite([{ input: square, left: 20, top: 20 }])
    .png()
    .toBuffer();
}

/** Resolves once a service worker controls the page (first visit: after install + claim). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
    timeout: 20_000,
  });
}

/** The job for `fileName` is listed and reaches `complete` (the app's job statuses). */
export async function expectConvertedJob(page: Page, fileName: string): Promise<void> {
  await expect(page.getByText(fileName).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/complete/i).first()).toBeVisible({ timeout: 30_000 });
}
