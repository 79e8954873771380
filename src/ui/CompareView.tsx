import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { Job } from '../jobs/job';
import { HeatmapLegend } from './HeatmapLegend';
import { useAnalysis } from './use-analysis';
import { svgObjectUrl } from './svg-view';
import { objectUrl, recentObjectUrl } from './object-url';
import { MAX_SCALE, useZoomPan, type View } from './use-zoom-pan';

type Layout = 'split' | 'side-by-side';
type Background = 'checkerboard' | 'light' | 'dark';

const BACKGROUND_CLASS: Record<Background, string> = {
  checkerboard: 'checkerboard',
  light: 'bg-white',
  dark: 'bg-slate-900',
};

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(value: T): void;
}) {
  return (
    <fieldset className="flex items-center gap-1">
      <legend className="sr-only">{props.label}</legend>
      {props.options.map((option) => (
        <label key={option} className="chip">
          <input
            type="radio"
            className="sr-only"
            name={props.label}
            checked={props.value === option}
            onChange={() => props.onChange(option)}
          />
          {option}
        </label>
      ))}
    </fieldset>
  );
}

function Layer({
  view,
  children,
  style,
}: {
  view: View;
  children: ReactNode;
  style?: CSSProperties;
}) {
  return (
    <div className="pointer-events-none absolute inset-0" style={style}>
      <div
        className="absolute inset-0 origin-top-left"
        style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
      >
        {children}
      </div>
    </div>
  );
}

/** Input and SVG, side by side or under a split slider, with shared zoom and pan. */
export function CompareView({ job }: { job: Job }) {
  const [layout, setLayout] = useState<Layout>('split');
  const [background, setBackground] = useState<Background>('checkerboard');
  const [outline, setOutline] = useState(false);
  const [heatmap, setHeatmap] = useState(false);
  const analysis = useAnalysis(job, heatmap);
  const fidelity = heatmap ? analysis?.analysis?.fidelity : undefined;
  const heatmapUrl = recentObjectUrl(fidelity?.heatmap);
  const [split, setSplit] = useState(50);
  const viewport = useRef<HTMLDivElement>(null);
  const { view, onWheel, zoomBy, reset, pointerHandlers, onKeyDown } = useZoomPan(viewport);
  const keyboard = {
    tabIndex: 0,
    onKeyDown,
    'aria-label': 'Comparison: + and − zoom, 0 fits, arrow keys pan',
  };

  const svg = job.result?.svg;
  const svgUrl = useMemo(() => (svg ? svgObjectUrl(svg, outline) : undefined), [svg, outline]);
  const inputUrl = objectUrl(job.file);

  useEffect(() => {
    const element = viewport.current;
    element?.addEventListener('wheel', onWheel, { passive: false });
    return () => element?.removeEventListener('wheel', onWheel);
  }, [onWheel, layout]);

  const input = inputUrl && (
    <img
      src={inputUrl}
      alt={`Input: ${job.name}`}
      className="h-full w-full object-contain [image-rendering:pixelated]"
      draggable={false}
      decoding="async"
    />
  );
  const output = svgUrl ? (
    <>
      <img
        src={svgUrl}
        alt={`SVG result of ${job.name}`}
        className="h-full w-full object-contain"
        draggable={false}
        decoding="async"
      />
      {heatmapUrl && (
        <img
          src={heatmapUrl}
          alt={`Colour error heatmap of ${job.name}`}
          className="absolute inset-0 h-full w-full object-contain [image-rendering:pixelated]"
          draggable={false}
          data-testid="heatmap"
        />
      )}
    </>
  ) : (
    <p className="p-4 text-sm">
      {job.status === 'failed' ? 'No SVG: the job failed.' : 'Converting…'}
    </p>
  );

  const frame = `relative h-[55vh] min-h-64 touch-none overflow-hidden rounded-lg border border-slate-300 dark:border-slate-700 ${BACKGROUND_CLASS[background]} cursor-grab active:cursor-grabbing`;

  return (
    <section aria-label="Compare input and SVG" className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <Choice<Layout>
          label="Layout"
          value={layout}
          options={['split', 'side-by-side'] as const}
          onChange={setLayout}
        />
        <Choice<Background>
          label="Background"
          value={background}
          options={['checkerboard', 'light', 'dark'] as const}
          onChange={setBackground}
        />
        <label className="chip">
          <input type="checkbox" checked={outline} onChange={(e) => setOutline(e.target.checked)} />
          outline
        </label>
        <label className="chip">
          <input type="checkbox" checked={heatmap} onChange={(e) => setHeatmap(e.target.checked)} />
          error heatmap
        </label>
        <span className="flex items-center gap-1">
          <button
            type="button"
            className="btn"
            onClick={() => zoomBy(1 / 1.5)}
            aria-label="Zoom out"
          >
            −
          </button>
          <output className="w-16 text-center tabular-nums" aria-label="Zoom level">
            {Math.round(view.scale * 100)} %
          </output>
          <button
            type="button"
            className="btn"
            onClick={() => zoomBy(1.5)}
            aria-label="Zoom in"
            disabled={view.scale >= MAX_SCALE}
          >
            +
          </button>
          <button type="button" className="btn" onClick={reset}>
            Fit
          </button>
        </span>
      </div>
      {heatmap &&
        (fidelity && job.result ? (
          <HeatmapLegend
            fidelity={fidelity}
            imageWidth={job.result.stats.width}
            imageHeight={job.result.stats.height}
          />
        ) : (
          <p role="status" className="text-xs">
            {analysis?.error
              ? `No heatmap: ${analysis.error.message}`
              : job.result
                ? 'Measuring the colour error…'
                : 'The heatmap shows once the SVG is ready.'}
          </p>
        ))}
      {layout === 'split' ? (
        <div
          ref={viewport}
          className={frame}
          {...pointerHandlers}
          {...keyboard}
          data-testid="compare-viewport"
        >
          <Layer view={view}>{input}</Layer>
          <Layer view={view} style={{ clipPath: `inset(0 0 0 ${split}%)` }}>
            {output}
          </Layer>
          <div
            className="pointer-events-none absolute inset-y-0 w-0.5 bg-sky-500 shadow"
            style={{ left: `${split}%` }}
          />
          <span className="pointer-events-none absolute top-2 left-2 rounded bg-slate-900/70 px-2 py-0.5 text-xs text-white">
            Input
          </span>
          <span className="pointer-events-none absolute top-2 right-2 rounded bg-slate-900/70 px-2 py-0.5 text-xs text-white">
            SVG
          </span>
          <input
            type="range"
            min={0}
            max={100}
            value={split}
            onChange={(event) => setSplit(Number(event.target.value))}
            aria-label="Split position: input on the left, SVG on the right"
            data-no-pan
            className="absolute bottom-2 left-1/2 w-1/2 -translate-x-1/2"
          />
        </div>
      ) : (
        <div
          ref={viewport}
          className="grid grid-cols-2 gap-2"
          {...pointerHandlers}
          {...keyboard}
          data-testid="compare-viewport"
        >
          <div className={frame}>
            <Layer view={view}>{input}</Layer>
          </div>
          <div className={frame}>
            <Layer view={view}>{output}</Layer>
          </div>
        </div>
      )}
    </section>
  );
}
