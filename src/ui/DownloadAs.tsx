import { useId, useState } from 'react';
import { EXPORT_FORMATS, UNITS } from '../engine/export';
import { useJobs } from '../jobs/app-store';
import { SIZE_SIDES, followingSide, type ExportChoice, type SizeSide } from '../jobs/export-choice';
import type { Job } from '../jobs/job';
import { downloadAllAsZip, downloadExport } from './export-svg';
import { ErrorMessage } from './ErrorMessage';

const SIDE_LABELS: Record<SizeSide, string> = {
  original: 'Image size',
  width: 'Width',
  height: 'Height',
};

/** A number field that lets the user type freely and commits only positive numbers. */
function NumberField(props: {
  label: string;
  value: number;
  step?: number;
  onChange(value: number): void;
}) {
  const id = useId();
  // What the user is typing (possibly empty or not yet a number), until the field loses focus.
  const [draft, setDraft] = useState<string | undefined>(undefined);
  return (
    <div className="flex items-center gap-1">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        className="field w-24"
        min={0}
        step={props.step ?? 'any'}
        value={draft ?? String(props.value)}
        onChange={(event) => {
          setDraft(event.target.value);
          const value = event.target.valueAsNumber;
          if (Number.isFinite(value) && value > 0) props.onChange(value);
        }}
        onBlur={() => setDraft(undefined)}
      />
    </div>
  );
}

function Select<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  text?: (option: T) => string;
  onChange(value: T): void;
}) {
  const id = useId();
  return (
    <div className="flex items-center gap-1">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        className="field"
        value={props.value}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.text ? props.text(option) : option}
          </option>
        ))}
      </select>
    </div>
  );
}

const round = (value: number) => String(Math.round(value * 100) / 100);

/**
 * "Download as": the format and size for the selected result's download and for the ZIP of all
 * results (both offered here), remembered in settings. The export runs in a worker (PNG is drawn by the browser).
 */
export function DownloadAs({ job }: { job: Job | undefined }) {
  const choice = useJobs((state) => state.settings.exportChoice);
  const setChoice = useJobs((state) => state.setExportChoice);
  const exportJob = useJobs((state) => state.exportJob);
  const exportAll = useJobs((state) => state.exportAll);
  const finished = useJobs((state) => state.jobs.filter((candidate) => candidate.result).length);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const change = (changes: Partial<ExportChoice>) => setChoice({ ...choice, ...changes });
  const format = choice.format.toUpperCase();
  const stats = job?.result?.stats;
  const follows = stats && followingSide(choice, stats.width, stats.height);
  const usesDpi = choice.side === 'original' || choice.unit === 'px' || choice.format === 'png';

  const download = async () => {
    if (!job) return;
    setBusy(true);
    setNotice(`Exporting ${format}…`);
    const exported = await exportJob(job.id);
    setBusy(false);
    setNotice(exported ? `Saved ${downloadExport(exported)}` : '');
  };

  const downloadAll = async () => {
    setBusy(true);
    setNotice(`Exporting ${finished} results as ${format}…`);
    const exported = await exportAll();
    await downloadAllAsZip(exported);
    setBusy(false);
    setNotice(`Saved a ZIP of ${exported.length} ${format} files`);
  };

  return (
    <section aria-labelledby="download-as-heading" className="panel">
      <h2 id="download-as-heading" className="panel-title">
        Download as
      </h2>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <Select
          label="Format"
          value={choice.format}
          options={EXPORT_FORMATS}
          text={(option) => option.toUpperCase()}
          onChange={(value) => change({ format: value })}
        />
        <Select
          label="Size"
          value={choice.side}
          options={SIZE_SIDES}
          text={(option) => SIDE_LABELS[option]}
          onChange={(value) => change({ side: value })}
        />
        {choice.side !== 'original' && (
          <>
            <NumberField
              label={SIDE_LABELS[choice.side]}
              value={choice.length}
              onChange={(value) => change({ length: value })}
            />
            <Select
              label="Unit"
              value={choice.unit}
              options={UNITS}
              onChange={(value) => change({ unit: value })}
            />
          </>
        )}
        {choice.side === 'original' && (
          <NumberField
            label="Scale"
            value={choice.scale}
            onChange={(value) => change({ scale: value })}
          />
        )}
        {usesDpi && (
          <NumberField
            label="DPI"
            value={choice.dpi}
            onChange={(value) => change({ dpi: value })}
          />
        )}
      </div>
      {follows && (
        <p className="mt-1 text-xs opacity-75" data-testid="following-side">
          {SIDE_LABELS[follows.side]} follows the aspect: {round(follows.length)} {choice.unit}
        </p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!job?.result || busy}
          onClick={() => void download()}
        >
          Download as {format}
        </button>
        <button
          type="button"
          className="btn"
          disabled={finished === 0 || busy}
          onClick={() => void downloadAll()}
        >
          Download all as {format} (ZIP)
        </button>
        <span role="status" className="text-sm opacity-80">
          {notice}
        </span>
      </div>
      {job?.exportError && (
        <ErrorMessage
          as="p"
          error={job.exportError}
          className="mt-1 text-sm text-red-700 dark:text-red-300"
        />
      )}
    </section>
  );
}
