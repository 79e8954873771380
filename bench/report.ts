/** The benchmark report in markdown: per-category medians, targets, per-image figures. */
import type { CutoutCheck, CutoutSummary } from './cutouts';
import { SEAM_LIMIT, type Result, type Summary, type TargetCheck } from './summary';
import { markdownTable } from './table';

export interface ReportMeta {
  corpus: string;
  runs: number;
  slowMs: number;
  baseline: string;
  /** 1-minute load average at the start and the end of the run. */
  load: [number, number];
  notes: readonly string[];
}

const fixed = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : value === Infinity ? '∞' : '–';
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const ms = (value: number) => fixed(value, value < 10 ? 2 : 1);

export function categoryTable(
  summaries: Map<string, Map<string, Summary>>,
  baseline: string,
): string {
  const rows: string[][] = [];
  for (const [category, tracers] of summaries) {
    const base = tracers.get(baseline);
    const ratio = (a: number, b: number | undefined) => (b ? fixed(a / b, 2) : '–');
    for (const [tracer, s] of tracers)
      rows.push([
        category,
        tracer,
        `${s.images}${s.errors ? ` +${s.errors} err` : ''}`,
        ms(s.ms),
        kb(s.bytes),
        kb(s.gzip),
        fixed(s.paths, 0),
        fixed(s.ssim, 4),
        fixed(s.psnr, 1),
        fixed(s.seams, 3),
        fixed(s.deltaE, 2),
        fixed(s.flatLoss, 1),
        Number.isFinite(s.worstFlatLoss) ? `${fixed(s.worstFlatLoss, 1)} ${s.worstFlatImage}` : '–',
        fixed(s.ssim4x, 4),
        fixed(s.psnr4x, 1),
        ratio(s.ms, base?.ms),
        ratio(s.gzip, base?.gzip),
        base ? fixed(s.ssim - base.ssim, 4) : '–',
      ]);
  }
  return markdownTable(
    [
      'category',
      'tracer',
      '>images',
      '>ms',
      '>raw',
      '>gzip',
      '>paths',
      '>SSIM',
      '>PSNR',
      '>seams %',
      '>ΔE00',
      '>flat loss %',
      'worst flat loss %',
      '>4× SSIM',
      '>4× PSNR',
      '>time ×',
      '>gzip ×',
      '>ΔSSIM',
    ],
    rows,
  );
}

export function targetsTable(checks: readonly TargetCheck[], baseline: string): string {
  const figure = (c: TargetCheck) =>
    c.what.startsWith('gzip')
      ? `${kb(c.ours)} vs ${kb(c.against)}`
      : c.what.startsWith('time')
        ? `${ms(c.ours)} vs ${ms(c.against)} ms`
        : c.what.startsWith('seams')
          ? `${fixed(c.ours, 3)} % (worst) vs ${SEAM_LIMIT} %`
          : c.what.startsWith('pixel')
            ? `${fixed(c.ours, 6)} (worst image) vs 1`
            : `${fixed(c.ours, 4)} vs ${fixed(c.against, 4)}`;
  const passed = checks.filter((c) => c.pass).length;
  return [
    markdownTable(
      ['category', 'target', 'result', `ours vs ${baseline}`],
      checks.map((c) => [c.category, c.what, c.pass ? 'PASS' : 'FAIL', figure(c)]),
    ),
    '',
    `${passed} of ${checks.length} targets met.`,
  ].join('\n');
}

export function imageTable(results: readonly Result[]): string {
  return markdownTable(
    [
      'category',
      'image',
      'tracer',
      '>ms',
      '>runs',
      '>raw',
      '>gzip',
      '>paths',
      '>SSIM',
      '>PSNR',
      '>seams %',
      '>ΔE00',
      '>flat loss %',
      '>flat px',
      '>4× SSIM',
      '>4× PSNR',
    ],
    results.map((r) =>
      'error' in r
        ? [r.category, r.image, r.tracer, `error: ${r.error}`]
        : [
            r.category,
            r.image,
            r.tracer,
            ms(r.measured.ms),
            String(r.measured.runs),
            kb(r.measured.bytes),
            kb(r.measured.gzip),
            String(r.measured.paths),
            fixed(r.measured.ssim, 4),
            fixed(r.measured.psnr, 1),
            fixed(r.measured.seams, 3),
            fixed(r.measured.deltaE, 2),
            fixed(r.measured.flatLoss, 1),
            String(r.measured.flatPixels),
            fixed(r.measured.ssim4x, 4),
            fixed(r.measured.psnr4x, 1),
          ],
    ),
  );
}

export function formatReport(
  meta: ReportMeta,
  summaries: Map<string, Map<string, Summary>>,
  checks: readonly TargetCheck[],
  results: readonly Result[],
): string {
  return [
    '# Benchmark report',
    '',
    `Corpus \`${meta.corpus}\`. Time: median of ${meta.runs} runs after one warm-up, decoding ` +
      `excluded (a warm-up over ${meta.slowMs} ms is the only run). Load average ` +
      `${meta.load[0].toFixed(2)} at the start, ${meta.load[1].toFixed(2)} at the end (2 cores are shared).`,
    'SSIM and PSNR: the SVG rendered by resvg against the input, both over white. Seams: % of ' +
      'input-opaque pixels whose colour differs between renders over magenta and over green ' +
      '(category rows: the worst image). ΔE00: mean CIEDE2000 over white. Flat loss: % of ' +
      "the input's flat pixels (every 3×3 neighbour within ΔE00 1) rendered more than ΔE00 3 " +
      'off. 4× SSIM / PSNR: against the ground-truth SVG beside the input, both rendered at 4× ' +
      '(long side ≤ 2048 px; SSIM after scaling to 1024 px). Ratios and ΔSSIM are against ' +
      `${meta.baseline}; category figures are medians over the images.`,
    ...meta.notes.map((n) => `\n${n}`),
    '',
    '## Per category',
    '',
    categoryTable(summaries, meta.baseline),
    '',
    `## Targets: ours-balanced against ${meta.baseline}`,
    '',
    targetsTable(checks, meta.baseline),
    '',
    '## Per image',
    '',
    imageTable(results),
    '',
  ].join('\n');
}

/** The output-styles section: per category and over all colour categories ('all'). */
export function cutoutsTable(summaries: readonly CutoutSummary[]): string {
  return markdownTable(
    [
      'category',
      'variant',
      'against',
      '>images',
      '>overlap % (worst)',
      '>seams % (worst)',
      '>edges / graph (worst)',
      '>ΔSSIM',
      '>gzip ×',
      '>time ×',
    ],
    summaries.map((s) => [
      s.category,
      s.variant,
      s.base,
      String(s.images),
      fixed(s.overlap, 3),
      fixed(s.seams, 3),
      fixed(s.edgeRatio, 4),
      fixed(s.dSsim, 4),
      fixed(s.gzip, 2),
      fixed(s.time, 2),
    ]),
  );
}

export function cutoutTargetsTable(checks: readonly CutoutCheck[]): string {
  return markdownTable(
    ['target', '>value', 'result'],
    checks.map((c) => [
      c.target,
      fixed(c.value, 4),
      c.pass === undefined ? 'info' : c.pass ? 'PASS' : 'FAIL',
    ]),
  );
}
