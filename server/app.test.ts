import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TelemetryServer } from './server.js';
import { postEvents, startTestServer } from './test-support.js';

describe('telemetry endpoint', () => {
  let server: TelemetryServer;
  let url: string;
  let lines: string[];

  beforeAll(async () => {
    ({ server, url, lines } = await startTestServer(18010, {
      allowedOrigins: ['https://app.example'],
      rateLimitBurst: 1000,
    }));
  });
  afterAll(() => server.close());

  it('reports health with the active job count', async () => {
    await postEvents(url, { events: [{ jobId: 'health-1', status: 'started' }] });
    for (const path of ['/health', '/api/health']) {
      const response = await fetch(url + path);
      expect(response.status).toBe(200);
      const body = (await response.json()) as Record<string, unknown>;
      expect(body.status).toBe('healthy');
      expect(Number.isNaN(Date.parse(String(body.timestamp)))).toBe(false);
      expect(body.active_jobs).toBe(1);
    }
    await postEvents(url, { events: [{ jobId: 'health-1', status: 'cancelled' }] });
    const after = (await (await fetch(`${url}/health`)).json()) as Record<string, unknown>;
    expect(after.active_jobs).toBe(0);
  });

  it('accepts a batch and exposes the manual metrics', async () => {
    const response = await postEvents(url, {
      events: [
        { jobId: 'm-1', status: 'started', preset: 'photo', mode: 'color', megapixels: 2.1 },
        { jobId: 'm-1', status: 'complete', durationSeconds: 1.5, outputBytes: 12345 },
        { jobId: 'm-2', status: 'failed', durationSeconds: 0.2, errorCode: 'CORRUPT' },
      ],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 3 });
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^vectorizer_jobs_active \d+$/m);
    expect(metrics).toMatch(/^vectorizer_jobs_total\{status="complete"\} [1-9]/m);
    expect(metrics).toMatch(/^vectorizer_jobs_total\{status="failed"\} [1-9]/m);
    expect(metrics).toMatch(/^vectorizer_jobs_duration_count [1-9]/m);
    expect(metrics).toMatch(/^vectorizer_errors_total\{error_type="CORRUPT"\} 1$/m);
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(metrics).toMatch(/^process_cpu_seconds_total /m);
  });

  it('logs in the manual format', async () => {
    await postEvents(url, {
      events: [{ jobId: 'abc-123', status: 'complete', durationSeconds: 5.234 }],
    });
    expect(lines).toContain('INFO - [JOB abc-123] Complete! Time: 5.23s');
    await postEvents(url, {
      events: [{ jobId: 'abc-124', status: 'failed', errorCode: 'TOO_LARGE' }],
    });
    expect(lines).toContain('ERROR - [JOB abc-124] Failed: TOO_LARGE');
  });

  it.each([
    ['malformed JSON', '{"events": [', /not valid JSON/],
    [
      'a wrong type',
      { events: [{ jobId: 'x', status: 'complete', durationSeconds: 'fast' }] },
      /durationSeconds/,
    ],
    ['an unknown status', { events: [{ jobId: 'x', status: 'exploded' }] }, /status/],
    [
      'an unknown field',
      { events: [{ jobId: 'x', status: 'started', fileName: 'cat.png' }] },
      /fileName/,
    ],
    [
      'an unknown top-level field',
      { events: [{ jobId: 'x', status: 'started' }], image: 'AAAA' },
      /image/,
    ],
    ['an empty batch', { events: [] }, /events/],
    [
      'an error code outside the shared list',
      { events: [{ jobId: 'x', status: 'failed', errorCode: 'decode_error' }] },
      /errorCode/,
    ],
  ])('rejects %s with 400 and a reason', async (_name, body, reason) => {
    const response = await postEvents(url, body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(reason);
  });

  it('rejects a body over 64 KB with 413', async () => {
    const events = Array.from({ length: 100 }, (_, i) => ({
      jobId: `j${i}`.padEnd(64, 'x'),
      status: 'started',
    }));
    const body = JSON.stringify({ events }).padEnd(70_000, ' ');
    const response = await postEvents(url, body);
    expect(response.status).toBe(413);
  });

  it('answers CORS only for allowed origins', async () => {
    const preflight = await fetch(`${url}/api/telemetry`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://app.example');
    const evil = await fetch(`${url}/api/telemetry`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const refused = await postEvents(
      url,
      { events: [{ jobId: 'o', status: 'started' }] },
      { Origin: 'https://evil.example' },
    );
    expect(refused.status).toBe(403);
    const accepted = await postEvents(
      url,
      { events: [{ jobId: 'o', status: 'cancelled' }] },
      { Origin: 'https://app.example' },
    );
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('access-control-allow-origin')).toBe('https://app.example');
  });

  it("accepts the app's own origin (the Host it posted to) without an entry", async () => {
    const own = await postEvents(
      url,
      { events: [{ jobId: 's', status: 'cancelled' }] },
      { Origin: url },
    );
    expect(own.status).toBe(202);
    const lookalike = await postEvents(
      url,
      { events: [{ jobId: 's', status: 'cancelled' }] },
      { Origin: url.replace('127.0.0.1', 'localhost') },
    );
    expect(lookalike.status).toBe(403);
  });
});

describe('rate limit', () => {
  it('answers a flood with 429 and Retry-After', async () => {
    const { server, url } = await startTestServer(18011, {
      rateLimitBurst: 5,
      rateLimitPerSecond: 0.5,
    });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 12; i++) {
        const response = await postEvents(url, { events: [{ jobId: `f${i}`, status: 'started' }] });
        statuses.push(response.status);
        if (response.status === 429) retryAfter = response.headers.get('retry-after');
      }
      expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
      expect(statuses.at(-1)).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await server.close();
    }
  });
});

describe('rate limit behind a proxy', () => {
  it('keys the bucket on the address the proxy saw when TRUST_PROXY is set', async () => {
    const { server, url } = await startTestServer(18012, {
      rateLimitBurst: 1,
      rateLimitPerSecond: 0.01,
      trustProxy: true,
    });
    try {
      const send = (forwardedFor: string) =>
        postEvents(
          url,
          { events: [{ jobId: 'p', status: 'started' }] },
          { 'X-Forwarded-For': forwardedFor },
        );
      expect((await send('10.0.0.1')).status).toBe(202);
      expect((await send('10.0.0.2')).status).toBe(202);
      expect((await send('1.2.3.4, 10.0.0.1')).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
