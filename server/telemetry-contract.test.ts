/**
 * The telemetry contract end to end, without a network: events built by the app's own code
 * (the jobs store's `telemetryEventFor` and the `TelemetryClient` that batches them) go through
 * the endpoint's real request handler, which validates them with the one shared schema.
 */
import { describe, expect, it } from 'vitest';
import { VectorizeError, resolveOptions, toVectorizeError } from '../src/engine/index.js';
import type { Job } from '../src/jobs/job.js';
import { telemetryEventFor } from '../src/jobs/telemetry-event.js';
import { TelemetryClient } from '../src/telemetry/telemetry-client.js';
import { createApp } from './app.js';
import { defaultConfig } from './config.js';
import { JobMetrics } from './job-metrics.js';
import type { LogLevel } from './log.js';
import { TokenBucketLimiter } from './rate-limit.js';

function endpoint() {
  const lines: string[] = [];
  const metrics = new JobMetrics(60);
  const app = createApp({
    config: { ...defaultConfig, trustProxy: true },
    metrics,
    limiter: new TokenBucketLimiter(1000, 1000),
    logger: { log: (level: LogLevel, message: string) => lines.push(`${level} - ${message}`) },
  });
  const post = (body: string) =>
    app.request('/api/telemetry', {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'text/plain;charset=UTF-8', 'X-Forwarded-For': '127.0.0.1' },
    });
  return { post, metrics, lines };
}

/** The bodies a real client sends, caught at `navigator.sendBeacon`. */
function capturingClient() {
  const bodies: Blob[] = [];
  const client = new TelemetryClient({
    enabled: true,
    maxBatch: 100,
    navigator: {
      sendBeacon: (_url: string, body: Blob) => bodies.push(body) > 0,
    } as unknown as Navigator,
  });
  return { client, bodies };
}

const job = (id: string, changes: Partial<Job>): Job => ({
  id,
  name: 'holiday-photo.png',
  file: new Blob(['pixels']),
  options: { preset: 'high' },
  status: 'queued',
  progress: 0,
  stage: undefined,
  createdAt: 0,
  startedAt: 0,
  elapsedMs: undefined,
  result: undefined,
  error: undefined,
  storageError: undefined,
  saved: false,
  ...changes,
});

function optionError(): VectorizeError {
  try {
    resolveOptions({ minArea: -1 });
  } catch (error) {
    return toVectorizeError(error);
  }
  throw new Error('expected an option error');
}

describe('telemetry contract: app client → endpoint', () => {
  it("accepts the client's real events for a started, complete, failed and cancelled job", async () => {
    const { client, bodies } = capturingClient();
    const stats = { width: 640, height: 480, bytes: 5120 } as never;
    const jobs: Job[] = [
      job('job-a', { status: 'processing' }),
      job('job-a', {
        status: 'complete',
        elapsedMs: 1250,
        result: { svg: '<svg/>', stats, thumbnail: new Blob() },
      }),
      job('job-b', { status: 'processing', options: { minArea: -1 } }),
      job('job-b', {
        status: 'failed',
        elapsedMs: 20,
        options: { minArea: -1 },
        error: optionError().toInfo(),
      }),
      job('job-c', {
        status: 'failed',
        elapsedMs: 80,
        error: toVectorizeError(
          new VectorizeError('CORRUPT', 'holiday-photo.png is corrupt'),
        ).toInfo(),
      }),
      job('job-d', { status: 'cancelled', elapsedMs: 300 }),
    ];
    for (const each of jobs) client.record(telemetryEventFor(each)!);
    client.flush();
    expect(bodies).toHaveLength(1);
    const body = await bodies[0].text();
    expect(body).not.toContain('holiday');

    const { post, metrics, lines } = endpoint();
    const response = await post(body);
    expect(await response.json()).toEqual({ accepted: jobs.length });
    expect(response.status).toBe(202);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^vectorizer_errors_total\{error_type="INVALID_OPTION"\} 1$/m);
    expect(text).toMatch(/^vectorizer_errors_total\{error_type="CORRUPT"\} 1$/m);
    expect(text).toMatch(/^vectorizer_jobs_total\{status="cancelled"\} 1$/m);
    expect(lines).toContain('ERROR - [JOB job-c] Failed: CORRUPT Time: 0.08s');
  });

  it('refuses an event whose error code is outside the shared vocabulary', async () => {
    const { client, bodies } = capturingClient();
    const failed = telemetryEventFor(
      job('job-e', { status: 'failed', elapsedMs: 5, error: { code: 'CORRUPT', message: 'x' } }),
    )!;
    client.record({ ...failed, errorCode: 'DECODE_FAILED' as never });
    client.flush();
    const response = await endpoint().post(await bodies[0].text());
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/errorCode/);
  });
});
