/** The anonymous telemetry event for a finished job: names and numbers, never image data. */
import { resolveOptions } from '../engine';
import type { TelemetryJobEvent } from '../telemetry';
import type { Job } from './job';

export function telemetryEventFor(job: Job): TelemetryJobEvent | undefined {
  if (job.status !== 'complete' && job.status !== 'failed' && job.status !== 'cancelled')
    return undefined;
  let preset: string | undefined;
  let mode: string | undefined;
  try {
    ({ preset, mode } = resolveOptions(job.options));
  } catch {
    // Invalid options fail the job; the event then carries only the error code.
  }
  const stats = job.result?.stats;
  return {
    jobId: job.id,
    status: job.status,
    durationSeconds: job.elapsedMs === undefined ? undefined : job.elapsedMs / 1000,
    preset,
    mode,
    megapixels: stats ? (stats.width * stats.height) / 1e6 : undefined,
    outputBytes: stats?.bytes,
    errorCode: job.error?.code.toLowerCase(),
  };
}
