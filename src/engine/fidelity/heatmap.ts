/**
 * The colour-error heatmap: each pixel's ΔE00 painted on a dark-to-bright scale (after the
 * "inferno" colour map), so that small errors stay dark and visible ones glow. The legend and
 * the painting read the same stops; errors of 10 and more share the brightest colour. A map is
 * made at most `HEATMAP_MAX_SIDE` pixels on its long side.
 */

export interface HeatmapStop {
  deltaE: number;
  /** `#rrggbb` */
  colour: string;
  /** What the legend prints under the colour. */
  label: string;
}

export const HEATMAP_STOPS: readonly HeatmapStop[] = [
  { deltaE: 0, colour: '#000004', label: '0' },
  { deltaE: 1, colour: '#420a68', label: '1' },
  { deltaE: 2, colour: '#932667', label: '2' },
  { deltaE: 5, colour: '#dd513a', label: '5' },
  { deltaE: 10, colour: '#fcffa4', label: '≥10' },
];

/** Longest side of a heatmap, in pixels: larger images are measured at this size. */
export const HEATMAP_MAX_SIDE = 2048;

/** Steps per ΔE00 unit of the colour table the painting looks up. */
const STEPS_PER_UNIT = 20;
const TOP = HEATMAP_STOPS[HEATMAP_STOPS.length - 1].deltaE;

const rgbOf = (hex: string) => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));

/** The scale's colour for one ΔE00, as [r, g, b]: linear between the stops, clamped at both ends. */
export function heatmapColour(deltaE: number): [number, number, number] {
  const value = Math.min(TOP, Math.max(0, deltaE));
  let upper = HEATMAP_STOPS.findIndex((stop) => stop.deltaE >= value);
  if (upper <= 0) upper = 1;
  const low = HEATMAP_STOPS[upper - 1];
  const high = HEATMAP_STOPS[upper];
  const t = (value - low.deltaE) / (high.deltaE - low.deltaE);
  const [a, b] = [rgbOf(low.colour), rgbOf(high.colour)];
  return [0, 1, 2].map((c) => Math.round(a[c] + (b[c] - a[c]) * t)) as [number, number, number];
}

const TABLE = Array.from({ length: TOP * STEPS_PER_UNIT + 1 }, (_, i) =>
  heatmapColour(i / STEPS_PER_UNIT),
);

/** Opaque RGBA of a ΔE00 map (one value per pixel, row-major), to the nearest 1/20 ΔE00. */
export function heatmapPixels(errorMap: Float32Array): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(errorMap.length * 4);
  for (let i = 0; i < errorMap.length; i++) {
    const step = Math.round(Math.min(TOP, Math.max(0, errorMap[i])) * STEPS_PER_UNIT);
    const [r, g, b] = TABLE[step];
    out[i * 4] = r;
    out[i * 4 + 1] = g;
    out[i * 4 + 2] = b;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** The size a heatmap of a `width`×`height` image is made at: the image's, or bounded. */
export function heatmapSize(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, HEATMAP_MAX_SIDE / Math.max(width, height));
  return {
    width: Math.max(1, Math.round(width * scale)),
    height: Math.max(1, Math.round(height * scale)),
  };
}
