import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * nginx.conf's telemetry proxy, with Debian's nginx (scripts/nginx.sh) in front of two real
 * HTTP upstreams standing in for telemetry replicas: /api/ is proxied with the client's
 * address, spread over both replicas, limited to 64 KB bodies; /api/health reaches /health;
 * with every replica down /api/ answers a JSON 503.
 */

const NGINX_PORT = 4184;
const SITE = '.tmp/pwa/nginx-test-site';
const base = `http://127.0.0.1:${NGINX_PORT}`;

interface Seen {
  replica: number;
  path: string;
  forwardedFor?: string;
}
const seen: Seen[] = [];
const replicas: Server[] = [];

function startReplica(replica: number): Promise<Server> {
  const server = createServer((request, response) => {
    seen.push({
      replica,
      path: request.url ?? '',
      forwardedFor: request.headers['x-forwarded-for'] as string | undefined,
    });
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ status: 'healthy', replica }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function nginx(command: 'start' | 'stop', upstreams = ''): void {
  execFileSync('bash', ['scripts/nginx.sh', command, String(NGINX_PORT)], {
    env: { ...process.env, NGINX_ROOT: SITE, TELEMETRY_UPSTREAMS: upstreams },
    stdio: 'pipe',
  });
}

beforeAll(async () => {
  mkdirSync(SITE, { recursive: true });
  writeFileSync(`${SITE}/index.html`, '<!doctype html><div id="root"></div>\n');
  replicas.push(await startReplica(1), await startReplica(2));
  const ports = replicas.map((server) => (server.address() as AddressInfo).port);
  nginx('start', ports.map((port) => `127.0.0.1:${port}`).join(', '));
});

afterAll(async () => {
  nginx('stop');
  await Promise.all(replicas.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('nginx telemetry proxy', () => {
  it('forwards /api/ with the client address and the security headers', async () => {
    const response = await fetch(`${base}/api/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const last = seen.at(-1)!;
    expect(last.path).toBe('/api/telemetry');
    expect(last.forwardedFor).toBe('127.0.0.1');
  });

  it('spreads requests over every replica', async () => {
    seen.length = 0;
    await Promise.all(Array.from({ length: 12 }, () => fetch(`${base}/api/telemetry`)));
    expect(new Set(seen.map((s) => s.replica))).toEqual(new Set([1, 2]));
  });

  it('maps /api/health to the endpoint health check', async () => {
    const response = await fetch(`${base}/api/health`);
    expect(((await response.json()) as { status: string }).status).toBe('healthy');
    expect(seen.at(-1)!.path).toBe('/health');
  });

  it('refuses bodies over 64 KB before they reach the endpoint', async () => {
    seen.length = 0;
    const response = await fetch(`${base}/api/telemetry`, {
      method: 'POST',
      body: 'x'.repeat(65 * 1024),
    });
    expect(response.status).toBe(413);
    expect(seen).toEqual([]);
  });

  it('keeps answering its own /health', async () => {
    const response = await fetch(`${base}/health`);
    expect(((await response.json()) as { status: string }).status).toBe('healthy');
  });

  it('answers a JSON 503 with the security headers when every replica is down', async () => {
    await Promise.all(replicas.map((server) => new Promise((resolve) => server.close(resolve))));
    replicas.length = 0;
    for (const path of ['/api/telemetry', '/api/health']) {
      const response = await fetch(`${base}${path}`, { method: 'POST', body: '{}' });
      expect(response.status, path).toBe(503);
      expect(response.headers.get('content-type'), path).toContain('application/json');
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'self'");
      expect(((await response.json()) as { error: string }).error, path).toMatch(/unavailable/);
    }
  });
});
