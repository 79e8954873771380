import { expect, test, type Browser } from '@playwright/test';
import { corpusFile, expectStatus, jobRow, openFreshApp, pick } from './app-support';

/**
 * Workers that go wrong, driven through Chromium's DevTools protocol: one that stops answering
 * (paused in the debugger, as a hung wasm call would look) and one that throws an uncaught error.
 * Each fails only its own job; the pool replaces the worker and the next job converts.
 */

/** Sends DevTools commands to every dedicated worker of the browser. */
async function inEveryWorker(browser: Browser, commands: { method: string; params?: object }[]) {
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const workers = targetInfos.filter((target) => target.type === 'worker');
  expect(workers.length).toBeGreaterThan(0);
  for (const worker of workers) {
    const { sessionId } = await cdp.send('Target.attachToTarget', {
      targetId: worker.targetId,
      flatten: false,
    });
    for (const [index, command] of commands.entries())
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id: index + 1, ...command }),
      });
  }
  return cdp;
}

test('a silent worker fails its job after the watchdog time, and the next job runs', async ({
  page,
  browser,
}) => {
  await openFreshApp(page);
  await page.getByLabel('Stop a job silent for (s)').fill('5');
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
  // The result's palette analysis runs on a worker after the conversion; once its shares show,
  // no worker is busy, so the next job goes to one of the workers paused below.
  await expect(page.getByTestId('palette')).toContainText('%');

  // Pause every dedicated worker: the next job is handed to a worker that never answers.
  const cdp = await inEveryWorker(browser, [
    { method: 'Debugger.enable' },
    { method: 'Debugger.pause' },
  ]);

  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'failed', 20_000);
  await expect(jobRow(page, 'twemoji-rocket.png')).toContainText('TIMEOUT');
  await pick(page, [corpusFile('illustration/fluentemoji-crab.png')]);
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  await cdp.detach();
});

test('a worker that crashes fails its job with WORKER_CRASHED, and the next job runs', async ({
  page,
  browser,
}) => {
  await openFreshApp(page);
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');

  // The next message any worker receives ends in an uncaught exception.
  const cdp = await inEveryWorker(browser, [
    {
      method: 'Runtime.evaluate',
      params: {
        expression: `self.addEventListener('message', () => { throw new Error('simulated crash'); });`,
      },
    },
  ]);

  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'failed');
  await expect(jobRow(page, 'twemoji-rocket.png')).toContainText('WORKER_CRASHED');
  await pick(page, [corpusFile('illustration/fluentemoji-crab.png')]);
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  await cdp.detach();
});
