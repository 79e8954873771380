import { expect, test, type Page } from '@playwright/test';
import { svgColours } from '../src/jobs/palette-edit';
import { corpusFile, expectStatus, jobRow, openFreshApp, pick } from './app-support';
import { downloadedSvg } from './palette-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

/** Mode and preset 'auto' in the options panel: the next files are classified. */
async function chooseAuto(page: Page) {
  const options = page.getByRole('region', { name: 'Options' });
  await options.getByLabel('Mode', { exact: true }).selectOption('auto');
  await options.getByLabel('Preset', { exact: true }).selectOption('auto');
}

/** The selected result's "Paths" figure in the stats. */
function pathCount(page: Page) {
  return page
    .getByRole('region', { name: 'Result' })
    .locator('div', { has: page.getByText('Paths', { exact: true }) })
    .locator('dd');
}

test('auto detects a pixel-art sprite and a page of text, and picks pixel and bw', async ({
  page,
}) => {
  await chooseAuto(page);
  await pick(page, [
    corpusFile('pixelart/tango32-terminal.png'),
    corpusFile('lineart/text-gpl3-sans.png'),
  ]);
  await expectStatus(page, 'tango32-terminal.png', 'complete');
  await expectStatus(page, 'text-gpl3-sans.png', 'complete');
  await expect(jobRow(page, 'tango32-terminal.png').getByTestId('auto-choice')).toContainText(
    'Auto — detected: pixel art→ pixel mode, balanced preset',
  );
  await expect(jobRow(page, 'text-gpl3-sans.png').getByTestId('auto-choice')).toContainText(
    'Auto — detected: line art→ bw mode, balanced preset',
  );
  // What the modes make: the sprite as pixel-edged shapes (no curves), the page in two colours.
  await jobRow(page, 'tango32-terminal.png').getByRole('button').first().click();
  const sprite = await downloadedSvg(page);
  const pathData = [...sprite.matchAll(/ d="([^"]*)"/g)].map((match) => match[1]).join(' ');
  expect(pathData.length).toBeGreaterThan(0);
  expect(pathData).toMatch(/^[MmHhVvZz\d\s-]+$/);
  await jobRow(page, 'text-gpl3-sans.png').getByRole('button').first().click();
  expect(svgColours(await downloadedSvg(page)).sort()).toEqual(['#000000', '#ffffff']);
  // The menu offers the other kinds with their modes: pixel art's is offered for the page only.
  const menu = (name: string) => jobRow(page, name).getByRole('group', { name: /^Convert .* as$/ });
  for (const name of ['text-gpl3-sans.png', 'tango32-terminal.png'])
    await jobRow(page, name).getByText('Convert as…').click();
  await expect(menu('text-gpl3-sans.png').getByRole('button')).toHaveText([
    'pixel art (pixel)',
    'flat logo (color)',
    'illustration (color)',
    'photo (color)',
  ]);
  await expect(menu('tango32-terminal.png').getByRole('button')).toHaveText([
    'line art (bw)',
    'flat logo (color)',
    'illustration (color)',
    'photo (color)',
  ]);
});

test('a new user starts on auto: the first image is classified without choosing anything', async ({
  page,
}) => {
  const options = page.getByRole('region', { name: 'Options' });
  await expect(options.getByLabel('Mode', { exact: true })).toHaveValue('auto');
  await expect(options.getByLabel('Preset', { exact: true })).toHaveValue('auto');
  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  await expect(jobRow(page, 'twemoji-rocket.png').getByTestId('auto-choice')).toContainText(
    'Auto — detected: flat logo',
  );
  await page.screenshot({ path: '.tmp/app/auto-default.png' });
  // Reset goes back to auto after a choice by hand.
  await options.getByLabel('Mode', { exact: true }).selectOption('bw');
  await options.getByRole('button', { name: 'Reset' }).click();
  await expect(options.getByLabel('Mode', { exact: true })).toHaveValue('auto');
});

test('the override re-runs the job with the chosen kind’s mode', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await chooseAuto(page);
  await pick(page, [corpusFile('pixelart/tango32-terminal.png')]);
  await expectStatus(page, 'tango32-terminal.png', 'complete');
  const row = jobRow(page, 'tango32-terminal.png');
  await expect(row.getByTestId('auto-choice')).toContainText('Auto — detected: pixel art');
  await expect(pathCount(page)).toHaveText(/^\d+$/);
  const pixelPaths = Number(await pathCount(page).textContent());
  // Every status the row takes from here on, to see the re-run go through the queue.
  // (Each mutation record keeps the value it replaced; the current one ends the list.)
  await row.evaluate((li) => {
    const seen: string[] = [];
    const statuses = () => [...seen, li.getAttribute('data-job-status')!];
    (window as unknown as { statuses: () => string[] }).statuses = statuses;
    new MutationObserver((records) => {
      for (const record of records) seen.push(record.oldValue!);
    }).observe(li, { attributeFilter: ['data-job-status'], attributeOldValue: true });
  });

  // Keyboard: open the menu and choose "flat logo".
  await row.getByText('Convert as…').focus();
  await page.keyboard.press('Enter');
  await row.getByRole('button', { name: 'flat logo (color)' }).focus();
  await page.screenshot({ path: '.tmp/app/auto-override.png' });
  await page.keyboard.press('Enter');

  const statuses = () =>
    page.evaluate(() => (window as unknown as { statuses: () => string[] }).statuses());
  // (React may commit 'queued' and 'processing' together when a worker is idle.)
  await expect.poll(async () => (await statuses()).slice(-2)).toEqual(['processing', 'complete']);
  await expectStatus(page, 'tango32-terminal.png', 'complete');
  // Mode and preset are now set by hand (the options panel shows the selected job's).
  const options = page.getByRole('region', { name: 'Options' });
  await expect(options.getByLabel('Mode', { exact: true })).toHaveValue('color');
  await expect(options.getByLabel('Preset', { exact: true })).toHaveValue('balanced');
  await expect(row.getByTestId('auto-choice')).toHaveCount(0);
  // Colour mode traces the sprite's pixels as far fewer, curved shapes.
  await expect(pathCount(page)).not.toHaveText(String(pixelPaths));
  expect(Number(await pathCount(page).textContent())).toBeLessThan(pixelPaths);

  // The row says what the job was converted as; the override survives a reload.
  const override = row.getByTestId('auto-override');
  await expect(override).toContainText('Converted as flat logo (color) — auto detected pixel art');
  await page.reload();
  await expect(override).toContainText('Converted as flat logo (color) — auto detected pixel art');
  await row.getByRole('button', { name: /^Show tango32-terminal\.png/ }).click();
  await expect(options.getByLabel('Mode', { exact: true })).toHaveValue('color');
  // Back to auto: auto chooses again, pixel mode and the pixel paths return.
  await override.getByRole('button', { name: 'Back to auto for tango32-terminal.png' }).click();
  await expectStatus(page, 'tango32-terminal.png', 'complete');
  await expect(row.getByTestId('auto-choice')).toContainText('Auto — detected: pixel art');
  await expect(override).toHaveCount(0);
  await expect(options.getByLabel('Mode', { exact: true })).toHaveValue('auto');
  await expect(pathCount(page)).toHaveText(String(pixelPaths));
});

// The scanned page of the corpus (skimage's page.png: grey text on unevenly lit paper): bw mode
// evens out the paper first, so the shadowed side comes out white, not black.
test('auto picks bw for a scanned page', async ({ page }) => {
  await chooseAuto(page);
  await pick(page, [corpusFile('lineart/skimage-page.png')]);
  await expectStatus(page, 'skimage-page.png', 'complete');
  const note = jobRow(page, 'skimage-page.png').getByTestId('auto-choice');
  await expect(note).toContainText('Auto — detected: line art');
  await expect(note).toContainText('bw mode');
  await jobRow(page, 'skimage-page.png').getByRole('button').first().click();
  expect(svgColours(await downloadedSvg(page)).sort()).toEqual(['#000000', '#ffffff']);
});
