/** Per-category medians of benchmark results and the targets for our balanced preset. */

export interface Measured {
  /** Median conversion time, decoding excluded. */
  ms: number;
  /** How many timed runs the median is of. */
  runs: number;
  bytes: number;
  gzip: number;
  paths: number;
  ssim: number;
  psnr: number;
  /** Seam leakage, % of input-opaque pixels. */
  seams: number;
  /** Mean CIEDE2000 of the render against the input, both over white. */
  deltaE: number;
  /** Flat-area loss, % of the input's flat pixels rendered more than ΔE00 3 off. */
  flatLoss: number;
  /** How many input pixels are flat. */
  flatPixels: number;
  /** Against the ground-truth SVG at 4× (lib/vector-fidelity.ts); NaN without one. */
  ssim4x: number;
  psnr4x: number;
}

export type Result = { tracer: string; category: string; image: string } & (
  { measured: Measured } | { error: string }
);

export interface Summary {
  images: number;
  errors: number;
  ms: number;
  bytes: number;
  gzip: number;
  paths: number;
  ssim: number;
  psnr: number;
  /** The worst image's seam leakage. */
  seams: number;
  /** The worst image's SSIM. */
  worstSsim: number;
  deltaE: number;
  flatLoss: number;
  /** The worst image's flat-area loss, and that image. */
  worstFlatLoss: number;
  worstFlatImage: string;
  /** Medians over the images with a ground truth (NaN when none has one). */
  ssim4x: number;
  psnr4x: number;
}

export const TARGET_CATEGORIES = ['logo', 'illustration', 'photo', 'lineart', 'jpeg'] as const;
export const SEAM_LIMIT = 0.1;

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of the finite values (a missing or undefined measure is left out). */
function medianOf(values: readonly number[]): number {
  return median(values.filter((v) => !Number.isNaN(v)));
}

export function summarise(rows: readonly Result[]): Summary {
  const okRows = rows.flatMap((r) => ('measured' in r ? [r] : []));
  const ok = okRows.map((r) => r.measured);
  const of = (key: keyof Measured) => median(ok.map((m) => m[key]));
  const worstFlat = okRows
    .filter((r) => !Number.isNaN(r.measured.flatLoss))
    .reduce<(typeof okRows)[number] | undefined>(
      (worst, r) => (!worst || r.measured.flatLoss > worst.measured.flatLoss ? r : worst),
      undefined,
    );
  return {
    images: ok.length,
    errors: rows.length - ok.length,
    ms: of('ms'),
    bytes: of('bytes'),
    gzip: of('gzip'),
    paths: of('paths'),
    ssim: of('ssim'),
    psnr: of('psnr'),
    seams: ok.length ? Math.max(...ok.map((m) => m.seams)) : NaN,
    worstSsim: ok.length ? Math.min(...ok.map((m) => m.ssim)) : NaN,
    deltaE: of('deltaE'),
    flatLoss: medianOf(ok.map((m) => m.flatLoss)),
    worstFlatLoss: worstFlat?.measured.flatLoss ?? NaN,
    worstFlatImage: worstFlat?.image ?? '',
    ssim4x: medianOf(ok.map((m) => m.ssim4x)),
    psnr4x: medianOf(ok.map((m) => m.psnr4x)),
  };
}

/** Summaries keyed by category, then tracer, in the order results first name them. */
export function summariseAll(results: readonly Result[]): Map<string, Map<string, Summary>> {
  const byCategory = new Map<string, Map<string, Summary>>();
  for (const { category, tracer } of results) {
    const tracers = byCategory.get(category) ?? new Map<string, Summary>();
    byCategory.set(category, tracers);
    if (!tracers.has(tracer))
      tracers.set(
        tracer,
        summarise(results.filter((r) => r.category === category && r.tracer === tracer)),
      );
  }
  return byCategory;
}

export interface TargetCheck {
  category: string;
  what: string;
  pass: boolean;
  ours: number;
  /** The baseline's figure, or the limit. */
  against: number;
}

/**
 * ours-balanced against the baseline per target category (median SSIM ≥, median gzip ≤,
 * median time ≤, worst seam leakage ≤ 0.1 %), and pixel mode on pixel art reproducing every
 * image exactly (SSIM 1.0 to six decimals). Categories missing from the run are left out.
 */
export function checkTargets(
  summaries: Map<string, Map<string, Summary>>,
  baseline: string,
): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const category of TARGET_CATEGORIES) {
    const ours = summaries.get(category)?.get('ours-balanced');
    const base = summaries.get(category)?.get(baseline);
    if (!ours || !base) continue;
    const check = (what: string, a: number, b: number, pass: boolean) =>
      checks.push({ category, what, ours: a, against: b, pass: pass && ours.errors === 0 });
    check('SSIM ≥', ours.ssim, base.ssim, ours.ssim >= base.ssim);
    check('gzip ≤', ours.gzip, base.gzip, ours.gzip <= base.gzip);
    check('time ≤', ours.ms, base.ms, ours.ms <= base.ms);
    check('seams ≤', ours.seams, SEAM_LIMIT, ours.seams <= SEAM_LIMIT);
  }
  const pixel = summaries.get('pixelart')?.get('ours-pixel');
  if (pixel)
    checks.push({
      category: 'pixelart',
      what: 'pixel SSIM =',
      ours: pixel.worstSsim,
      against: 1,
      pass: pixel.errors === 0 && Number(pixel.worstSsim.toFixed(6)) === 1,
    });
  return checks;
}
