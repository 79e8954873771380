import { expect, test, type FileChooser } from '@playwright/test';
import { corpusFile, expectStatus, openFreshApp, pick } from './app-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

test('compare view: split slider, side by side, zoom to 3200 %, backgrounds, outline', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await pick(page, [corpusFile('illustration/fluentemoji-crab.png')]);
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  const compare = page.getByRole('region', { name: 'Compare input and SVG' });
  await expect(compare.getByAltText('SVG result of fluentemoji-crab.png')).toBeVisible();
  await compare.getByLabel(/Split position/).fill('30');
  await page.screenshot({ path: '.tmp/app/compare-split.png' });

  const zoom = compare.getByLabel('Zoom level');
  const viewport = page.getByTestId('compare-viewport');
  const box = (await viewport.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, -400);
  await expect(zoom).toHaveText('3200 %');
  await page.screenshot({ path: '.tmp/app/compare-3200.png' });
  await compare.getByRole('button', { name: 'Fit' }).click();
  await expect(zoom).toHaveText('100 %');
  await compare.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).toHaveText('150 %');
  await compare.getByRole('button', { name: 'Fit' }).click();

  await compare.getByText('side-by-side').click();
  await compare.getByText('dark').click();
  await expect(compare.getByAltText('Input: fluentemoji-crab.png')).toBeVisible();
  await page.screenshot({ path: '.tmp/app/compare-side-by-side-dark.png' });

  // The outline view is another SVG (a new Blob URL, which the page's CSP lets only images read).
  const result = compare.getByAltText('SVG result of fluentemoji-crab.png');
  const filledUrl = await result.getAttribute('src');
  await compare.getByText('outline').click();
  await expect(result).not.toHaveAttribute('src', filledUrl!);
  await expect
    .poll(() => result.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true);
  await page.screenshot({ path: '.tmp/app/compare-outline.png' });
});

test('the layout fits a phone-width screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: '.tmp/app/phone.png', fullPage: true });
});

test('keyboard: Ctrl+O opens the picker, the comparison zooms with keys, focus is visible', async ({
  page,
}) => {
  // Retried: the shortcut listener attaches just after the first paint.
  let chooser: FileChooser | undefined;
  await expect(async () => {
    [chooser] = await Promise.all([
      page.waitForEvent('filechooser', { timeout: 2_000 }),
      page.keyboard.press('Control+o'),
    ]);
  }).toPass({ timeout: 15_000 });
  await chooser!.setFiles([corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  const viewport = page.getByTestId('compare-viewport');
  await viewport.focus();
  const outline = await viewport.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).toBe('solid');
  const zoom = page.getByLabel('Zoom level');
  await page.keyboard.press('+');
  await expect(zoom).toHaveText('150 %');
  await page.keyboard.press('0');
  await expect(zoom).toHaveText('100 %');
});

test('dark theme follows the system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 1400, height: 1000 });
  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).not.toBe('rgb(248, 250, 252)');
  await page.screenshot({ path: '.tmp/app/dark.png' });
});
