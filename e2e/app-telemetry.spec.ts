import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { TELEMETRY_URL } from '../playwright.config';
import { NGINX_URL } from '../playwright.nginx.config';
import { corpusFile, expectStatus, openFreshApp, pick } from './app-support';

/**
 * Usage statistics are opt-in. The preview server forwards /api/ to the real telemetry endpoint
 * (playwright.config.ts); the nginx suite serves the app with no endpoint, as a static host does.
 */

async function jobsTotal(request: APIRequestContext, status: string): Promise<number> {
  const metrics = await (await request.get(`${TELEMETRY_URL}/metrics`)).text();
  const line = new RegExp(`^vectorizer_jobs_total\\{status="${status}"\\} (\\d+)`, 'm');
  return Number(line.exec(metrics)?.[1] ?? 0);
}

function telemetryPosts(page: Page): string[] {
  const bodies: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/telemetry') bodies.push(request.postData() ?? '');
  });
  return bodies;
}

async function convert(page: Page): Promise<void> {
  await pick(page, [corpusFile('logo/twemoji-red-apple.png')]);
  await expectStatus(page, 'twemoji-red-apple.png', 'complete');
}

test.describe('with a telemetry endpoint', () => {
  test.skip(({ baseURL }) => baseURL === NGINX_URL, 'the nginx suite runs with no endpoint');

  test('statistics are off by default: converting sends nothing', async ({ page, request }) => {
    const before = await jobsTotal(request, 'complete');
    const posts = telemetryPosts(page);
    await openFreshApp(page);
    await convert(page);
    // Longer than the client's batching delay (10 s).
    await page.waitForTimeout(11_000);
    expect(posts).toEqual([]);
    expect(await jobsTotal(request, 'complete')).toBe(before);
  });

  test('opted in, the start and the end of a job reach the endpoint metrics', async ({
    page,
    request,
  }) => {
    const [started, complete] = [
      await jobsTotal(request, 'started'),
      await jobsTotal(request, 'complete'),
    ];
    const posts = telemetryPosts(page);
    await openFreshApp(page);
    await page.getByLabel(/Share anonymous usage statistics/).check();
    await expect(page.getByTestId('telemetry-endpoint')).toHaveText(
      'Statistics endpoint: healthy.',
    );
    await convert(page);
    // Events go out in batches, at the latest 10 s after the first.
    await expect.poll(() => jobsTotal(request, 'complete'), { timeout: 20_000 }).toBe(complete + 1);
    expect(await jobsTotal(request, 'started')).toBe(started + 1);
    // Accepted means the endpoint's strict schema found only names and numbers (unknown fields,
    // such as a file name, are refused with 400); beacons' bodies are not visible here.
    expect(posts.length).toBeGreaterThan(0);
  });
});

test('on a static host the app says nothing is sent, and sends nothing', async ({
  page,
  baseURL,
}) => {
  test.skip(baseURL !== NGINX_URL, 'needs nginx with no endpoint: npm run test:e2e:nginx');
  const posts = telemetryPosts(page);
  await openFreshApp(page);
  await page.getByLabel(/Share anonymous usage statistics/).check();
  await expect(page.getByTestId('telemetry-endpoint')).toHaveText(
    'This site has no statistics endpoint: nothing is sent.',
  );
  await convert(page);
  await page.waitForTimeout(11_000);
  expect(posts).toEqual([]);
});
