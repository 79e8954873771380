/**
 * The jobs store (zustand): every file is a job that moves queued → processing → complete |
 * failed | cancelled. The store hands jobs to a runner (the worker pool), keeps progress, saves
 * finished jobs and applies retention. UI components read and call only this.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  MAX_PALETTE,
  REMAP_TRANSPARENT,
  toVectorizeError,
  type ErrorInfo,
  type ExportedFile,
  type ImageKind,
  type VectorizeOptionsInput,
} from '../engine';
import type { PoolSettings, PoolTask } from '../worker/pool';
import type { AnalyseRequest, ExportRequest, JobAnalysis, JobResult } from '../worker/protocol';
import { overriddenOptions } from './auto-override';
import { exportOptionsFor, type ExportChoice } from './export-choice';
import { isFinished, type Job } from './job';
import {
  addStep,
  canRedo,
  canUndo,
  currentColours,
  currentMap,
  fillChanges,
  rewriteColours,
  startEdit,
  svgColours,
  tracedOptions,
  type PaletteEdit,
} from './palette-edit';
import type { JobPersistence } from './persistence';
import { saveSettings, type Settings } from './settings';

export interface JobRunner {
  run(task: PoolTask): Promise<JobResult>;
  cancel(id: string): void;
  configure(settings: Partial<PoolSettings>): void;
  exportFile(request: ExportRequest): Promise<ExportedFile>;
  analyse(request: AnalyseRequest): Promise<JobAnalysis>;
}

/** A job's analysis (worker render vs input) for the SVG it was made from; kept in memory only. */
export interface AnalysisState {
  svg: string;
  analysis?: JobAnalysis;
  error?: ErrorInfo;
}

/** One finished job's result as a file of the chosen format. */
export interface JobExport {
  job: Job;
  file: ExportedFile;
}

export interface JobsState {
  jobs: Job[];
  selectedId: string | undefined;
  /** Options for new files and for re-runs of the selected job. */
  options: VectorizeOptionsInput;
  settings: Settings;
  /** False until saved jobs have been loaded. */
  hydrated: boolean;
  /** Job id → its latest analysis (palette shares, fidelity), made on request. */
  analyses: Record<string, AnalysisState>;
  /** Analyses the job's current SVG in a worker, unless that is done or under way. */
  analyseJob(id: string): void;
  addFiles(files: File[]): void;
  select(id: string | undefined): void;
  setOptions(options: VectorizeOptionsInput): void;
  /** Back to the default options (`JobsStoreDeps.defaultOptions`). */
  resetOptions(): void;
  rerun(id: string): void;
  /** Re-runs a job that auto converted with the settings of another kind of image. */
  overrideAuto(id: string, kind: ImageKind): void;
  /** Undoes `overrideAuto`: the job's options from before, and auto chooses again. */
  backToAuto(id: string): void;
  cancel(id: string): void;
  cancelAll(): void;
  remove(id: string): void;
  clearAll(): Promise<void>;
  updateSettings(settings: Partial<Settings>): void;
  /** Remembers the "Download as" format and size (in settings). */
  setExportChoice(choice: ExportChoice): void;
  /**
   * The job's result in the chosen format (default: the remembered choice), exported in a
   * worker (PNGs painted there by the core). A failure is kept on the job (`exportError`) and
   * gives undefined.
   */
  exportJob(id: string, choice?: ExportChoice): Promise<JobExport | undefined>;
  /** Every finished job exported in the chosen format; the ones that failed are left out. */
  exportAll(choice?: ExportChoice): Promise<JobExport[]>;
  hydrate(): Promise<void>;
  /** Palette edits of a finished job: a recolour rewrites the fills, without tracing again. */
  recolour(id: string, from: string, to: string): void;
  /** Merges the colours into the first of them (traced again with the palette fixed). */
  mergeColours(id: string, colours: readonly string[]): void;
  /** Makes a colour's shapes transparent (traced again with the palette fixed). */
  removeColour(id: string, colour: string): void;
  undoPaletteEdit(id: string): void;
  redoPaletteEdit(id: string): void;
  /** Fixes the job's current palette in the options of the next jobs (no re-run). */
  usePalette(id: string): void;
}

export interface JobsStoreDeps {
  runner: JobRunner;
  persistence: JobPersistence;
  settings: Settings;
  /** Called when a run starts processing (telemetry). */
  onJobStarted?: (job: Job) => void;
  /** Called once per finished job (telemetry). */
  onJobFinished?: (job: Job) => void;
  /** Options for new files when the app starts and after "Reset" (default: the engine's). */
  defaultOptions?: VectorizeOptionsInput;
  rerunDelayMs?: number;
  now?: () => number;
  newId?: () => string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function createJobsStore(deps: JobsStoreDeps): StoreApi<JobsState> {
  const { runner, persistence } = deps;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const rerunDelayMs = deps.rerunDelayMs ?? 300;
  /** Run generation per job: results of a superseded run are ignored. */
  const generations = new Map<string, number>();
  let rerunTimer: ReturnType<typeof setTimeout> | undefined;

  runner.configure({
    concurrency: deps.settings.concurrency,
    watchdogMs: deps.settings.watchdogSeconds * 1000,
  });

  return createStore<JobsState>()((set, get) => {
    const patch = (id: string, changes: Partial<Job>) =>
      set((state) => ({
        jobs: state.jobs.map((job) => (job.id === id ? { ...job, ...changes } : job)),
      }));
    const find = (id: string) => get().jobs.find((job) => job.id === id);
    /** Re-runs a job with new options; the options panel follows when it shows that job. */
    const rerunWith = (id: string, options: VectorizeOptionsInput) => {
      patch(id, { options });
      if (get().selectedId === id) {
        clearTimeout(rerunTimer);
        set({ options });
      }
      get().rerun(id);
    };

    const persist = async (job: Job) => {
      try {
        await persistence.save(job);
        const stored = find(job.id);
        if (stored?.result === job.result && stored?.paletteEdit === job.paletteEdit)
          patch(job.id, { saved: true });
      } catch (error) {
        if (find(job.id)) patch(job.id, { storageError: toVectorizeError(error).toInfo() });
      }
    };

    const finish = async (id: string, changes: Partial<Job>) => {
      const job = find(id);
      if (!job) return;
      const elapsedMs = job.startedAt === undefined ? undefined : now() - job.startedAt;
      patch(id, { ...changes, elapsedMs, storageError: undefined, saved: false });
      const finished = find(id)!;
      deps.onJobFinished?.(finished);
      if (finished.status !== 'cancelled') await persist(finished);
    };

    /** Shows the edit's current map: a fill rewrite when it can, a new trace otherwise. */
    const showEdit = (id: string, edit: PaletteEdit) => {
      const job = find(id);
      if (!job?.result) return;
      const before = job.paletteEdit ?? startEdit(edit.original);
      const changes = fillChanges(currentMap(before), currentMap(edit));
      if (!changes || !isFinished(job)) {
        patch(id, { paletteEdit: edit });
        get().rerun(id);
        return;
      }
      const { svg, stats } = job.result;
      patch(id, {
        paletteEdit: edit,
        saved: false,
        result: {
          ...job.result,
          svg: rewriteColours(svg, changes),
          stats: { ...stats, palette: currentColours(edit) },
        },
      });
      void persist(find(id)!);
    };

    /** A new edit step of a finished job: the colours in `from` become `to`. */
    const edit = (id: string, from: readonly string[], to: string) => {
      const job = find(id);
      if (!job?.result || from.length === 0) return;
      const base = job.paletteEdit ?? startEdit(svgColours(job.result.svg));
      if (base.original.length > MAX_PALETTE) return;
      showEdit(id, addStep(base, from, to));
    };

    const start = (id: string) => {
      const job = find(id);
      if (!job) return;
      const generation = (generations.get(id) ?? 0) + 1;
      generations.set(id, generation);
      const current = () => generations.get(id) === generation && find(id) !== undefined;
      patch(id, {
        status: 'queued',
        progress: 0,
        stage: undefined,
        startedAt: undefined,
        elapsedMs: undefined,
        error: undefined,
      });
      runner
        .run({
          id,
          imageKey: id,
          file: job.file,
          options: tracedOptions(job.options, job.paletteEdit),
          onStart: () => {
            if (!current()) return;
            patch(id, { status: 'processing', startedAt: now() });
            deps.onJobStarted?.(find(id)!);
          },
          onProgress: ({ stage, overall }) => {
            if (current()) patch(id, { stage, progress: overall });
          },
        })
        .then(
          (result) => {
            if (current()) void finish(id, { status: 'complete', progress: 1, result });
          },
          (error: unknown) => {
            if (!current()) return;
            const jobError = toVectorizeError(error).toInfo();
            void finish(
              id,
              jobError.code === 'CANCELLED'
                ? { status: 'cancelled' }
                : { status: 'failed', error: jobError },
            );
          },
        );
    };

    return {
      jobs: [],
      selectedId: undefined,
      options: deps.defaultOptions ?? {},
      settings: deps.settings,
      hydrated: false,
      analyses: {},

      analyseJob(id) {
        const job = find(id);
        const svg = job?.result?.svg;
        if (!job || !svg || get().analyses[id]?.svg === svg) return;
        const update = (state: AnalysisState) => {
          if (find(id)?.result?.svg === svg)
            set((current) => ({ analyses: { ...current.analyses, [id]: state } }));
        };
        update({ svg });
        runner.analyse({ imageKey: id, file: job.file, svg }).then(
          (analysis) => update({ svg, analysis }),
          (error: unknown) => update({ svg, error: toVectorizeError(error).toInfo() }),
        );
      },

      addFiles(files) {
        const created = files.map((file): Job => ({
          id: newId(),
          name: file.name || 'pasted-image.png',
          file,
          options: get().options,
          status: 'queued',
          progress: 0,
          stage: undefined,
          createdAt: now(),
          startedAt: undefined,
          elapsedMs: undefined,
          result: undefined,
          error: undefined,
          storageError: undefined,
          saved: false,
        }));
        if (created.length === 0) return;
        set((state) => ({
          jobs: [...created, ...state.jobs],
          selectedId: created[0].id,
        }));
        for (const job of created) start(job.id);
      },

      select(id) {
        // The options panel shows (and edits) the selected job's options.
        set({ selectedId: id, options: (id && find(id)?.options) || get().options });
      },

      setOptions(options) {
        set({ options });
        const id = get().selectedId;
        clearTimeout(rerunTimer);
        if (!id) return;
        rerunTimer = setTimeout(() => {
          // Options set by hand replace an override: there is no auto choice left to go back to.
          patch(id, { options: get().options, autoOverride: undefined });
          get().rerun(id);
        }, rerunDelayMs);
      },

      resetOptions() {
        get().setOptions(deps.defaultOptions ?? {});
      },

      rerun(id) {
        const job = find(id);
        if (!job) return;
        if (!isFinished(job)) runner.cancel(id);
        start(id);
      },

      overrideAuto(id, kind) {
        const job = find(id);
        const detected = job?.result?.stats.auto;
        if (!job || !detected) return;
        const options = overriddenOptions(job.options, detected, kind);
        patch(id, { autoOverride: { detected, chosen: kind, autoOptions: job.options } });
        rerunWith(id, options);
      },

      backToAuto(id) {
        const override = find(id)?.autoOverride;
        if (!override) return;
        patch(id, { autoOverride: undefined });
        rerunWith(id, override.autoOptions);
      },

      cancel(id) {
        const job = find(id);
        if (!job || isFinished(job)) return;
        // The run's own rejection arrives later and is ignored (superseded generation).
        generations.set(id, (generations.get(id) ?? 0) + 1);
        runner.cancel(id);
        void finish(id, { status: 'cancelled' });
      },

      cancelAll() {
        for (const job of get().jobs) get().cancel(job.id);
      },

      remove(id) {
        get().cancel(id);
        generations.delete(id);
        set((state) => ({
          jobs: state.jobs.filter((job) => job.id !== id),
          selectedId: state.selectedId === id ? undefined : state.selectedId,
        }));
        void persistence.remove(id);
      },

      async clearAll() {
        get().cancelAll();
        generations.clear();
        set({ jobs: [], selectedId: undefined });
        await persistence.clear();
      },

      updateSettings(changes) {
        const settings = { ...get().settings, ...changes };
        set({ settings });
        saveSettings(settings);
        runner.configure({
          concurrency: settings.concurrency,
          watchdogMs: settings.watchdogSeconds * 1000,
        });
        if (changes.retentionDays !== undefined) void applyRetention();
      },

      setExportChoice(choice) {
        get().updateSettings({ exportChoice: choice });
      },

      async exportJob(id, choice = get().settings.exportChoice) {
        const job = find(id);
        if (!job?.result) return undefined;
        try {
          const file = await runner.exportFile({
            svg: job.result.svg,
            format: choice.format,
            options: { ...exportOptionsFor(choice), title: job.name },
          });
          if (find(id)) patch(id, { exportError: undefined });
          return { job: find(id) ?? job, file };
        } catch (error) {
          if (find(id)) patch(id, { exportError: toVectorizeError(error).toInfo() });
          return undefined;
        }
      },

      async exportAll(choice = get().settings.exportChoice) {
        const done = get().jobs.filter((job) => job.result);
        const exported = await Promise.all(done.map((job) => get().exportJob(job.id, choice)));
        return exported.filter((entry): entry is JobExport => entry !== undefined);
      },

      recolour(id, from, to) {
        edit(id, [from], to.toLowerCase());
      },

      mergeColours(id, colours) {
        if (colours.length >= 2) edit(id, colours, colours[0]);
      },

      removeColour(id, colour) {
        edit(id, [colour], REMAP_TRANSPARENT);
      },

      undoPaletteEdit(id) {
        const paletteEdit = find(id)?.paletteEdit;
        if (paletteEdit && canUndo(paletteEdit))
          showEdit(id, { ...paletteEdit, at: paletteEdit.at - 1 });
      },

      redoPaletteEdit(id) {
        const paletteEdit = find(id)?.paletteEdit;
        if (paletteEdit && canRedo(paletteEdit))
          showEdit(id, { ...paletteEdit, at: paletteEdit.at + 1 });
      },

      usePalette(id) {
        const job = find(id);
        if (!job?.result) return;
        const palette = job.paletteEdit
          ? currentColours(job.paletteEdit)
          : svgColours(job.result.svg);
        if (palette.length > 0 && palette.length <= MAX_PALETTE)
          set({ options: { ...get().options, palette } });
      },

      async hydrate() {
        try {
          await applyRetention();
          const stored = await persistence.loadAll();
          const known = new Set(get().jobs.map((job) => job.id));
          const restored = stored
            .filter((job) => !known.has(job.id))
            .map((job): Job => ({
              ...job,
              progress: 1,
              stage: undefined,
              storageError: undefined,
              saved: true,
            }))
            .reverse();
          set((state) => ({ jobs: [...state.jobs, ...restored] }));
        } catch (error) {
          console.warn(
            'Saved results could not be loaded:',
            toVectorizeError(error).toInfo().message,
          );
        } finally {
          set({ hydrated: true });
        }
      },
    };

    async function applyRetention() {
      const cutoff = now() - get().settings.retentionDays * DAY_MS;
      const removed = new Set(await persistence.removeOlderThan(cutoff));
      if (removed.size > 0)
        set((state) => ({ jobs: state.jobs.filter((job) => !removed.has(job.id)) }));
    }
  });
}
