import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { VectorizeError } from '../engine';
import type { PoolTask } from '../worker/pool';
import type { JobResult } from '../worker/protocol';
import { createIndexedDbPersistence } from './persistence';
import { defaultSettings } from './settings';
import { createJobsStore, type JobRunner } from './store';

/** A runner whose tasks the test finishes by hand (the real pool needs a browser's Workers). */
class ManualRunner implements JobRunner {
  tasks = new Map<
    string,
    { task: PoolTask; resolve(r: JobResult): void; reject(e: unknown): void }
  >();
  cancelled: string[] = [];
  concurrency = 0;
  run(task: PoolTask) {
    return new Promise<JobResult>((resolve, reject) => {
      this.tasks.set(task.id, { task, resolve, reject });
    });
  }
  cancel(id: string) {
    this.cancelled.push(id);
    this.tasks.get(id)?.reject(new VectorizeError('CANCELLED', 'Cancelled.'));
  }
  configure(settings: { concurrency?: number }) {
    this.concurrency = settings.concurrency ?? this.concurrency;
  }
}

function result(svg = '<svg/>'): JobResult {
  return {
    svg,
    thumbnail: new Blob(['png']),
    stats: {
      width: 2,
      height: 2,
      colors: 1,
      paths: 1,
      segments: 4,
      bytes: svg.length,
      stageMs: { prepare: 0, segment: 0, trace: 0, fit: 0 },
      peakHeapBytes: 0,
      memoryBytes: 0,
      palette: ['#ffffff'],
      inputBytes: 10,
      gzipBytes: 20,
      totalMs: 1,
      decodeMs: 0,
    },
  };
}

let dbCount = 0;
function setup(now = () => Date.now()) {
  const runner = new ManualRunner();
  const persistence = createIndexedDbPersistence(`test-${++dbCount}`);
  let id = 0;
  const store = createJobsStore({
    runner,
    persistence,
    settings: defaultSettings(),
    rerunDelayMs: 5,
    now,
    newId: () => `job-${++id}`,
  });
  return { runner, persistence, store };
}

const file = (name = 'logo.png') => new File(['pixels'], name, { type: 'image/png' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('jobs store', () => {
  it('moves a job queued → processing → complete with progress, and saves it', async () => {
    const { runner, persistence, store } = setup();
    store.getState().addFiles([file()]);
    expect(store.getState().jobs[0]).toMatchObject({ status: 'queued', name: 'logo.png' });
    const { task, resolve } = runner.tasks.get('job-1')!;
    task.onStart?.();
    expect(store.getState().jobs[0].status).toBe('processing');
    task.onProgress?.({ stage: 'trace', fraction: 0.5, overall: 0.6 });
    expect(store.getState().jobs[0]).toMatchObject({ stage: 'trace', progress: 0.6 });
    resolve(result());
    await settle();
    expect(store.getState().jobs[0]).toMatchObject({
      status: 'complete',
      progress: 1,
      saved: true,
    });
    expect(store.getState().jobs[0].elapsedMs).toBeGreaterThanOrEqual(0);
    const saved = await persistence.loadAll();
    expect(saved.map((job) => [job.id, job.status, job.result?.svg])).toEqual([
      ['job-1', 'complete', '<svg/>'],
    ]);
  });

  it('fails one job with its typed code while the others carry on', async () => {
    const { runner, store } = setup();
    store.getState().addFiles([file('a.png'), file('b.png')]);
    runner.tasks.get('job-1')!.reject(new VectorizeError('CORRUPT', 'corrupt'));
    runner.tasks.get('job-2')!.resolve(result());
    await settle();
    const byName = Object.fromEntries(store.getState().jobs.map((job) => [job.name, job]));
    expect(byName['a.png']).toMatchObject({ status: 'failed', error: { code: 'CORRUPT' } });
    expect(byName['b.png'].status).toBe('complete');
  });

  it('cancels a running job and every unfinished job', async () => {
    const { runner, store } = setup();
    store.getState().addFiles([file('a.png'), file('b.png'), file('c.png')]);
    runner.tasks.get('job-3')!.resolve(result());
    await settle();
    store.getState().cancel('job-1');
    store.getState().cancelAll();
    await settle();
    const statuses = store.getState().jobs.map((job) => [job.id, job.status]);
    expect(statuses).toEqual([
      ['job-1', 'cancelled'],
      ['job-2', 'cancelled'],
      ['job-3', 'complete'],
    ]);
    expect(runner.cancelled).toEqual(['job-1', 'job-2']);
  });

  it('re-runs the selected job with new options, reusing its image key', async () => {
    const { runner, store } = setup();
    store.getState().addFiles([file()]);
    runner.tasks.get('job-1')!.resolve(result('<svg>1</svg>'));
    await settle();
    store.getState().setOptions({ preset: 'high' });
    await settle();
    const rerun = runner.tasks.get('job-1')!;
    expect(rerun.task.options).toEqual({ preset: 'high' });
    expect(rerun.task.imageKey).toBe('job-1');
    expect(store.getState().jobs[0].status).toBe('queued');
    rerun.resolve(result('<svg>2</svg>'));
    await settle();
    expect(store.getState().jobs[0].result?.svg).toBe('<svg>2</svg>');
  });

  it('shows the selected job’s options for editing', () => {
    const { store } = setup();
    store.getState().setOptions({ preset: 'ultra' });
    store.getState().addFiles([file('a.png')]);
    store.getState().setOptions({ preset: 'fast' });
    store.getState().addFiles([file('b.png')]);
    store.getState().select('job-1');
    expect(store.getState().options).toEqual({ preset: 'ultra' });
  });

  it('ignores the result of a run superseded by a re-run', async () => {
    const { runner, store } = setup();
    store.getState().addFiles([file()]);
    const first = runner.tasks.get('job-1')!;
    store.getState().rerun('job-1');
    expect(runner.cancelled).toEqual(['job-1']);
    runner.tasks.get('job-1')!.resolve(result('<svg>new</svg>'));
    first.resolve(result('<svg>old</svg>'));
    await settle();
    expect(store.getState().jobs[0]).toMatchObject({ status: 'complete' });
    expect(store.getState().jobs[0].result?.svg).toBe('<svg>new</svg>');
  });

  it('restores saved jobs after a reload and drops those past retention', async () => {
    let clock = Date.UTC(2026, 0, 1);
    const first = setup(() => clock);
    first.store.getState().addFiles([file('old.png')]);
    first.runner.tasks.get('job-1')!.resolve(result());
    await settle();
    clock += 3 * 24 * 3600 * 1000;
    first.store.getState().addFiles([file('new.png')]);
    first.runner.tasks.get('job-2')!.resolve(result());
    await settle();

    const reloaded = createJobsStore({
      runner: new ManualRunner(),
      persistence: first.persistence,
      settings: { ...defaultSettings(), retentionDays: 7 },
      now: () => clock,
    });
    await reloaded.getState().hydrate();
    expect(reloaded.getState().jobs.map((job) => job.name)).toEqual(['new.png', 'old.png']);

    clock += 5 * 24 * 3600 * 1000;
    const later = createJobsStore({
      runner: new ManualRunner(),
      persistence: first.persistence,
      settings: { ...defaultSettings(), retentionDays: 7 },
      now: () => clock,
    });
    await later.getState().hydrate();
    expect(later.getState().jobs.map((job) => job.name)).toEqual(['new.png']);
  });

  it('keeps the result in memory and says so when storage is full', async () => {
    const { runner, persistence, store } = setup();
    persistence.save = () =>
      Promise.reject(new VectorizeError('STORAGE_FULL', 'Browser storage is full'));
    store.getState().addFiles([file()]);
    runner.tasks.get('job-1')!.resolve(result());
    await settle();
    expect(store.getState().jobs[0]).toMatchObject({
      status: 'complete',
      storageError: { code: 'STORAGE_FULL' },
      saved: false,
    });
    expect(store.getState().jobs[0].result?.svg).toBe('<svg/>');
  });

  it('clears every job and the saved history', async () => {
    const { runner, persistence, store } = setup();
    store.getState().addFiles([file()]);
    runner.tasks.get('job-1')!.resolve(result());
    await settle();
    await store.getState().clearAll();
    expect(store.getState().jobs).toEqual([]);
    expect(await persistence.loadAll()).toEqual([]);
  });

  it('passes the concurrency setting to the runner', () => {
    const { runner, store } = setup();
    store.getState().updateSettings({ concurrency: 3 });
    expect(runner.concurrency).toBe(3);
  });
});
