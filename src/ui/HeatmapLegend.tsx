import { HEATMAP_STOPS } from '../engine/fidelity';
import type { JobFidelity } from '../worker/protocol';

const GRADIENT = `linear-gradient(to right, ${HEATMAP_STOPS.map(
  (stop, i) => `${stop.colour} ${(i / (HEATMAP_STOPS.length - 1)) * 100}%`,
).join(', ')})`;

/**
 * The heatmap's scale: each stop's colour with its ΔE00 under it (the bar is evenly spaced by
 * stop, not by value), and the size the map was measured at when that is not the image's.
 */
export function HeatmapLegend({
  fidelity,
  imageWidth,
  imageHeight,
}: {
  fidelity: JobFidelity;
  imageWidth: number;
  imageHeight: number;
}) {
  const bounded = fidelity.width !== imageWidth || fidelity.height !== imageHeight;
  return (
    <figure
      aria-labelledby="heatmap-legend-title"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs"
      data-testid="heatmap-legend"
    >
      <figcaption id="heatmap-legend-title" className="font-medium">
        Colour error (ΔE00)
      </figcaption>
      <div className="flex w-56 flex-col">
        <div className="h-3 rounded" style={{ backgroundImage: GRADIENT }} aria-hidden />
        <ol className="flex justify-between tabular-nums" aria-label="Scale">
          {HEATMAP_STOPS.map((stop) => (
            <li key={stop.label} className="flex items-center gap-1">
              <span
                className="inline-block h-2 w-2 rounded-full border border-slate-400"
                style={{ backgroundColor: stop.colour }}
                aria-hidden
              />
              {stop.label}
            </li>
          ))}
        </ol>
      </div>
      <span>dark: as the input; 2: just noticeable; bright: clearly different</span>
      {bounded && (
        <span>
          measured at {fidelity.width} × {fidelity.height} px
        </span>
      )}
    </figure>
  );
}
