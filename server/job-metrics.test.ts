import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/engine/errors.js';
import { JobMetrics, MAX_TRACKED_JOBS } from './job-metrics.js';

describe('JobMetrics', () => {
  it('expires started jobs that never finish', async () => {
    let nowMs = 0;
    const metrics = new JobMetrics(60, () => nowMs);
    metrics.record({ jobId: 'a', status: 'started' });
    metrics.record({ jobId: 'b', status: 'started' });
    expect(metrics.activeJobs()).toBe(2);
    nowMs += 30_000;
    metrics.record({ jobId: 'b', status: 'started' });
    nowMs += 31_000;
    expect(metrics.activeJobs()).toBe(1);
    expect(await metrics.registry.metrics()).toMatch(/^vectorizer_jobs_active 1$/m);
  });

  it('remembers a bounded number of started jobs, forgetting the oldest', () => {
    const metrics = new JobMetrics(3600);
    for (let i = 0; i < MAX_TRACKED_JOBS + 10; i++)
      metrics.record({ jobId: `s${i}`, status: 'started' });
    expect(metrics.activeJobs()).toBe(MAX_TRACKED_JOBS);
    metrics.record({ jobId: 's0', status: 'complete' }); // forgotten already: no change
    metrics.record({ jobId: `s${MAX_TRACKED_JOBS + 9}`, status: 'complete' });
    expect(metrics.activeJobs()).toBe(MAX_TRACKED_JOBS - 1);
  });

  it('labels failures with the shared error code', async () => {
    const metrics = new JobMetrics(60);
    for (const code of ERROR_CODES)
      metrics.record({ jobId: `j-${code}`, status: 'failed', errorCode: code });
    metrics.record({ jobId: 'j-none', status: 'failed' });
    const text = await metrics.registry.metrics();
    expect(text.match(/^vectorizer_errors_total\{/gm)).toHaveLength(ERROR_CODES.length + 1);
    expect(text).toMatch(/^vectorizer_errors_total\{error_type="CORRUPT"\} 1$/m);
    expect(text).toMatch(/^vectorizer_errors_total\{error_type="unknown"\} 1$/m);
  });
});
