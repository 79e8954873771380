import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import { corpusFile, expectStatus, jobRow, openFreshApp, pick } from './app-support';

const OUT = '.tmp/app/downloads-formats';
const APPLE = 'twemoji-red-apple.png';
const MM_TO_PT = 72 / 25.4;

/** The PNG's pixel size from its IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function panel(page: Page): Locator {
  return page.getByRole('region', { name: 'Download as' });
}

async function choose(
  page: Page,
  choice: { format: string; side?: string; length?: string; unit?: string; scale?: string },
) {
  const region = panel(page);
  await region.getByLabel('Format').selectOption({ label: choice.format });
  await region.getByLabel('Size').selectOption({ label: choice.side ?? 'Image size' });
  if (choice.length) await region.getByLabel(choice.side!, { exact: true }).fill(choice.length);
  if (choice.unit) await region.getByLabel('Unit').selectOption(choice.unit);
  if (choice.scale) await region.getByLabel('Scale').fill(choice.scale);
}

/** Clicks the panel's download button and returns the saved file's path and bytes. */
async function downloadAs(page: Page, format: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel(page)
      .getByRole('button', { name: `Download as ${format}` })
      .click(),
  ]);
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test.beforeEach(async ({ page }) => {
  await openFreshApp(page);
  await pick(page, [corpusFile(`logo/${APPLE}`)]);
  await expectStatus(page, APPLE, 'complete');
});

test('PDF at 85 mm wide: a PDF 1.4 whose MediaBox is 85 mm in points', async ({ page }) => {
  await choose(page, { format: 'PDF', side: 'Width', length: '85', unit: 'mm' });
  await expect(panel(page).getByTestId('following-side')).toContainText('Height');
  const { name, bytes } = await downloadAs(page, 'PDF');
  expect(name).toBe('twemoji-red-apple.pdf');
  expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(bytes.toString('latin1'));
  expect(box, 'a MediaBox').not.toBeNull();
  expect(Number(box![1])).toBeCloseTo(85 * MM_TO_PT, 0);
  expect(Math.abs(Number(box![1]) - 240.94)).toBeLessThanOrEqual(0.3);
  expect(Number(box![2])).toBeCloseTo(Number(box![1]), 1); // a square image
  if (existsSync('/usr/bin/pdfinfo')) {
    const info = execFileSync('pdfinfo', [`${OUT}/${name}`], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
    expect(size, info).not.toBeNull();
    expect(Math.abs(Number(size![1]) - 240.94)).toBeLessThanOrEqual(0.3);
    expect(info).toMatch(/PDF version:\s+1\.4/);
  }
});

test('the choice is remembered after a reload', async ({ page }) => {
  await choose(page, { format: 'PDF', side: 'Width', length: '85', unit: 'mm' });
  await page.reload();
  await page.getByRole('button', { name: `Show ${APPLE}` }).click();
  await expect(panel(page).getByLabel('Format')).toHaveValue('pdf');
  await expect(panel(page).getByLabel('Width', { exact: true })).toHaveValue('85');
  await expect(panel(page).getByLabel('Unit')).toHaveValue('mm');
});

test('DXF: millimetres ($INSUNITS 4), and the ZIP holds .dxf files', async ({ page }) => {
  await choose(page, { format: 'DXF', side: 'Width', length: '85', unit: 'mm' });
  const { name, bytes } = await downloadAs(page, 'DXF');
  expect(name).toBe('twemoji-red-apple.dxf');
  expect(bytes.toString('latin1')).toMatch(/\$INSUNITS\s*\r?\n\s*70\s*\r?\n\s*4\s*\r?\n/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download all (ZIP)' }).click(),
  ]);
  const zip = `${OUT}/all-dxf.zip`;
  await download.saveAs(zip);
  const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
  expect(listing).toEqual(['twemoji-red-apple.dxf']);
  const entry = execFileSync('unzip', ['-p', zip, listing[0]], { encoding: 'latin1' });
  expect(entry).toContain('$INSUNITS');
});

/** Mean difference per channel (0–255) of two same-sized RGBA images, both over white. */
function meanDifferenceOverWhite(a: Buffer, b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 4)
    for (let c = 0; c < 3; c++) {
      const over = (p: Buffer) => (p[i + c] * p[i + 3] + 255 * (255 - p[i + 3])) / 255;
      sum += Math.abs(over(a) - over(b));
    }
  return sum / ((a.length / 4) * 3);
}

test('PNG at 2× has twice the pixel width of the image and looks like it', async ({ page }) => {
  const inputBytes = corpusFile(`logo/${APPLE}`).buffer;
  const input = pngSize(inputBytes);
  await choose(page, { format: 'PNG', scale: '2' });
  const { name, bytes } = await downloadAs(page, 'PNG');
  expect(name).toBe('twemoji-red-apple.png');
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(pngSize(bytes)).toEqual({ width: input.width * 2, height: input.height * 2 });
  // Scaled back to the image's size, the PNG is the image within a few levels per channel.
  const rgba = (png: Buffer) =>
    sharp(png).resize(input.width, input.height).ensureAlpha().raw().toBuffer();
  const [painted, original] = await Promise.all([rgba(bytes), rgba(inputBytes)]);
  expect(meanDifferenceOverWhite(painted, original)).toBeLessThan(4);
});

test('a PNG over the pixel budget fails with TOO_LARGE on the job row', async ({ page }) => {
  await choose(page, { format: 'PNG', side: 'Width', length: '100', unit: 'in' });
  await panel(page).getByLabel('DPI').fill('5000');
  await panel(page).getByRole('button', { name: 'Download as PNG' }).click();
  const row = jobRow(page, APPLE);
  await expect(row.locator('[data-error-code="TOO_LARGE"]')).toBeVisible();
  await expect(row.getByRole('alert')).toContainText(/pixel budget.*· TOO_LARGE/);
});

test('EPS has a %%BoundingBox', async ({ page }) => {
  await choose(page, { format: 'EPS' });
  const { name, bytes } = await downloadAs(page, 'EPS');
  expect(name).toBe('twemoji-red-apple.eps');
  const text = bytes.toString('latin1');
  expect(text.startsWith('%!PS-Adobe-3.0 EPSF-3.0')).toBe(true);
  expect(text).toMatch(/%%BoundingBox: 0 0 \d+ \d+/);
});

test('the controls work from the keyboard', async ({ page }) => {
  const format = panel(page).getByLabel('Format');
  await format.focus();
  await page.keyboard.press('ArrowDown'); // SVG → PDF
  await expect(format).toHaveValue('pdf');
  await page.keyboard.press('Tab');
  await expect(panel(page).getByLabel('Size')).toBeFocused();
  const button = panel(page).getByRole('button', { name: 'Download as PDF' });
  await button.focus();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.keyboard.press('Enter'),
  ]);
  expect(download.suggestedFilename()).toBe('twemoji-red-apple.pdf');
});
