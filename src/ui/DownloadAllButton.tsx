import { useJobs } from '../jobs/app-store';
import type { Job } from '../jobs/job';
import { downloadAllAsZip } from './export-svg';

/** What the button says: how many results the ZIP holds while other jobs still run. */
export function downloadAllLabel(jobs: readonly Pick<Job, 'status' | 'result'>[]): string {
  const done = jobs.filter((job) => job.result).length;
  const pending = jobs.filter((job) => job.status === 'queued' || job.status === 'processing');
  return pending.length > 0
    ? `Download ${done} of ${done + pending.length} (ZIP)`
    : 'Download all (ZIP)';
}

/** Every finished result in one ZIP; while jobs run it says how many that is, never silently partial. */
export function DownloadAllButton() {
  const jobs = useJobs((state) => state.jobs);
  const exportAll = useJobs((state) => state.exportAll);
  const format = useJobs((state) => state.settings.exportChoice.format).toUpperCase();
  const done = jobs.filter((job) => job.result).length;
  return (
    <button
      type="button"
      className="btn"
      disabled={done === 0}
      title={`Every finished result as ${format}, in one ZIP`}
      onClick={() => void exportAll().then(downloadAllAsZip)}
    >
      {downloadAllLabel(jobs)}
    </button>
  );
}
