import { test, expect } from '@playwright/test';
import { NGINX_URL } from '../playwright.nginx.config';
import { samplePng } from './pwa-support';

/**
 * The app runs under nginx's strict Content-Security-Policy without a single violation:
 * loading, registering the service worker, starting a conversion (worker + wasm).
 */

test.skip(({ baseURL }) => baseURL !== NGINX_URL, 'needs nginx: npm run test:e2e:nginx');

test('the app raises no CSP violation while it loads and converts', async ({ page }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const consoleViolations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });

  await page.goto('/');
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null);
  const picker = page.locator('input[type=file]').first();
  if ((await picker.count()) > 0) {
    await picker.setInputFiles({
      name: 'csp-square.png',
      mimeType: 'image/png',
      buffer: await samplePng(),
    });
    await expect(page.getByText(/complete/i).first()).toBeVisible({ timeout: 30_000 });
  }

  const pageViolations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect([...pageViolations, ...consoleViolations]).toEqual([]);
});
