import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { corpusFile, expectStatus, openFreshApp, pick, type UploadFile } from './app-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

/** A flat logo of two colours drawn in the page: a navy disc and bar on white. */
async function twoColourLogo(page: Page, width: number, height: number, name: string) {
  const base64 = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, w, h);
      context.fillStyle = '#1e3a8a';
      context.beginPath();
      context.arc(h / 2, h / 2, h * 0.35, 0, Math.PI * 2);
      context.fill();
      context.fillRect(h, h * 0.3, w - h * 1.2, h * 0.4);
      return canvas.toDataURL('image/png').split(',')[1];
    },
    [width, height],
  );
  return { name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') } as UploadFile;
}

/** The number a stats row shows once the worker has measured it. */
async function statValue(page: Page, label: string): Promise<number> {
  const row = page
    .getByRole('region', { name: 'Result' })
    .locator('div', { has: page.getByText(label, { exact: true }) })
    .locator('dd');
  await expect(row).toHaveText(/^\d+(\.\d+)?$/, { timeout: 60_000 });
  return Number(await row.textContent());
}

/** The heatmap image's pixels as the page decoded them: size, distinct colours, lit share. */
async function heatmapPixels(page: Page) {
  const heatmap = page.getByTestId('heatmap');
  await expect(heatmap).toBeVisible({ timeout: 60_000 });
  return heatmap.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(img, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    let lit = 0;
    for (let i = 0; i < data.length; i += 4) {
      colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      // Brighter than the scale's dark end (#000004): some colour error.
      if (data[i] + data[i + 1] + data[i + 2] > 12) lit++;
    }
    return {
      width: img.naturalWidth,
      height: img.naturalHeight,
      colours: colours.size,
      litShare: lit / (data.length / 4),
    };
  });
}

test('the stats show mean ΔE00 and SSIM: close to perfect for a flat two-colour logo', async ({
  page,
}) => {
  await pick(page, [await twoColourLogo(page, 240, 120, 'two-colour.png')]);
  await expectStatus(page, 'two-colour.png', 'complete');
  const meanDeltaE = await statValue(page, 'Mean ΔE00');
  const ssim = await statValue(page, 'SSIM');
  console.log(`two-colour logo: mean ΔE00 ${meanDeltaE}, SSIM ${ssim}`);
  expect(meanDeltaE).toBeGreaterThanOrEqual(0);
  expect(meanDeltaE).toBeLessThan(2);
  expect(ssim).toBeGreaterThan(0.95);
  expect(ssim).toBeLessThanOrEqual(1);
  // Measured at the image's own size: no "Fidelity at" row.
  await expect(page.getByText('Fidelity at')).toHaveCount(0);
});

test('the heatmap overlay shows the colour error, its legend reads, the keyboard toggles it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  await pick(page, [corpusFile('illustration/fluentemoji-crab.png')]);
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  const compare = page.getByRole('region', { name: 'Compare input and SVG' });
  const toggle = compare.getByRole('checkbox', { name: 'error heatmap' });
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();

  const pixels = await heatmapPixels(page);
  console.log(`crab heatmap: ${JSON.stringify(pixels)}`);
  expect(pixels).toMatchObject({ width: 512, height: 512 });
  expect(pixels.colours).toBeGreaterThan(10);
  expect(pixels.litShare).toBeGreaterThan(0.01);
  expect(pixels.litShare).toBeLessThan(1);

  const legend = page.getByTestId('heatmap-legend');
  await expect(legend.getByText('Colour error (ΔE00)')).toBeVisible();
  await expect(legend.getByRole('list', { name: 'Scale' }).getByRole('listitem')).toHaveText([
    '0',
    '1',
    '2',
    '5',
    '≥10',
  ]);
  await compare.screenshot({ path: '.tmp/app/heatmap.png' });

  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect(page.getByTestId('heatmap')).toHaveCount(0);
  await expect(legend).toHaveCount(0);
});

test('a large image is measured at 2048 px on its long side, and says so', async ({ page }) => {
  await pick(page, [await twoColourLogo(page, 3000, 300, 'wide.png')]);
  await expectStatus(page, 'wide.png', 'complete');
  await page.getByRole('checkbox', { name: 'error heatmap' }).check();
  const pixels = await heatmapPixels(page);
  expect(pixels).toMatchObject({ width: 2048, height: 205 });
  await expect(page.getByTestId('heatmap-legend')).toContainText('measured at 2048 × 205 px');
  const row = page.getByRole('region', { name: 'Result' }).locator('div', {
    has: page.getByText('Fidelity at', { exact: true }),
  });
  await expect(row.locator('dd')).toHaveText('2048 × 205 px');
  expect(await statValue(page, 'Mean ΔE00')).toBeLessThan(2);
});

/** A sky-like linear gradient and a shaded disc (radial gradient with a focus) on white. */
async function shadedScene(): Promise<UploadFile> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200">
    <defs>
      <linearGradient id="sky" x1="0" y1="0" x2="0" y2="200" gradientUnits="userSpaceOnUse">
        <stop offset="0" stop-color="#1d4ed8"/><stop offset="1" stop-color="#bae6fd"/>
      </linearGradient>
      <radialGradient id="ball" cx="230" cy="100" r="60" fx="210" fy="80" gradientUnits="userSpaceOnUse">
        <stop offset="0" stop-color="#fde68a"/><stop offset="1" stop-color="#b45309"/>
      </radialGradient>
    </defs>
    <rect width="320" height="200" fill="url(#sky)"/>
    <circle cx="230" cy="100" r="60" fill="url(#ball)"/></svg>`;
  const buffer = await sharp(Buffer.from(svg)).png().toBuffer();
  return { name: 'shaded.png', mimeType: 'image/png', buffer };
}

test('gradient fills are measured as drawn: the worker renders them, not their mean colour', async ({
  page,
}) => {
  await page.getByRole('button', { name: 'Advanced options' }).click();
  await page.getByLabel('Mode', { exact: true }).selectOption('color');
  await page.getByLabel('Preset', { exact: true }).selectOption('balanced');
  await page.getByLabel('Gradients', { exact: true }).selectOption('auto');
  const file = await shadedScene();
  await pick(page, [file]);
  await expectStatus(page, file.name, 'complete');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  const svg = await download
    .createReadStream()
    .then((stream) => stream.toArray())
    .then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(svg).toMatch(/<linearGradient/);
  expect(svg).toMatch(/<radialGradient/);
  const meanDeltaE = await statValue(page, 'Mean ΔE00');
  const ssim = await statValue(page, 'SSIM');
  console.log(`shaded scene with gradients: mean ΔE00 ${meanDeltaE}, SSIM ${ssim}`);
  // Painted with each gradient's mean colour the sky alone is off by ΔE00 ≈ 10 at its ends.
  expect(meanDeltaE).toBeLessThan(1.5);
  expect(ssim).toBeGreaterThan(0.95);
});
