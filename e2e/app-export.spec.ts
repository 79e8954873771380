import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { corpusFile, expectStatus, openFreshApp, pick } from './app-support';

const OUT = '.tmp/app/downloads';

test.beforeEach(async ({ page }) => openFreshApp(page));

/** Whether the browser's XML parser accepts the text as an SVG document. */
async function parsesAsSvg(page: Page, text: string): Promise<boolean> {
  return page.evaluate((svg) => {
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    return !doc.querySelector('parsererror') && doc.documentElement.localName === 'svg';
  }, text);
}

test('Download SVG saves valid SVG named after the input', async ({ page }) => {
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('twemoji-red-apple.svg');
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  expect(await parsesAsSvg(page, readFileSync(path, 'utf8'))).toBe(true);
});

test('Ctrl+S downloads the selected SVG', async ({ page }) => {
  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Control+s'),
  ]);
  expect(download.suggestedFilename()).toBe('twemoji-rocket.svg');
});

test('Download all saves a ZIP with one valid SVG per finished job', async ({ page }) => {
  await pick(page, [
    corpusFile('logo/twemoji-red-apple.png'),
    corpusFile('logo/twemoji-rocket.png'),
    corpusFile('logo/twemoji-rocket.png'),
  ]);
  await expect(page.locator('li[data-job-status="complete"]')).toHaveCount(3, { timeout: 30_000 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (ZIP)' }).click(),
  ]);
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/all.zip`;
  await download.saveAs(path);
  const listing = execFileSync('unzip', ['-Z1', path], { encoding: 'utf8' }).trim().split('\n');
  expect(listing.sort()).toEqual([
    'twemoji-red-apple.svg',
    'twemoji-rocket-2.svg',
    'twemoji-rocket.svg',
  ]);
  for (const name of listing) {
    const svg = execFileSync('unzip', ['-p', path, name], { encoding: 'utf8' });
    expect(await parsesAsSvg(page, svg), name).toBe(true);
  }
});

test('Copy SVG puts the markup on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  await page.getByRole('button', { name: 'Copy SVG' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'SVG copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(await parsesAsSvg(page, copied)).toBe(true);
});

test('when storage is full, the job says so and its SVG still downloads', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  await expect(page.getByText(/Browser storage is full/)).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('twemoji-red-apple.svg');
});
