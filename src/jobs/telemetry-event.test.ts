import { describe, expect, it } from 'vitest';
import type { Job } from './job';
import { telemetryEventFor } from './telemetry-event';

const base = {
  id: 'job-1',
  name: 'secret-plans.png',
  file: new Blob(['pixels']),
  options: { preset: 'high' },
  progress: 1,
  stage: undefined,
  createdAt: 0,
  startedAt: 0,
  elapsedMs: 1500,
  result: undefined,
  error: undefined,
  storageError: undefined,
  saved: false,
} satisfies Omit<Job, 'status'>;

describe('telemetryEventFor', () => {
  it('describes a failed job by names and numbers only', () => {
    const event = telemetryEventFor({
      ...base,
      status: 'failed',
      error: { code: 'CORRUPT', message: 'secret-plans.png could not be read' },
    });
    expect(event).toEqual({
      jobId: 'job-1',
      status: 'failed',
      durationSeconds: 1.5,
      preset: 'high',
      mode: 'color',
      megapixels: undefined,
      outputBytes: undefined,
      errorCode: 'CORRUPT',
    });
    expect(JSON.stringify(event)).not.toContain('secret');
  });

  it('reports a start without timings, and nothing while a job waits in the queue', () => {
    expect(telemetryEventFor({ ...base, status: 'processing' })).toEqual({
      jobId: 'job-1',
      status: 'started',
      preset: 'high',
      mode: 'color',
    });
    expect(telemetryEventFor({ ...base, status: 'queued' })).toBeUndefined();
  });
});
