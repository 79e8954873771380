/** Helpers for the palette specs: a flat test poster drawn in the page, the downloaded SVG. */
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { svgColours } from '../src/jobs/palette-edit';
import type { UploadFile } from './app-support';

/** 96×64: a white background, a red disc and a blue square (three flat colours). */
export async function posterFile(page: Page, name = 'poster.png'): Promise<UploadFile> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 96;
    canvas.height = 64;
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 96, 64);
    context.fillStyle = '#ff0000';
    context.beginPath();
    context.arc(28, 32, 18, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#0000ff';
    context.fillRect(56, 14, 30, 36);
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return { name, mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') };
}

/** The selected result's SVG as "Download SVG" saves it. */
export async function downloadedSvg(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  return readFile((await download.path())!, 'utf8');
}

/** The paint colours of the downloaded SVG, as `#rrggbb`. */
export async function downloadedColours(page: Page): Promise<string[]> {
  return svgColours(await downloadedSvg(page));
}

export function paletteList(page: Page) {
  return page.getByTestId('palette');
}

export async function expectColours(page: Page, count: number) {
  await expect(paletteList(page)).toHaveAttribute('aria-label', `Palette, ${count} colours`, {
    timeout: 60_000,
  });
}

export function swatch(page: Page, colour: string) {
  return paletteList(page).getByRole('button', { name: new RegExp(`^${colour}`) });
}
