import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectStatus, jobRow, openFreshApp, pick } from './app-support';
import { svgColours } from '../src/jobs/palette-edit';
import {
  downloadedColours,
  downloadedSvg,
  expectColours,
  posterFile,
  swatch,
} from './palette-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

test('recolour rewrites the fill at once; undo, redo and a reload keep the edit', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await pick(page, [await posterFile(page)]);
  await expectStatus(page, 'poster.png', 'complete');
  await expectColours(page, 3);
  expect(await downloadedColours(page)).toEqual(['#ffffff', '#0000ff', '#ff0000']);
  // Shares from the worker's own render: the 30×36 square is 18 % of 96×64.
  await expect(swatch(page, '#0000ff')).toHaveAccessibleName('#0000ff, 18 %');
  await page.getByRole('region', { name: 'Palette' }).screenshot({ path: '.tmp/app/palette.png' });

  await swatch(page, '#ff0000').click();
  await page.getByLabel('New colour as hex').fill('#00aa00');
  await page.getByRole('button', { name: 'Recolour' }).click();
  await expect(swatch(page, '#00aa00')).toBeVisible();
  await expectStatus(page, 'poster.png', 'complete');
  expect(await downloadedColours(page)).toEqual(['#ffffff', '#0000ff', '#00aa00']);
  await page.screenshot({ path: '.tmp/app/palette-recoloured.png' });

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(swatch(page, '#ff0000')).toBeVisible();
  expect(await downloadedColours(page)).toEqual(['#ffffff', '#0000ff', '#ff0000']);
  await page.keyboard.press('Control+Shift+z');
  await expect(swatch(page, '#00aa00')).toBeVisible();

  await page.reload();
  await jobRow(page, 'poster.png').getByRole('button').first().click();
  await expect(swatch(page, '#00aa00')).toBeVisible();
  expect(await downloadedColours(page)).toContain('#00aa00');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(swatch(page, '#ff0000')).toBeVisible();
});

test('the recoloured result goes into "Download as" and into the ZIP of all results', async ({
  page,
}) => {
  await pick(page, [await posterFile(page)]);
  await expectStatus(page, 'poster.png', 'complete');
  await swatch(page, '#ff0000').click();
  await page.getByLabel('New colour as hex').fill('#00aa00');
  await page.getByRole('button', { name: 'Recolour' }).click();
  await expect(swatch(page, '#00aa00')).toBeVisible();

  const panel = page.getByRole('region', { name: 'Download as' });
  await panel.getByLabel('Format').selectOption('eps');
  const greenFill = '0 0.6667 0 rg';
  const [single] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download as EPS' }).click(),
  ]);
  expect(await readFile((await single.path())!, 'latin1')).toContain(greenFill);

  const [zip] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download all as EPS (ZIP)' }).click(),
  ]);
  const zipPath = (await zip.path())!;
  expect(execFileSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' }).trim()).toBe('poster.eps');
  const entry = execFileSync('unzip', ['-p', zipPath, 'poster.eps'], { encoding: 'latin1' });
  expect(entry).toContain(greenFill);
  expect(entry).not.toContain('1 0 0 rg');
});

test('merge traces again with fewer colours; remove leaves no white shape behind the subject', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await pick(page, [await posterFile(page)]);
  await expectStatus(page, 'poster.png', 'complete');
  await expectColours(page, 3);

  await swatch(page, '#ff0000').click();
  await swatch(page, '#0000ff').click();
  await page.getByRole('button', { name: 'Merge' }).click();
  await expectColours(page, 2);
  await expectStatus(page, 'poster.png', 'complete');
  expect(await downloadedColours(page)).toEqual(['#ffffff', '#ff0000']);

  await swatch(page, '#ffffff').click();
  await page.getByRole('button', { name: 'Remove colour' }).click();
  await expectColours(page, 1);
  await expectStatus(page, 'poster.png', 'complete');
  const removed = await downloadedSvg(page);
  expect(svgColours(removed)).toEqual(['#ff0000']);
  expect(removed).not.toMatch(/fill="#fff(fff)?"/);
  await page.screenshot({ path: '.tmp/app/palette-removed.png' });

  await page.keyboard.press('Control+z');
  await expectColours(page, 2);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectColours(page, 3);
  await expectStatus(page, 'poster.png', 'complete');
  expect(await downloadedColours(page)).toEqual(['#ffffff', '#0000ff', '#ff0000']);
});
