import { useJobs } from '../jobs/app-store';
import { JobRow } from './JobRow';

/** Every job of this session and the saved history, newest first. */
export function JobList() {
  const jobs = useJobs((state) => state.jobs);
  const selectedId = useJobs((state) => state.selectedId);
  const select = useJobs((state) => state.select);
  const cancel = useJobs((state) => state.cancel);
  const remove = useJobs((state) => state.remove);
  if (jobs.length === 0) return null;
  return (
    <section aria-labelledby="jobs-heading">
      <h2
        id="jobs-heading"
        className="mb-2 text-sm font-semibold uppercase tracking-wide opacity-70"
      >
        Jobs and history ({jobs.length})
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
          />
        ))}
      </ul>
    </section>
  );
}
