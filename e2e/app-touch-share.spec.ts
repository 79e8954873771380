import { expect, test } from '@playwright/test';
import { corpusFile, expectStatus, openFreshApp, pick } from './app-support';

/** Phone gestures and the system share sheet. */

test.use({ hasTouch: true });

test('a two-finger pinch zooms the comparison', async ({ page }) => {
  await openFreshApp(page);
  await pick(page, [corpusFile('illustration/fluentemoji-crab.png')]);
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  const zoom = page.getByLabel('Zoom level');
  await expect(zoom).toHaveText('100 %');
  const box = (await page.getByTestId('compare-viewport').boundingBox())!;
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  // Real touch input through the DevTools protocol: two fingers moving apart.
  const cdp = await page.context().newCDPSession(page);
  const fingers = (spread: number) => [
    { x: cx - spread, y: cy, id: 1 },
    { x: cx + spread, y: cy, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (let spread = 30; spread <= 120; spread += 10)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect
    .poll(async () => Number.parseInt((await zoom.textContent()) ?? '0', 10))
    .toBeGreaterThanOrEqual(400);
});

test('Share hands the SVG file to the system share sheet where there is one', async ({ page }) => {
  // Headless Chromium has no share sheet: stand in for the OS, recording what it is given.
  await page.addInitScript(() => {
    const shared: { name: string; type: string; text: string; title?: string }[] = [];
    Object.assign(window, { sharedFiles: shared });
    Object.assign(navigator, {
      canShare: (data: ShareData) => (data.files ?? []).every((f) => f.type === 'image/svg+xml'),
      share: async (data: ShareData) => {
        for (const file of data.files ?? [])
          shared.push({
            name: file.name,
            type: file.type,
            text: await file.text(),
            title: data.title,
          });
      },
    });
  });
  await openFreshApp(page);
  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  await page.getByRole('button', { name: 'Share' }).click();
  const shared = await page.waitForFunction(
    () => (window as unknown as { sharedFiles: unknown[] }).sharedFiles[0],
  );
  const file = (await shared.jsonValue()) as { name: string; type: string; text: string };
  expect(file.name).toBe('twemoji-rocket.svg');
  expect(file.type).toBe('image/svg+xml');
  expect(file.text).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
});

test('without a share sheet there is no Share button', async ({ page }) => {
  await openFreshApp(page);
  expect(await page.evaluate(() => typeof navigator.canShare)).toBe('undefined');
  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  await expect(page.getByRole('button', { name: 'Download SVG' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Share' })).toHaveCount(0);
});
