import { useEffect } from 'react';
import { useJobs } from '../jobs/app-store';
import type { Job } from '../jobs/job';
import type { AnalysisState } from '../jobs/store';

/** True while no job waits or runs: background analysis then takes no worker from a conversion. */
export function useIdle(): boolean {
  return useJobs(
    (state) => !state.jobs.some((job) => job.status === 'queued' || job.status === 'processing'),
  );
}

/**
 * The worker's analysis of the job's current SVG (palette shares, fidelity), requested once
 * `wanted` is true; undefined until then, and while the SVG it was made from is not the job's.
 */
export function useAnalysis(job: Job, wanted: boolean): AnalysisState | undefined {
  const analyseJob = useJobs((state) => state.analyseJob);
  const analysis = useJobs((state) => state.analyses[job.id]);
  const svg = job.result?.svg;
  const complete = job.status === 'complete';
  useEffect(() => {
    if (wanted && complete && svg) analyseJob(job.id);
  }, [wanted, complete, svg, analyseJob, job.id]);
  return analysis && analysis.svg === svg ? analysis : undefined;
}
