import type { Job } from '../jobs/job';
import { useJobs } from '../jobs/app-store';
import { JobRow } from './JobRow';

/** When this page was opened: jobs created before it come from the saved history. */
const SESSION_STARTED_AT = Date.now();

function JobSection({ id, title, jobs }: { id: string; title: string; jobs: Job[] }) {
  const selectedId = useJobs((state) => state.selectedId);
  const select = useJobs((state) => state.select);
  const cancel = useJobs((state) => state.cancel);
  const remove = useJobs((state) => state.remove);
  const overrideAuto = useJobs((state) => state.overrideAuto);
  const backToAuto = useJobs((state) => state.backToAuto);
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="panel-title">
        {title} ({jobs.length})
      </h2>
      <ul className="flex flex-col gap-2">
        {jobs.map((job) => (
          <JobRow
            key={job.id}
            job={job}
            selected={job.id === selectedId}
            onSelect={() => select(job.id)}
            onCancel={() => cancel(job.id)}
            onRemove={() => remove(job.id)}
            onOverride={(kind) => overrideAuto(job.id, kind)}
            onBackToAuto={() => backToAuto(job.id)}
          />
        ))}
      </ul>
    </section>
  );
}

/** This session's jobs, then the history saved from earlier visits; newest first. */
export function JobList() {
  const jobs = useJobs((state) => state.jobs);
  return (
    <div className="flex flex-col gap-4">
      <JobSection
        id="jobs-heading"
        title="Jobs"
        jobs={jobs.filter((job) => job.createdAt >= SESSION_STARTED_AT)}
      />
      <JobSection
        id="history-heading"
        title="History"
        jobs={jobs.filter((job) => job.createdAt < SESSION_STARTED_AT)}
      />
    </div>
  );
}
