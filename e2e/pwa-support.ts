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

/**
 * How long a first install may take: it precaches the whole app (both wasm builds included),
 * which on a 2-core machine busy with other work takes seconds, not milliseconds.
 */
export const INSTALL_TIMEOUT_MS = 60_000;

/** The registration as the page sees it, for failure messages. */
async function registrationState(page: Page): Promise<string> {
  return page
    .evaluate(async () => {
      const registration = await navigator.serviceWorker?.getRegistration();
      return JSON.stringify({
        controlled: navigator.serviceWorker?.controller != null,
        installing: registration?.installing?.state ?? null,
        waiting: registration?.waiting?.state ?? null,
        active: registration?.active?.state ?? null,
      });
    })
    .catch((error: unknown) => `unreadable (${String(error)})`);
}

/**
 * Resolves once a service worker controls the page (first visit: after install + claim). On
 * time-out it fails saying what the registration was doing (installing, waiting, active state).
 */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
      timeout: INSTALL_TIMEOUT_MS,
    });
  } catch (error) {
    const state = await registrationState(page);
    throw new Error(`No service worker controls the page; registration: ${state}`, {
      cause: error,
    });
  }
}

/**
 * Runs `action` and resolves once the page has loaded again; on time-out it fails saying what
 * the registration was doing (a waiting worker that never took over, a page that never reloaded).
 */
export async function expectReloadAfter(page: Page, action: () => Promise<void>): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: INSTALL_TIMEOUT_MS });
  await action();
  try {
    await reloaded;
  } catch (error) {
    const state = await registrationState(page);
    throw new Error(`The page did not reload; registration: ${state}`, { cause: error });
  }
}

/** Resolves once the page's registration has a worker waiting to take over (after a deploy). */
export async function waitForWaitingWorker(page: Page): Promise<boolean> {
  return page.evaluate(async (timeout) => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return false;
    if (registration.waiting) return true;
    await registration.update();
    return new Promise<boolean>((resolve) => {
      const done = () => resolve(registration.waiting !== null);
      const timer = setTimeout(done, timeout);
      const check = () => {
        if (!registration.waiting) return;
        clearTimeout(timer);
        done();
      };
      const watch = (worker: ServiceWorker | null) =>
        worker?.addEventListener('statechange', check);
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      check();
    });
  }, INSTALL_TIMEOUT_MS);
}

/** The job for `fileName` is listed and reaches `complete` (the app's job statuses). */
export async function expectConvertedJob(page: Page, fileName: string): Promise<void> {
  await expect(page.getByText(fileName).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/complete/i).first()).toBeVisible({ timeout: 60_000 });
}
