import { useMemo, useRef } from 'react';
import { useJobs } from '../jobs/app-store';
import { ACCEPT_ATTRIBUTE } from '../worker/file-type';
import { CompareView } from './CompareView';
import { DownloadAs } from './DownloadAs';
import { ErrorBoundary } from './ErrorBoundary';
import { DownloadAllButton } from './DownloadAllButton';
import { downloadSvg } from './export-svg';
import { JobList } from './JobList';
import { OptionsPanel } from './OptionsPanel';
import { PaletteEditor } from './palette/PaletteEditor';
import { ResultActions } from './ResultActions';
import { SampleImages } from './SampleImages';
import { SettingsPanel } from './SettingsPanel';
import { StatsPanel } from './StatsPanel';
import { UpdateBanner } from './UpdateBanner';
import { useFileIntake } from './use-file-intake';
import { useShortcuts } from './use-shortcuts';

export function App() {
  const addFiles = useJobs((state) => state.addFiles);
  const jobs = useJobs((state) => state.jobs);
  const selected = useJobs((state) => state.jobs.find((job) => job.id === state.selectedId));
  const cancelAll = useJobs((state) => state.cancelAll);
  const undo = useJobs((state) => state.undoPaletteEdit);
  const redo = useJobs((state) => state.redoPaletteEdit);
  const picker = useRef<HTMLInputElement>(null);
  const dragging = useFileIntake(addFiles);
  const shortcuts = useMemo(
    () => ({
      open: () => picker.current?.click(),
      download: () => {
        if (selected) downloadSvg(selected);
      },
      undo: () => {
        if (selected) undo(selected.id);
      },
      redo: () => {
        if (selected) redo(selected.id);
      },
    }),
    [selected, undo, redo],
  );
  useShortcuts(shortcuts);
  const finished = jobs.filter((job) => job.result).length;
  const running = jobs.some((job) => job.status === 'queued' || job.status === 'processing');

  return (
    <div className="mx-auto flex min-h-screen max-w-7xl flex-col gap-4 p-3 sm:p-6">
      <UpdateBanner />
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">Vectorizer</h1>
          <p className="text-sm opacity-75">
            Drop, paste or pick images; get SVGs. Everything runs in your browser — nothing is
            uploaded.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="button" className="btn btn-primary" onClick={() => picker.current?.click()}>
            Open images… <kbd className="ml-1 text-xs">Ctrl+O</kbd>
          </button>
          <input
            ref={picker}
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            className="sr-only"
            aria-label="Choose images to convert"
            onChange={(event) => {
              addFiles(Array.from(event.target.files ?? []));
              event.target.value = '';
            }}
          />
          <DownloadAllButton />
          <button type="button" className="btn" disabled={!running} onClick={cancelAll}>
            Cancel all
          </button>
        </div>
      </header>
      <SampleImages onFiles={addFiles} />
      <main className="grid gap-4 lg:grid-cols-[20rem_1fr_18rem]">
        <div className="order-2 lg:order-1">
          <ErrorBoundary area="the job list">
            <JobList />
          </ErrorBoundary>
          {jobs.length === 0 && (
            <p className="rounded-lg border-2 border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
              Drop images anywhere on this page, paste one with Ctrl+V, or use “Open images…”. PNG,
              JPEG, WebP, GIF, BMP and AVIF.
            </p>
          )}
        </div>
        <div className="order-1 flex min-w-0 flex-col gap-3 lg:order-2">
          <ErrorBoundary area="the compare view">
            {selected ? (
              <>
                <h2 className="truncate font-semibold">{selected.name}</h2>
                <CompareView job={selected} />
                {selected.result && <ResultActions job={selected} />}
                {selected.error && (
                  <p role="alert" className="text-sm text-red-700 dark:text-red-300">
                    {selected.error.message} ({selected.error.code})
                  </p>
                )}
              </>
            ) : (
              <p className="text-sm opacity-70">Select a job to compare the input and the SVG.</p>
            )}
            {finished > 0 && <DownloadAs job={selected?.result ? selected : undefined} />}
          </ErrorBoundary>
        </div>
        <aside className="order-3 flex flex-col gap-4">
          <ErrorBoundary area="the result">
            {selected?.result && <StatsPanel job={selected} stats={selected.result.stats} />}
            {selected?.result && <PaletteEditor job={selected} />}
          </ErrorBoundary>
          <ErrorBoundary area="the options">
            <OptionsPanel />
          </ErrorBoundary>
          <ErrorBoundary area="the settings">
            <SettingsPanel />
          </ErrorBoundary>
        </aside>
      </main>
      <p className="text-xs opacity-60">
        Shortcuts: Ctrl/Cmd+O open, Ctrl/Cmd+V paste, Ctrl/Cmd+S download the selected SVG,
        Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z undo and redo palette edits.
      </p>
      {dragging && (
        <div
          className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center border-4 border-dashed border-sky-500 bg-sky-500/20 text-2xl font-semibold backdrop-blur-sm"
          role="status"
          data-testid="drop-overlay"
        >
          Drop images to convert them
        </div>
      )}
    </div>
  );
}
