import sharp from 'sharp';
import { expect, test } from '@playwright/test';
import { CORPUS, corpusFile, expectStatus, openFreshApp, pick } from './app-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

test('no request carries image data: only same-origin GETs without a body', async ({
  page,
  context,
}) => {
  const requests: { url: string; method: string; body: number }[] = [];
  context.on('request', (request) =>
    requests.push({
      url: request.url(),
      method: request.method(),
      body: request.postDataBuffer()?.length ?? 0,
    }),
  );
  await pick(page, [
    corpusFile('logo/twemoji-red-apple.png'),
    corpusFile('photo/skimage-coffee.png'),
  ]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  await expectStatus(page, 'skimage-coffee.png', 'complete');
  await page.getByRole('button', { name: 'Download all (ZIP)' }).click();
  const origin = new URL(page.url()).origin;
  const leaving = requests.filter(
    (request) =>
      request.method !== 'GET' ||
      request.body > 0 ||
      !(
        request.url.startsWith(origin) ||
        request.url.startsWith('blob:') ||
        request.url.startsWith('data:')
      ),
  );
  expect(leaving).toEqual([]);
});

test('the main thread has no long task while a 16 MP image converts', async ({ page }) => {
  test.setTimeout(180_000);
  const big = await sharp(new URL('large/debian-emerald-3840x2160.png', CORPUS).pathname)
    .resize(5334, 3000)
    .png({ compressionLevel: 1 })
    .toBuffer();
  // The test serves the image and the page fetches it before watching, so that putting the file
  // into the page (test harness work) is not counted; then it is dropped on the page.
  await page.route('**/test-input/emerald-16mp.png', (route) =>
    route.fulfill({ body: big, contentType: 'image/png' }),
  );
  await page.evaluate(async () => {
    const blob = await (await fetch('/test-input/emerald-16mp.png')).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], 'emerald-16mp.png', { type: 'image/png' }));
    const record = { longTasks: [] as number[], watching: true };
    (window as unknown as { mainThread: typeof record }).mainThread = record;
    new PerformanceObserver((list) => {
      if (!record.watching) return;
      for (const entry of list.getEntries()) record.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: false });
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
  });
  await expectStatus(page, 'emerald-16mp.png', 'processing');
  // Until the job completes: the SVG's first paint afterwards is display, not conversion.
  await page.waitForFunction(
    () => {
      const row = document.querySelector('li[data-job-status]');
      const done = row?.getAttribute('data-job-status') !== 'processing';
      if (done)
        (window as unknown as { mainThread: { watching: boolean } }).mainThread.watching = false;
      return done;
    },
    null,
    { timeout: 150_000, polling: 100 },
  );
  await expectStatus(page, 'emerald-16mp.png', 'complete', 10_000);
  await expect(page.getByText('5334 × 3000 px')).toBeVisible();
  const longTasks = await page.evaluate(
    () => (window as unknown as { mainThread: { longTasks: number[] } }).mainThread.longTasks,
  );
  expect(longTasks).toEqual([]);
});
