import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { VectorizeError, exportResult } from '../engine';
import { coreRasterizer } from '../engine/export/raster-scene';
import { loadEngine } from '../engine/test-support';
import type { PoolTask } from '../worker/pool';
import type { ExportRequest, JobResult } from '../worker/protocol';
import { DEFAULT_EXPORT_CHOICE, type ExportChoice } from './export-choice';
import { createIndexedDbPersistence } from './persistence';
import { defaultSettings, loadSettings } from './settings';
import type { StoreApi } from 'zustand/vanilla';
import { createJobsStore, type JobRunner, type JobsState, type JobsStoreDeps } from './store';
import { sampleAutoChoice } from '../engine/auto.test-support';

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
  analysed: string[] = [];
  analyse(request: { imageKey: string; svg: string }) {
    this.analysed.push(request.svg);
    return Promise.resolve({ shares: { '#ffffff': 1 }, fidelity: FIDELITY });
  }
  exports: ExportRequest[] = [];
  /**
   * What the pool's worker does: the engine's exporter, PNGs painted by the core (the pool's own
   * tests cover the trip).
   */
  exportFile(request: ExportRequest) {
    this.exports.push(request);
    return exportResult({ svg: request.svg }, request.format, {
      ...request.options,
      rasterize: coreRasterizer(loadEngine),
    });
  }
}

const FIDELITY = { meanDeltaE: 0.5, ssim: 0.99, width: 2, height: 2, heatmap: new Blob(['png']) };

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
      strokesLeftOut: 0,
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
function setup(now = () => Date.now(), defaultOptions?: JobsStoreDeps['defaultOptions']) {
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
    defaultOptions,
  });
  stores.push(store);
  return { runner, persistence, store };
}

const file = (name = 'logo.png') => new File(['pixels'], name, { type: 'image/png' });
const stores: StoreApi<JobsState>[] = [];
/**
 * Lets pending work run: the store's timers (re-run delay) and the saves, which go through
 * fake-indexeddb's own timers and, on a busy machine, may take longer than any fixed pause.
 * Waits at least 20 ms (after the 5 ms re-run timer), then until no finished job of any store
 * made here is still unsaved.
 */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  await vi.waitFor(
    () => {
      const unsaved = stores
        .flatMap((store) => store.getState().jobs)
        .filter(
          (job) =>
            (job.status === 'complete' || job.status === 'failed') &&
            !job.saved &&
            !job.storageError,
        );
      expect(unsaved.map((job) => job.name)).toEqual([]);
    },
    { timeout: 20_000, interval: 5 },
  );
}

/** A store with two jobs (job-1, job-2) that auto converted, with `{ mode: 'auto', colors: 8 }`. */
async function twoAutoConvertedJobs() {
  const { runner, store } = setup();
  store.getState().setOptions({ mode: 'auto', colors: 8 });
  store.getState().addFiles([file('a.png'), file('b.png')]);
  const auto = sampleAutoChoice();
  for (const id of ['job-1', 'job-2']) {
    const done = result();
    runner.tasks.get(id)!.resolve({ ...done, stats: { ...done.stats, auto } });
  }
  await settle();
  return { runner, store, auto };
}

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

  it('re-runs a job that auto converted with the settings of the kind chosen instead', async () => {
    const { runner, store } = await twoAutoConvertedJobs();
    store.getState().select('job-1');
    store.getState().overrideAuto('job-2', 'lineArt');
    expect(runner.tasks.get('job-2')!.task.options).toEqual({
      mode: 'bw',
      preset: 'balanced',
      colors: 8,
    });
    expect(store.getState().jobs.find((job) => job.id === 'job-2')!.status).toBe('queued');
    // The selected job's options (shown in the options panel) are not the overridden job's.
    expect(store.getState().options).toEqual({ mode: 'auto', colors: 8 });
    store.getState().overrideAuto('job-1', 'logo');
    expect(store.getState().options).toEqual({ mode: 'color', preset: 'balanced', colors: 8 });
    // A job that auto did not convert has nothing to override.
    store.getState().select(undefined);
    store.getState().setOptions({ mode: 'pixel' });
    store.getState().addFiles([file('c.png')]);
    runner.tasks.get('job-3')!.resolve(result());
    await settle();
    store.getState().overrideAuto('job-3', 'photo');
    expect(runner.tasks.get('job-3')!.task.options).toEqual({ mode: 'pixel' });
  });

  it('goes back to auto after an override: the options from before, and auto choosing again', async () => {
    const { runner, store, auto } = await twoAutoConvertedJobs();
    const job = (id: string) => store.getState().jobs.find((j) => j.id === id)!;
    store.getState().select('job-1');
    store.getState().overrideAuto('job-1', 'logo');
    expect(job('job-1').autoOverride).toEqual({
      detected: auto,
      chosen: 'logo',
      autoOptions: { mode: 'auto', colors: 8 },
    });
    runner.tasks.get('job-1')!.resolve(result());
    await settle();
    store.getState().backToAuto('job-1');
    expect(runner.tasks.get('job-1')!.task.options).toEqual({ mode: 'auto', colors: 8 });
    expect(job('job-1').autoOverride).toBeUndefined();
    expect(job('job-1').status).toBe('queued');
    expect(store.getState().options).toEqual({ mode: 'auto', colors: 8 });
    // Options set by hand after an override replace it: nothing is left to go back to.
    store.getState().overrideAuto('job-2', 'photo');
    store.getState().select('job-2');
    store.getState().setOptions({ mode: 'bw' });
    await vi.waitFor(() => expect(job('job-2').autoOverride).toBeUndefined());
    store.getState().backToAuto('job-2');
    expect(job('job-2').options).toEqual({ mode: 'bw' });
  });

  it('starts new files on the default options, and Reset goes back to them', async () => {
    const { runner, store } = setup(undefined, { mode: 'auto', preset: 'auto' });
    store.getState().addFiles([file('a.png')]);
    expect(runner.tasks.get('job-1')!.task.options).toEqual({ mode: 'auto', preset: 'auto' });
    store.getState().setOptions({ mode: 'bw' });
    store.getState().resetOptions();
    expect(store.getState().options).toEqual({ mode: 'auto', preset: 'auto' });
    store.getState().addFiles([file('b.png')]);
    expect(runner.tasks.get('job-2')!.task.options).toEqual({ mode: 'auto', preset: 'auto' });
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

  describe('Download as', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">' +
      '<path d="M0 0h40v20H0z" fill="#ff0000"/></svg>';
    const pdf85: ExportChoice = {
      ...DEFAULT_EXPORT_CHOICE,
      format: 'pdf',
      side: 'width',
      length: 85,
    };

    async function finished() {
      const context = setup();
      context.store.getState().addFiles([file()]);
      for (const entry of context.runner.tasks.values()) entry.resolve(result(svg));
      await settle();
      return context;
    }

    it('exports with the remembered choice and keeps the choice in settings', async () => {
      const { runner, store } = await finished();
      expect(store.getState().settings.exportChoice).toEqual(DEFAULT_EXPORT_CHOICE);
      store.getState().setExportChoice(pdf85);
      expect(store.getState().settings.exportChoice).toEqual(pdf85);
      const exported = await store.getState().exportJob('job-1');
      expect(runner.exports.map((request) => request.options)).toEqual([
        { width: '85mm', dpi: 96, title: 'logo.png' },
      ]);
      expect(exported?.file.extension).toBe('.pdf');
      expect(exported?.file.page.width).toBeCloseTo(240.94, 2);
      expect(exported?.job.id).toBe('job-1');
    });

    it('reads a saved choice back, and an invalid one as the defaults', () => {
      const storage = (value: unknown) =>
        ({ getItem: () => JSON.stringify({ exportChoice: value }) }) as unknown as Storage;
      expect(loadSettings(storage(pdf85)).exportChoice).toEqual(pdf85);
      expect(
        loadSettings(storage({ format: 'gif', side: 'width', length: -1, unit: 'mm', dpi: 300 }))
          .exportChoice,
      ).toEqual({ ...DEFAULT_EXPORT_CHOICE, side: 'width', dpi: 300 });
      expect(loadSettings(storage(undefined)).exportChoice).toEqual(DEFAULT_EXPORT_CHOICE);
    });

    it('hands PNGs to the runner like the other formats, at the scale asked', async () => {
      const { runner, store } = await finished();
      const png: ExportChoice = { ...DEFAULT_EXPORT_CHOICE, format: 'png', scale: 2 };
      const exported = await store.getState().exportJob('job-1', png);
      expect(runner.exports).toEqual([
        { svg, format: 'png', options: { scale: 2, dpi: 96, title: 'logo.png' } },
      ]);
      expect(exported?.file.pixels).toEqual({ width: 80, height: 40 });
      const data = Buffer.from(exported!.file.data);
      expect([data.readUInt32BE(16), data.readUInt32BE(20)]).toEqual([80, 40]); // IHDR
    });

    it('keeps a failed export’s typed error on the job until an export succeeds', async () => {
      const { store } = await finished();
      const huge: ExportChoice = {
        ...DEFAULT_EXPORT_CHOICE,
        format: 'png',
        dpi: 9000,
        side: 'width',
        length: 100,
        unit: 'in',
      };
      expect(await store.getState().exportJob('job-1', huge)).toBeUndefined();
      expect(store.getState().jobs[0].exportError).toMatchObject({ code: 'TOO_LARGE' });
      expect(store.getState().jobs[0].exportError?.option).toBe('maxPixels');
      await store.getState().exportJob('job-1', pdf85);
      expect(store.getState().jobs[0].exportError).toBeUndefined();
    });

    it('exports every finished job for the ZIP, leaving out failed jobs', async () => {
      const { runner, store } = setup();
      store.getState().addFiles([file('a.png'), file('b.png'), file('c.png')]);
      runner.tasks.get('job-1')!.resolve(result(svg));
      runner.tasks.get('job-2')!.reject(new VectorizeError('CORRUPT', 'corrupt'));
      runner.tasks.get('job-3')!.resolve(result(svg));
      await settle();
      const dxf: ExportChoice = { ...DEFAULT_EXPORT_CHOICE, format: 'dxf' };
      const all = await store.getState().exportAll(dxf);
      expect(all.map(({ job, file }) => [job.name, file.extension])).toEqual([
        ['a.png', '.dxf'],
        ['c.png', '.dxf'],
      ]);
    });
  });

  describe('palette edits', () => {
    const twoColours = () => {
      const svg =
        '<svg><path fill="#ffffff" d="M0 0h2v2h-2z"/><path fill="#ff0000" d="M0 0h1v1z"/></svg>';
      const done = result(svg);
      done.stats.palette = ['#FFFFFF', '#ff0000'];
      return done;
    };

    it('recolours by rewriting the fills (no new trace), saves it, and undoes and redoes it', async () => {
      const { runner, persistence, store } = setup();
      store.getState().addFiles([file()]);
      runner.tasks.get('job-1')!.resolve(twoColours());
      await settle();
      runner.tasks.clear();
      store.getState().recolour('job-1', '#ff0000', '#00FF00');
      expect(runner.tasks.size).toBe(0);
      expect(store.getState().jobs[0].result!.svg).toContain('fill="#00ff00"');
      await settle();
      const [saved] = await persistence.loadAll();
      expect(saved.result!.svg).toContain('fill="#00ff00"');
      expect(saved.paletteEdit!.at).toBe(1);
      store.getState().undoPaletteEdit('job-1');
      expect(store.getState().jobs[0].result!.svg).toContain('fill="#ff0000"');
      store.getState().redoPaletteEdit('job-1');
      expect(store.getState().jobs[0].result!.svg).toContain('fill="#00ff00"');
      await settle();
      store.getState().analyseJob('job-1');
      store.getState().analyseJob('job-1');
      await vi.waitFor(() =>
        expect(store.getState().analyses['job-1'].analysis).toEqual({
          shares: { '#ffffff': 1 },
          fidelity: FIDELITY,
        }),
      );
      expect(runner.analysed).toHaveLength(1);
    });

    it('removes a colour by tracing again with the palette fixed and a remap to transparent', async () => {
      const { runner, store } = setup();
      store.getState().addFiles([file()]);
      runner.tasks.get('job-1')!.resolve(twoColours());
      await settle();
      store.getState().removeColour('job-1', '#ffffff');
      expect(runner.tasks.get('job-1')!.task.options).toMatchObject({
        palette: ['#ffffff', '#ff0000'],
        paletteRemap: [{ from: '#ffffff', to: 'transparent' }],
      });
      runner.tasks.get('job-1')!.resolve(result('<svg><path fill="#ff0000" d="M0 0h1v1z"/></svg>'));
      await settle();
      store.getState().mergeColours('job-1', ['#ff0000']);
      store.getState().undoPaletteEdit('job-1');
      expect(runner.tasks.get('job-1')!.task.options).not.toHaveProperty('paletteRemap');
      store.getState().usePalette('job-1');
      expect(store.getState().options).toEqual({ palette: ['#ffffff', '#ff0000'] });
      runner.tasks.get('job-1')!.resolve(twoColours());
      await settle();
    });
  });
});
