import { useMemo, useState } from 'react';
import { MAX_PALETTE } from '../../engine';
import { useJobs } from '../../jobs/app-store';
import { isFinished, type Job } from '../../jobs/job';
import { canRedo, canUndo, svgColours } from '../../jobs/palette-edit';
import { useAnalysis, useIdle } from '../use-analysis';
import { RecolourForm } from './RecolourForm';

const percent = (share: number) => `${share < 0.01 ? '<1' : Math.round(share * 100)} %`;

/**
 * The result's palette as swatches: select one to recolour or remove it (its shapes become
 * transparent), two or more to merge them; undo and redo; "Use this palette" fixes it for the
 * next jobs. Each swatch's share of the painted pixels comes from the worker's render, made
 * once no conversion is waiting.
 */
export function PaletteEditor({ job }: { job: Job }) {
  const svg = job.result?.svg ?? '';
  const colours = useMemo(() => svgColours(svg), [svg]);
  const [picked, setPicked] = useState<string[]>([]);
  const selected = picked.filter((colour) => colours.includes(colour));
  const actions = {
    recolour: useJobs((state) => state.recolour),
    mergeColours: useJobs((state) => state.mergeColours),
    removeColour: useJobs((state) => state.removeColour),
    undoPaletteEdit: useJobs((state) => state.undoPaletteEdit),
    redoPaletteEdit: useJobs((state) => state.redoPaletteEdit),
    usePalette: useJobs((state) => state.usePalette),
  };
  const busy = !isFinished(job);
  const [notice, setNotice] = useState('');
  const shares = useAnalysis(job, useIdle())?.analysis?.shares;

  const toggle = (colour: string) =>
    setPicked(
      selected.includes(colour) ? selected.filter((c) => c !== colour) : [...selected, colour],
    );
  const after = (text: string, action: () => void) => {
    action();
    setPicked([]);
    setNotice(text);
  };

  return (
    <section aria-labelledby="palette-heading" className="panel">
      <div className="flex items-center justify-between gap-2">
        <h2 id="palette-heading" className="panel-title">
          Palette
        </h2>
        <span className="flex gap-1">
          <button
            type="button"
            className="btn"
            disabled={!canUndo(job.paletteEdit)}
            aria-keyshortcuts="Control+Z"
            onClick={() => actions.undoPaletteEdit(job.id)}
          >
            Undo
          </button>
          <button
            type="button"
            className="btn"
            disabled={!canRedo(job.paletteEdit)}
            aria-keyshortcuts="Control+Shift+Z"
            onClick={() => actions.redoPaletteEdit(job.id)}
          >
            Redo
          </button>
        </span>
      </div>
      {colours.length > MAX_PALETTE && (
        <p className="text-sm">
          This result has {colours.length} colours; palette editing takes up to {MAX_PALETTE}. Lower
          “Colours” in the options to edit it.
        </p>
      )}
      <ul
        className="flex flex-wrap gap-1.5"
        aria-label={`Palette, ${colours.length} colours`}
        data-testid="palette"
      >
        {colours.slice(0, MAX_PALETTE).map((colour) => {
          const share = shares?.[colour];
          const label = share === undefined ? colour : `${colour}, ${percent(share)}`;
          return (
            <li key={colour}>
              <button
                type="button"
                aria-pressed={selected.includes(colour)}
                aria-label={label}
                title={label}
                className="flex flex-col items-center rounded-md border border-slate-300 p-0.5 text-[0.65rem] tabular-nums aria-pressed:border-sky-600 aria-pressed:ring-2 aria-pressed:ring-sky-600 dark:border-slate-600"
                onClick={() => toggle(colour)}
              >
                <span
                  className="block h-7 w-7 rounded border border-slate-400/50"
                  style={{ background: colour }}
                />
                {share !== undefined && <span aria-hidden="true">{percent(share)}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      {selected.length === 1 && (
        <RecolourForm
          key={selected[0]}
          colour={selected[0]}
          onRecolour={(colour) =>
            after(`Recoloured ${selected[0]} to ${colour}`, () =>
              actions.recolour(job.id, selected[0], colour),
            )
          }
        />
      )}
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          className="btn"
          disabled={busy || selected.length < 2}
          onClick={() =>
            after(`Merging ${selected.length} colours…`, () =>
              actions.mergeColours(job.id, selected),
            )
          }
        >
          Merge
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || selected.length !== 1}
          title="Its shapes become transparent"
          onClick={() =>
            after(`Removing ${selected[0]}…`, () => actions.removeColour(job.id, selected[0]))
          }
        >
          Remove colour
        </button>
        <button
          type="button"
          className="btn"
          disabled={colours.length === 0}
          title="Fixes this palette in the options of the next jobs"
          onClick={() => after('The next jobs use this palette', () => actions.usePalette(job.id))}
        >
          Use this palette
        </button>
      </div>
      <p role="status" className="mt-1 text-xs opacity-80">
        {busy ? 'Tracing again with the palette fixed…' : notice}
      </p>
    </section>
  );
}
