import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { vectorizeFile } from '../src/node';
import { CORPUS, corpusFile, expectStatus, openFreshApp, pick } from './app-support';

/**
 * The same image and options give the same bytes in the browser (worker, SIMD wasm, decoded with
 * createImageBitmap) as in Node (sharp, the library), for PNGs and a baseline JPEG.
 */
for (const path of [
  'logo/twemoji-red-apple.png',
  'illustration/fluentemoji-crab.png',
  'photo/skimage-chelsea.png',
  'jpeg/crypto-ltc-q70.jpg',
]) {
  test(`the browser and Node write the same SVG for ${path}`, async ({ page }) => {
    const file = corpusFile(path);
    await openFreshApp(page);
    await pick(page, [file]);
    await expectStatus(page, file.name, 'complete');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const inBrowser = readFileSync(await download.path(), 'utf8');
    const inNode = await vectorizeFile(new URL(path, CORPUS).pathname, { preset: 'balanced' });
    expect(inBrowser.length).toBeGreaterThan(500);
    expect(inBrowser).toBe(inNode.svg);
  });
}
