import type { ImageKind } from '../engine';
import type { Job } from '../jobs/job';
import { AutoChoiceNote } from './AutoChoiceNote';
import { AutoOverrideNote } from './AutoOverrideNote';
import { formatDateTime, formatMs, formatPercent } from './format';
import { useNow } from './use-now';
import { ErrorMessage } from './ErrorMessage';
import { objectUrl } from './object-url';

interface Props {
  job: Job;
  selected: boolean;
  onSelect(): void;
  onCancel(): void;
  onRemove(): void;
  /** Re-runs a job that auto converted with another kind's settings. */
  onOverride?(kind: ImageKind): void;
  /** Undoes an override: auto chooses again. */
  onBackToAuto?(): void;
}

const STATUS_STYLE: Record<Job['status'], string> = {
  queued: 'text-slate-500 dark:text-slate-400',
  processing: 'text-sky-700 dark:text-sky-300',
  complete: 'text-emerald-700 dark:text-emerald-300',
  failed: 'text-red-700 dark:text-red-300',
  cancelled: 'text-amber-700 dark:text-amber-300',
};

export function JobRow({
  job,
  selected,
  onSelect,
  onCancel,
  onRemove,
  onOverride,
  onBackToAuto,
}: Props) {
  const running = job.status === 'processing';
  const now = useNow(running);
  const thumbnail = objectUrl(job.result?.thumbnail);
  const elapsed = job.elapsedMs ?? (job.startedAt !== undefined ? now - job.startedAt : undefined);
  const active = job.status === 'queued' || running;
  return (
    <li
      className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border p-2 ${
        selected
          ? 'border-sky-500 bg-sky-50 dark:bg-sky-950'
          : 'border-slate-200 dark:border-slate-700'
      }`}
      data-job-name={job.name}
      data-job-status={job.status}
      data-job-saved={job.saved}
    >
      <button
        type="button"
        onClick={onSelect}
        aria-current={selected ? 'true' : undefined}
        className="flex min-w-0 flex-1 items-center gap-3 rounded text-left"
      >
        <span className="checkerboard flex h-12 w-12 shrink-0 items-center justify-center overflow-hidden rounded">
          {thumbnail && <img src={thumbnail} alt="" className="max-h-full max-w-full" />}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium">
            <span className="sr-only">Show </span>
            {job.name}
          </span>
          <span className="flex flex-wrap gap-x-2 text-xs">
            <span className={`font-semibold ${STATUS_STYLE[job.status]}`}>{job.status}</span>
            {running && (
              <span>
                {job.stage ?? 'decode'} · {formatPercent(job.progress)}
              </span>
            )}
            {elapsed !== undefined && <span>{formatMs(elapsed)}</span>}
            {!active && <span className="opacity-70">{formatDateTime(job.createdAt)}</span>}
          </span>
          {job.error && (
            <ErrorMessage
              error={job.error}
              className="block text-xs text-red-700 dark:text-red-300"
            />
          )}
          {job.storageError && (
            <ErrorMessage
              error={job.storageError}
              className="block text-xs text-amber-700 dark:text-amber-300"
            />
          )}
          {job.exportError && (
            <ErrorMessage
              error={job.exportError}
              className="block text-xs text-red-700 dark:text-red-300"
            />
          )}
          {active && (
            <progress
              className="mt-1 block h-1.5 w-full"
              max={1}
              value={job.progress}
              aria-label={`${job.name} progress`}
            />
          )}
        </span>
      </button>
      {active ? (
        <button type="button" className="btn" onClick={onCancel} aria-label={`Cancel ${job.name}`}>
          Cancel
        </button>
      ) : (
        <button
          type="button"
          className="btn"
          onClick={onRemove}
          aria-label={`Remove ${job.name}`}
          title="Remove"
        >
          ✕
        </button>
      )}
      {job.autoOverride && onBackToAuto && (
        <AutoOverrideNote name={job.name} override={job.autoOverride} onBackToAuto={onBackToAuto} />
      )}
      {!job.autoOverride && job.result?.stats.auto && onOverride && (
        <AutoChoiceNote
          name={job.name}
          options={job.options}
          choice={job.result.stats.auto}
          enabled={!active}
          onOverride={onOverride}
        />
      )}
    </li>
  );
}
