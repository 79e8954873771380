import { expect, test } from '@playwright/test';
import { decompressionBomb } from '../src/node/image-fixtures';
import { corpusFile, expectStatus, jobRow, openFreshApp, pick } from './app-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

test('a picked image converts and its SVG is shown', async ({ page }) => {
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  await expect(page.getByAltText('SVG result of twemoji-red-apple.png')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Compare input and SVG' })).toBeVisible();
});

test('an image dropped on the page converts, with a visible drop state', async ({ page }) => {
  const file = corpusFile('logo/twemoji-rocket.png');
  const dataTransfer = await page.evaluateHandle(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      return transfer;
    },
    { bytes: [...file.buffer], name: file.name },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toBeHidden();
  await expectStatus(page, file.name, 'complete');
});

test('a pasted image converts', async ({ page }) => {
  const file = corpusFile('logo/crypto-btc.png');
  await page.evaluate(
    ({ bytes, name }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
      document.body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true }),
      );
    },
    { bytes: [...file.buffer], name: file.name },
  );
  await expectStatus(page, file.name, 'complete');
});

test('a built-in sample converts', async ({ page }) => {
  await page.getByRole('button', { name: 'Apple logo' }).click();
  await expectStatus(page, 'red-apple.png', 'complete');
});

test('bad files fail on their own, with the codes the CLI prints, while good ones complete', async ({
  page,
}) => {
  const apple = corpusFile('logo/twemoji-red-apple.png');
  await pick(page, [
    corpusFile('logo/twemoji-red-apple.png'),
    { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('this is not a PNG at all') },
    { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    { name: 'readme.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
    { ...apple, name: 'truncated.png', buffer: apple.buffer.subarray(0, apple.buffer.length >> 1) },
    corpusFile('logo/twemoji-rocket.png'),
  ]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  await expectStatus(page, 'notes.png', 'failed');
  await expect(jobRow(page, 'notes.png').getByRole('alert')).toHaveText(/· NOT_AN_IMAGE$/);
  await expectStatus(page, 'empty.png', 'failed');
  await expect(jobRow(page, 'empty.png').getByRole('alert')).toHaveText(/is empty.* · EMPTY$/);
  await expectStatus(page, 'readme.txt', 'failed');
  await expect(jobRow(page, 'readme.txt').getByRole('alert')).toHaveText(/· NOT_AN_IMAGE$/);
  await expectStatus(page, 'truncated.png', 'failed');
  await expect(jobRow(page, 'truncated.png').getByRole('alert')).toHaveText(
    /corrupt or truncated.* · CORRUPT$/,
  );
});

test('an image over the pixel budget fails with TOO_LARGE', async ({ page }) => {
  await page.getByRole('button', { name: 'Advanced options' }).click();
  await page.getByLabel('Pixel budget', { exact: true }).fill('1000');
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'failed');
  await expect(jobRow(page, 'twemoji-red-apple.png')).toContainText('TOO_LARGE');
});

test('a decompression bomb is refused from its header, and the page carries on', async ({
  page,
}) => {
  const bomb = decompressionBomb(30_000);
  expect(bomb.length).toBeLessThan(1_000_000);
  await pick(page, [
    { name: 'bomb.png', mimeType: 'image/png', buffer: bomb },
    corpusFile('logo/twemoji-rocket.png'),
  ]);
  await expectStatus(page, 'bomb.png', 'failed');
  await expect(jobRow(page, 'bomb.png')).toContainText(
    'The image is 30000×30000 (900.0 MP), over the pixel budget of 40.0 MP',
  );
  await expect(jobRow(page, 'bomb.png')).toContainText('TOO_LARGE');
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
});
