/** The app's one jobs store, wired to the real worker pool and IndexedDB, and its React hook. */
import { useStore } from 'zustand';
import { WorkerPool } from '../worker/pool';
import { createIndexedDbPersistence } from './persistence';
import { loadSettings } from './settings';
import { createJobsStore, type JobsState } from './store';

export const jobsStore = createJobsStore({
  runner: new WorkerPool(),
  persistence: createIndexedDbPersistence(),
  settings: loadSettings(),
});

export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(jobsStore, selector);
}
