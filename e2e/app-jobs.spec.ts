import { expect, test } from '@playwright/test';
import { corpusFile, expectStatus, jobRow, openFreshApp, pick } from './app-support';

test.beforeEach(async ({ page }) => openFreshApp(page));

test('a batch converts in parallel, each job showing progress to completion', async ({ page }) => {
  await page.getByLabel('Jobs at once').fill('3');
  // Record, in the page, the most jobs processing at once and the statuses each job went through.
  await page.evaluate(() => {
    const seen: Record<string, string[]> = {};
    const record = { maxProcessing: 0, seen };
    (window as unknown as { jobTrace: typeof record }).jobTrace = record;
    new MutationObserver(() => {
      const rows = [...document.querySelectorAll('li[data-job-status]')];
      const processing = rows.filter((row) => row.getAttribute('data-job-status') === 'processing');
      record.maxProcessing = Math.max(record.maxProcessing, processing.length);
      for (const row of rows) {
        const name = row.getAttribute('data-job-name') ?? '';
        const progress = row.querySelector('progress')?.getAttribute('value');
        const entry = `${row.getAttribute('data-job-status')}${progress ? `:${progress}` : ''}`;
        const list = (seen[name] ??= []);
        if (list.at(-1) !== entry) list.push(entry);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  const names = ['skimage-astronaut.png', 'skimage-chelsea.png', 'skimage-coffee.png'];
  await pick(
    page,
    names.map((name) => corpusFile(`photo/${name}`)),
  );
  for (const name of names) await expectStatus(page, name, 'complete', 60_000);
  const trace = await page.evaluate(
    () =>
      (window as unknown as { jobTrace: { maxProcessing: number; seen: Record<string, string[]> } })
        .jobTrace,
  );
  expect(trace.maxProcessing).toBeGreaterThanOrEqual(2);
  // Each job ends complete, its bar never goes back, and the batch shows bars part-way. A job
  // whose progress reports all reach a busy main thread before it renders again shows only its
  // end (React renders the last state), so part-way bars are asked of the batch, not of each job.
  let partWay = 0;
  for (const name of names) {
    const steps = trace.seen[name];
    const fractions = steps
      .filter((step) => step.startsWith('processing:'))
      .map((step) => Number(step.split(':')[1]));
    expect(fractions, `${name}: ${steps.join(' ')}`).toEqual([...fractions].sort((a, b) => a - b));
    if (fractions.some((fraction) => fraction > 0 && fraction < 1)) partWay++;
    expect(steps.at(-1), name).toBe('complete');
  }
  expect(partWay, JSON.stringify(trace.seen)).toBeGreaterThanOrEqual(1);
});

test('cancelling a running job stops it; the pool carries on with the next', async ({ page }) => {
  await pick(page, [
    corpusFile('large/gnome-drool-3200.png'),
    corpusFile('logo/twemoji-red-apple.png'),
  ]);
  await expectStatus(page, 'gnome-drool-3200.png', 'processing');
  await page.getByRole('button', { name: 'Cancel gnome-drool-3200.png' }).click();
  await expectStatus(page, 'gnome-drool-3200.png', 'cancelled');
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
});

test('changing an option re-runs the selected job', async ({ page }) => {
  await pick(page, [corpusFile('illustration/fluentemoji-crab.png')]);
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  const colours = page.locator('dt:text-is("Colours") + dd');
  expect(Number(await colours.textContent())).toBeGreaterThan(4);
  await page.getByLabel('Colours', { exact: true }).fill('4');
  await expectStatus(page, 'fluentemoji-crab.png', 'complete');
  await expect.poll(async () => Number(await colours.textContent())).toBeLessThanOrEqual(4);
});

test('a reload keeps finished results, SVG and all', async ({ page }) => {
  await pick(page, [corpusFile('logo/twemoji-rocket.png')]);
  await expectStatus(page, 'twemoji-rocket.png', 'complete');
  await expect(jobRow(page, 'twemoji-rocket.png')).toHaveAttribute('data-job-saved', 'true');
  await page.reload();
  const history = page.getByRole('region', { name: /History/ });
  await expect(history.locator('li[data-job-status="complete"]')).toContainText(
    'twemoji-rocket.png',
  );
  await jobRow(page, 'twemoji-rocket.png').getByRole('button', { name: /Show/ }).click();
  await expect(page.getByAltText('SVG result of twemoji-rocket.png')).toBeVisible();
  await expect(page.locator('dt:text-is("Paths") + dd')).not.toBeEmpty();
});
