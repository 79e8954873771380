import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { NGINX_URL } from '../playwright.nginx.config';
import {
  INSTALL_TIMEOUT_MS,
  expectReloadAfter,
  waitForServiceWorkerControl,
  waitForWaitingWorker,
} from './pwa-support';
import { E2E_PORTS } from './ports';

/**
 * A deploy never produces a half-old, half-new app: the new service worker installs and
 * waits while the old one keeps serving the old files, and it takes over only when the page
 * asks (`applyUpdate()` posts SKIP_WAITING), after which the page reloads onto the new one.
 * Runs its own nginx on a copy of the build, so the test can "deploy" a changed worker.
 */

const PORT = E2E_PORTS.update;
const SITE = '.tmp/pwa/update-site';
const origin = `http://127.0.0.1:${PORT}`;

function nginx(command: 'start' | 'stop') {
  execFileSync('bash', ['scripts/nginx.sh', command, String(PORT)], {
    env: { ...process.env, NGINX_ROOT: SITE },
    stdio: 'pipe',
  });
}

test.skip(({ baseURL }) => baseURL === NGINX_URL, 'runs its own nginx; once per suite is enough');

test.beforeAll(() => {
  rmSync(SITE, { recursive: true, force: true });
  cpSync('dist', SITE, { recursive: true });
  rmSync(`${SITE}/sw.js.gz`, { force: true });
  nginx('start');
});

test.afterAll(() => nginx('stop'));

test('a new version waits for the page, then takes over with one reload', async ({ page }) => {
  await page.goto(origin);
  await waitForServiceWorkerControl(page);
  const firstScript = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

  // Deploy: the worker's bytes change (a new build changes its precache manifest).
  appendFileSync(`${SITE}/sw.js`, `\n// deploy ${Date.now()}\n`);
  await page.reload();
  const waiting = await waitForWaitingWorker(page);
  expect(waiting).toBe(true);

  // Still the old worker in control: nothing switched under the page.
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL)).toBe(
    firstScript,
  );

  // The user accepts the update prompt: the waiting worker activates and the page reloads.
  // (Through the prompt, as a user does: the app listens for the takeover once it has offered
  // the update; a message posted to the worker before that would race the page's start-up.)
  await expectReloadAfter(page, () => acceptUpdate(page));
  await expectNewVersionActive(page);
});

test('a tab left open reloads onto the new version when another tab accepts it', async ({
  context,
}) => {
  const accepting = await context.newPage();
  await accepting.goto(origin);
  await waitForServiceWorkerControl(accepting);
  const other = await context.newPage();
  await other.goto(origin);
  await waitForServiceWorkerControl(other);

  appendFileSync(`${SITE}/sw.js`, `\n// deploy ${Date.now()}\n`);
  await accepting.reload();
  expect(await waitForWaitingWorker(accepting)).toBe(true);

  // The other tab would otherwise keep running the old files under the new worker.
  const otherReloaded = other.waitForEvent('load', { timeout: INSTALL_TIMEOUT_MS });
  await expectReloadAfter(accepting, () => acceptUpdate(accepting));
  await otherReloaded;
  await expectNewVersionActive(other);
});

/** Clicks "Reload" on the update prompt, as a user does. */
async function acceptUpdate(page: Page): Promise<void> {
  const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
  await expect(prompt).toBeVisible({ timeout: INSTALL_TIMEOUT_MS });
  await prompt.getByRole('button', { name: 'Reload' }).click();
}

/** The new worker controls the page and nothing waits any more (after one or two reloads). */
async function expectNewVersionActive(page: Page): Promise<void> {
  await waitForServiceWorkerControl(page);
  await expect
    .poll(() => registration(page), { timeout: INSTALL_TIMEOUT_MS })
    .toEqual({ waiting: false, state: 'activated' });
}

async function registration(page: Page) {
  return page.evaluate(async () => {
    const current = await navigator.serviceWorker.getRegistration();
    return { waiting: current!.waiting !== null, state: current!.active!.state };
  });
}
