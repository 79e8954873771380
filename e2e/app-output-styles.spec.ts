import { mkdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { filledShapes, overlapShare } from '../bench/lib/overlap';
import { corpusFile, expectStatus, openFreshApp, pick, type UploadFile } from './app-support';

/**
 * The output styles for people who cut, plot and engrave, chosen in the app's options as a
 * person does (labels from the schema), converted and downloaded: each download has the
 * geometry its style promises.
 */

const OUT = '.tmp/app/downloads-styles';
const APPLE = 'twemoji-red-apple.png';

test.beforeEach(async ({ page }) => openFreshApp(page));

async function advanced(page: Page) {
  await page.getByRole('button', { name: 'Advanced options' }).click();
}

/** Converts one file with the options already chosen and returns the downloaded SVG. */
async function convertAndDownload(page: Page, file: UploadFile): Promise<string> {
  await pick(page, [file]);
  await expectStatus(page, file.name, 'complete');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${test.info().title.replace(/\W+/g, '-')}.svg`;
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

/** The attribute values of every `<path>` (its own, or inherited from an enclosing `<g>`). */
function pathAttribute(svg: string, name: string): (string | undefined)[] {
  const values: (string | undefined)[] = [];
  const inherited: (string | undefined)[] = [];
  const tags = /<(\/?)(g|path)\b([^>]*?)(\/?)>/g;
  const read = (attributes: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
  for (let match = tags.exec(svg); match; match = tags.exec(svg)) {
    const [, closing, tag, attributes, selfClosing] = match;
    const around = inherited.findLast((value) => value !== undefined);
    if (tag === 'g') {
      if (closing) inherited.pop();
      else if (!selfClosing) inherited.push(read(attributes));
    } else values.push(read(attributes) ?? around);
  }
  return values;
}

/** Black strokes on white: a circle, a zigzag and a curve, 4–8 px wide. */
async function lineDrawing(): Promise<UploadFile> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256">
    <rect width="256" height="256" fill="#fff"/>
    <g fill="none" stroke="#000" stroke-linecap="round" stroke-linejoin="round">
      <circle cx="80" cy="80" r="48" stroke-width="6"/>
      <path d="M150 40 L180 110 L210 40 L240 110" stroke-width="4"/>
      <path d="M30 200 C80 150 160 250 230 190" stroke-width="8"/>
    </g></svg>`;
  const buffer = await sharp(Buffer.from(svg)).png().toBuffer();
  return { name: 'line-drawing.png', mimeType: 'image/png', buffer };
}

test('stacked fill (the default) paints overlapping filled shapes', async ({ page }) => {
  const svg = await convertAndDownload(page, corpusFile(`logo/${APPLE}`));
  expect(filledShapes(svg).length).toBeGreaterThan(1);
  // Stacked shapes lie on the background shape: they overlap by design.
  expect(overlapShare(svg, 512, 512)).toBeGreaterThan(10);
});

test('cutouts without the gap filler: shapes that never overlap and no strokes', async ({
  page,
}) => {
  await advanced(page);
  await page.getByLabel('Stacking', { exact: true }).selectOption('cutouts');
  await page.getByLabel('Gap filler', { exact: true }).setChecked(false);
  const svg = await convertAndDownload(page, corpusFile(`logo/${APPLE}`));
  expect(filledShapes(svg).length).toBeGreaterThan(1);
  expect(svg).not.toContain('stroke');
  expect(overlapShare(svg, 512, 512)).toBeLessThanOrEqual(0.1);
});

test('cutouts with the gap filler: strokes under the shared boundaries', async ({ page }) => {
  await advanced(page);
  await page.getByLabel('Stacking', { exact: true }).selectOption('cutouts');
  await page.getByLabel('Gap filler', { exact: true }).setChecked(true);
  const svg = await convertAndDownload(page, corpusFile(`logo/${APPLE}`));
  expect(pathAttribute(svg, 'stroke').some((stroke) => stroke && stroke !== 'none')).toBe(true);
  expect(overlapShare(svg, 512, 512)).toBeLessThanOrEqual(0.1);
});

for (const [style, label] of [
  ['strokeShapes', 'shape outlines'],
  ['strokeEdges', 'each boundary once'],
] as const) {
  test(`draw style ${style}: ${label} as strokes of the chosen width, no fills`, async ({
    page,
  }) => {
    await advanced(page);
    await page.getByLabel('Draw style', { exact: true }).selectOption(style);
    await page.getByLabel('Stroke width: automatic').uncheck();
    await page.getByLabel('Stroke width', { exact: true }).fill('3');
    const svg = await convertAndDownload(page, corpusFile(`logo/${APPLE}`));
    const fills = pathAttribute(svg, 'fill');
    expect(fills.length).toBeGreaterThan(1);
    expect(fills.every((fill) => fill === 'none')).toBe(true);
    expect(pathAttribute(svg, 'stroke-width').every((width) => width === '3')).toBe(true);
    expect(pathAttribute(svg, 'stroke').every((stroke) => /^#[0-9a-f]{3,6}$/.test(stroke!))).toBe(
      true,
    );
  });
}

test('group by colour: one group per colour, named after it', async ({ page }) => {
  await advanced(page);
  await page.getByLabel('Group by', { exact: true }).selectOption('color');
  const svg = await convertAndDownload(page, corpusFile(`logo/${APPLE}`));
  const ids = [...svg.matchAll(/<g id="c-([0-9a-f]{6})"/g)].map((match) => match[1]);
  expect(ids.length).toBeGreaterThan(1);
  expect(new Set(ids).size).toBe(ids.length);
  // Every path inside a group is painted in the group's colour.
  for (const group of svg.matchAll(/<g id="c-([0-9a-f]{6})">(.*?)<\/g>/g)) {
    const [, id, body] = group;
    for (const paint of body.matchAll(/\b(?:fill|stroke)="(#[0-9a-f]+)"/g)) {
      const hex = paint[1].length === 4 ? paint[1].replace(/[0-9a-f]/g, (c) => c + c) : paint[1];
      expect(hex).toBe(`#${id}`);
    }
  }
});

test('centerline mode: line art comes back as open round-capped strokes', async ({ page }) => {
  await page.getByLabel('Mode', { exact: true }).selectOption('centerline');
  const svg = await convertAndDownload(page, await lineDrawing());
  const fills = pathAttribute(svg, 'fill');
  expect(fills.length).toBeGreaterThanOrEqual(3);
  expect(fills.length).toBeLessThanOrEqual(6);
  expect(fills.every((fill) => fill === 'none')).toBe(true);
  expect(pathAttribute(svg, 'stroke-linecap').every((cap) => cap === 'round')).toBe(true);
  const widths = pathAttribute(svg, 'stroke-width').map(Number);
  expect(Math.min(...widths)).toBeGreaterThan(2);
  expect(Math.max(...widths)).toBeLessThan(10);
});

test('centerline mode on an image of too many strokes keeps the longest and says so', async ({
  page,
}) => {
  // 160 × 160 short dashes: more strokes than centerline mode writes.
  const side = 1280;
  const pixels = Buffer.alloc(side * side * 3, 255);
  for (let y = 0; y < side; y += 8)
    for (let x = 0; x < side; x += 8)
      for (let dy = 3; dy < 5; dy++) {
        const at = ((y + dy) * side + x + 2) * 3;
        pixels.fill(0, at, at + 12);
      }
  const buffer = await sharp(pixels, { raw: { width: side, height: side, channels: 3 } })
    .png()
    .toBuffer();
  await page.getByLabel('Mode', { exact: true }).selectOption('centerline');
  await pick(page, [{ name: 'dashes.png', mimeType: 'image/png', buffer }]);
  await expectStatus(page, 'dashes.png', 'complete');
  const note = page.getByRole('region', { name: 'Result' }).getByRole('note');
  await expect(note).toHaveText(
    /wrote the 20000 longest strokes and left out 5600 shorter ones.*Mode color traces such an image as shapes/,
  );
});
