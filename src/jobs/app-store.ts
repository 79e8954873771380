/** The app's one jobs store, wired to the real worker pool, IndexedDB and telemetry. */
import { useStore } from 'zustand';
import { TelemetryClient } from '../telemetry';
import { WorkerPool } from '../worker/pool';
import type { Job } from './job';
import { createIndexedDbPersistence } from './persistence';
import { loadSettings } from './settings';
import { createJobsStore, type JobsState } from './store';
import { telemetryEventFor } from './telemetry-event';

const settings = loadSettings();

/** Opt-in usage statistics (off unless the user turns them on in settings). */
export const telemetry = new TelemetryClient({ enabled: settings.telemetry });

function recordTelemetry(job: Job): void {
  const event = telemetryEventFor(job);
  if (event) telemetry.record(event);
}

const pool = new WorkerPool();

/** Starts one worker and compiles the core, so the first image does not wait for them. */
export function prepareWorkers(): void {
  pool.prepare();
}

/**
 * New files start on automatic settings: the core tells pixel art, line art, logos,
 * illustrations and photos apart and picks the mode and preset for each (`engine/auto.ts`).
 */
const APP_DEFAULT_OPTIONS = { mode: 'auto', preset: 'auto' } as const;

export const jobsStore = createJobsStore({
  defaultOptions: APP_DEFAULT_OPTIONS,
  runner: pool,
  persistence: createIndexedDbPersistence(),
  settings,
  onJobStarted: recordTelemetry,
  onJobFinished: recordTelemetry,
});

jobsStore.subscribe((state, previous) => {
  if (state.settings.telemetry !== previous.settings.telemetry)
    telemetry.setEnabled(state.settings.telemetry);
});

export function useJobs<T>(selector: (state: JobsState) => T): T {
  return useStore(jobsStore, selector);
}
