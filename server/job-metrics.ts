import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TelemetryJobEvent as JobEvent } from '../src/telemetry/job-event.js';

/** Started jobs remembered at most; beyond it the oldest are forgotten (bounded memory). */
export const MAX_TRACKED_JOBS = 100_000;

/**
 * The manual's metrics, in one Registry per server instance:
 * vectorizer_jobs_active, vectorizer_jobs_total{status}, vectorizer_jobs_duration (seconds),
 * vectorizer_errors_total{error_type}, plus the default process metrics. `error_type` is the job's
 * error code, one of the shared `ErrorCode`s (the schema refuses any other), so its values are
 * bounded; `unknown` when a failed event names none.
 */
export class JobMetrics {
  readonly registry = new Registry();
  /** Started jobs not yet finished: job id → time it was reported started (ms). */
  private readonly startedAtMs = new Map<string, number>();
  private readonly jobsTotal: Counter<'status'>;
  private readonly duration: Histogram;
  private readonly errorsTotal: Counter<'error_type'>;

  constructor(
    private readonly staleJobSeconds: number,
    private readonly now: () => number = Date.now,
  ) {
    collectDefaultMetrics({ register: this.registry });
    const countActive = (): number => this.activeJobs();
    new Gauge({
      name: 'vectorizer_jobs_active',
      help: 'Jobs reported started and not yet finished (stale ones expire)',
      registers: [this.registry],
      // Recomputed at scrape time, so expiry needs no timer.
      collect() {
        this.set(countActive());
      },
    });
    this.jobsTotal = new Counter({
      name: 'vectorizer_jobs_total',
      help: 'Job events received, by status',
      labelNames: ['status'],
      registers: [this.registry],
    });
    this.duration = new Histogram({
      name: 'vectorizer_jobs_duration',
      help: 'Processing time of finished jobs in seconds',
      buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120],
      registers: [this.registry],
    });
    this.errorsTotal = new Counter({
      name: 'vectorizer_errors_total',
      help: 'Failed jobs, by error type',
      labelNames: ['error_type'],
      registers: [this.registry],
    });
  }

  record(event: JobEvent): void {
    this.jobsTotal.inc({ status: event.status });
    if (event.status === 'started') {
      this.startedAtMs.delete(event.jobId);
      this.startedAtMs.set(event.jobId, this.now());
      if (this.startedAtMs.size > MAX_TRACKED_JOBS) {
        const oldest = this.startedAtMs.keys().next().value;
        if (oldest !== undefined) this.startedAtMs.delete(oldest);
      }
      return;
    }
    this.startedAtMs.delete(event.jobId);
    if (event.durationSeconds !== undefined) this.duration.observe(event.durationSeconds);
    if (event.status === 'failed') {
      this.errorsTotal.inc({ error_type: event.errorCode ?? 'unknown' });
    }
  }

  /** Active jobs after dropping those started longer ago than the stale limit. */
  activeJobs(): number {
    const oldestMs = this.now() - this.staleJobSeconds * 1000;
    // Kept in the order they started (a repeated start moves to the end): stop at the first fresh one.
    for (const [jobId, startedMs] of this.startedAtMs) {
      if (startedMs >= oldestMs) break;
      this.startedAtMs.delete(jobId);
    }
    return this.startedAtMs.size;
  }
}
