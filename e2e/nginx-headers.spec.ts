import { readdirSync, statSync } from 'node:fs';
import { test, expect, type APIResponse } from '@playwright/test';
import { NGINX_URL } from '../playwright.nginx.config';

/**
 * HTTP behaviour of nginx.conf, checked against Debian's nginx serving the production build
 * (playwright.nginx.config.ts): MIME types, compression, cache policy, security headers,
 * health check, SPA fallback and what is never served.
 */

test.skip(({ baseURL }) => baseURL !== NGINX_URL, 'needs nginx: npm run test:e2e:nginx');

const ASSETS = `${process.env.NGINX_ROOT ?? 'dist'}/assets`;
const builtAssets = () => readdirSync(ASSETS).filter((name) => !name.endsWith('.gz'));
const asset = (pattern: RegExp) => {
  const name = builtAssets().find((file) => pattern.test(file));
  if (!name) throw new Error(`no file matching ${pattern} in ${ASSETS}`);
  return name;
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const GZIP = { 'accept-encoding': 'gzip' };

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("worker-src 'self'");
  expect(csp).toContain("img-src 'self' blob: data:");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['server']).toBe('nginx');
}

test('every kind of response carries the security headers', async ({ request }) => {
  const paths = [
    '/',
    '/index.html',
    '/sw.js',
    '/manifest.webmanifest',
    '/health',
    '/a/client/route',
    `/assets/${asset(/\.js$/)}`,
    '/assets/missing-0000.js',
    '/.env',
    '/api/telemetry',
  ];
  for (const path of paths) {
    const response = await request.get(path, { headers: GZIP, maxRedirects: 0 });
    await test.step(`${path} → ${response.status()}`, () => expectSecurityHeaders(response));
  }
});

test('index.html, the service worker and the manifest are revalidated on every load', async ({
  request,
}) => {
  for (const [path, type] of [
    ['/', 'text/html'],
    ['/index.html', 'text/html'],
    ['/sw.js', 'application/javascript'],
    ['/manifest.webmanifest', 'application/manifest+json'],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
    expect(response.headers()['cache-control'], path).toBe('no-cache');
  }
});

test('hashed assets are immutable for a year and served pre-compressed', async ({ request }) => {
  const script = asset(/^index-.*\.js$/);
  const compressed = await request.get(`/assets/${script}`, { headers: GZIP });
  expect(compressed.headers()['cache-control']).toBe(IMMUTABLE);
  expect(compressed.headers()['content-type']).toContain('application/javascript');
  expect(compressed.headers()['content-encoding']).toBe('gzip');
  expect(compressed.headers()['vary']).toBe('Accept-Encoding');
  // gzip_static: the bytes on the wire are the build's own .gz file.
  expect(Number(compressed.headers()['content-length'])).toBe(
    statSync(`${ASSETS}/${script}.gz`).size,
  );

  const identity = await request.get(`/assets/${script}`, {
    headers: { 'accept-encoding': 'identity' },
  });
  expect(identity.headers()['content-encoding']).toBeUndefined();
  expect(Number(identity.headers()['content-length'])).toBe(statSync(`${ASSETS}/${script}`).size);
});

test('both wasm builds are served as application/wasm, gzipped and immutable', async ({
  request,
}) => {
  for (const flavour of ['simd', 'scalar']) {
    const wasm = asset(new RegExp(`^vectorizer-${flavour}-.*\\.wasm$`));
    const response = await request.get(`/assets/${wasm}`, { headers: GZIP });
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/wasm');
    expect(response.headers()['content-encoding']).toBe('gzip');
    expect(response.headers()['cache-control']).toBe(IMMUTABLE);
  }
});

test('GET /health answers JSON for load balancers', async ({ request }) => {
  const response = await request.get('/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  expect(response.headers()['cache-control']).toBe('no-store');
  const body = (await response.json()) as { status: string; timestamp: string };
  expect(body.status).toBe('healthy');
  expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
});

test('client-side routes fall back to the app; missing assets do not', async ({ request }) => {
  const route = await request.get('/history/some-job');
  expect(route.status()).toBe(200);
  expect(route.headers()['content-type']).toContain('text/html');
  expect(route.headers()['cache-control']).toBe('no-cache');
  expect(await route.text()).toContain('<div id="root">');

  const missing = await request.get('/assets/missing-0000.js');
  expect(missing.status()).toBe(404);
});

test('dotfiles, source maps and metrics are never served', async ({ request }) => {
  for (const path of ['/.env', '/.git/config', '/.nginx-run/nginx.conf', '/metrics']) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  const script = asset(/\.js$/);
  expect((await request.get(`/assets/${script}.map`)).status()).toBe(404);
});

test('without a telemetry endpoint, /api/ answers a JSON 404', async ({ request }) => {
  const response = await request.post('/api/telemetry', { data: { events: [] } });
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/json');
});

test('a share posted before the service worker runs lands in the app', async ({ request }) => {
  const response = await request.post('/share-target', {
    multipart: { images: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from([0]) } },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toMatch(/\/$/);
});
