/** The anonymous telemetry event for a job that started or finished: names and numbers only. */
import { resolveOptions } from '../engine';
import type { TelemetryJobEvent } from '../telemetry';
import type { Job } from './job';

export function telemetryEventFor(job: Job): TelemetryJobEvent | undefined {
  if (job.status === 'queued') return undefined;
  let preset: string | undefined;
  let mode: string | undefined;
  try {
    ({ preset, mode } = resolveOptions(job.options));
  } catch {
    // Invalid options fail the job; the event then carries only the error code.
  }
  if (job.status === 'processing') return { jobId: job.id, status: 'started', preset, mode };
  const stats = job.result?.stats;
  return {
    jobId: job.id,
    status: job.status,
    durationSeconds: job.elapsedMs === undefined ? undefined : job.elapsedMs / 1000,
    preset,
    mode,
    megapixels: stats ? (stats.width * stats.height) / 1e6 : undefined,
    outputBytes: stats?.bytes,
    errorCode: job.error?.code,
  };
}
