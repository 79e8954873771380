/** Formats benchmark results: per-category medians, ratios against vtracer-native, targets. */
export interface Result {
  tracer: string;
  category: string;
  image: string;
  ms?: number;
  bytes?: number;
  gzip?: number;
  paths?: number;
  ssim?: number;
  psnr?: number;
  seams?: number;
  error?: string;
}

const BASELINE = 'vtracer-native';
const TARGET_CATEGORIES = ['logo', 'illustration', 'photo', 'lineart', 'jpeg'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
}

interface Summary {
  ms: number;
  bytes: number;
  gzip: number;
  paths: number;
  ssim: number;
  psnr: number;
  seams: number;
  count: number;
  errors: number;
}

function summarise(rows: Result[]): Summary {
  const ok = rows.filter((r) => !r.error);
  const m = (key: keyof Result) => median(ok.map((r) => r[key] as number));
  return {
    ms: m('ms'),
    bytes: m('bytes'),
    gzip: m('gzip'),
    paths: m('paths'),
    ssim: m('ssim'),
    psnr: median(ok.map((r) => Math.min(r.psnr ?? 0, 99))),
    seams: Math.max(0, ...ok.map((r) => r.seams ?? 0)),
    count: ok.length,
    errors: rows.length - ok.length,
  };
}

const fmt = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const kb = (v: number) => (Number.isFinite(v) ? (v / 1024).toFixed(1) + ' KB' : '–');

export function formatReport(results: Result[], meta: { corpus: string; runs: number }): string {
  const categories = [...new Set(results.map((r) => r.category))];
  const tracers = [...new Set(results.map((r) => r.tracer))];
  const lines = [
    `# Benchmark report`,
    '',
    `Corpus: \`${meta.corpus}\`; time = median of ${meta.runs} runs after one warm-up, decode excluded.`,
    `SSIM/PSNR: SVG rendered by resvg vs the input, both over white. Seams: worst image, % of input-opaque pixels that differ between renders over magenta and green.`,
    `Ratios are against ${BASELINE} (time ×, gzip ×, SSIM difference).`,
    '',
    '## Per category (medians)',
    '',
    '| category | tracer | images | ms | raw | gzip | paths | SSIM | PSNR | seams % | time × | gzip × | ΔSSIM |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const summaries = new Map<string, Summary>();
  for (const category of categories)
    for (const tracer of tracers) {
      const rows = results.filter((r) => r.category === category && r.tracer === tracer);
      if (!rows.length) continue;
      const s = summarise(rows);
      summaries.set(`${category}/${tracer}`, s);
    }
  for (const category of categories)
    for (const tracer of tracers) {
      const s = summaries.get(`${category}/${tracer}`);
      if (!s) continue;
      const base = summaries.get(`${category}/${BASELINE}`);
      const ratio = (a: number, b?: number) => (b ? fmt(a / b, 2) : '–');
      lines.push(
        `| ${category} | ${tracer} | ${s.count}${s.errors ? ` (+${s.errors} failed)` : ''} | ${fmt(s.ms)} | ${kb(s.bytes)} | ${kb(s.gzip)} | ${s.paths} | ${fmt(s.ssim, 4)} | ${fmt(s.psnr)} | ${fmt(s.seams, 3)} | ${ratio(s.ms, base?.ms)} | ${ratio(s.gzip, base?.gzip)} | ${base ? fmt(s.ssim - base.ssim, 4) : '–'} |`,
      );
    }
  lines.push(
    '',
    '## Targets: ours-balanced against vtracer-native',
    '',
    '| category | SSIM ≥ | gzip ≤ | time ≤ | seams ≤ 0.1 % |',
    '|---|---|---|---|---|',
  );
  const mark = (ok: boolean, detail: string) => `${ok ? 'PASS' : 'FAIL'} (${detail})`;
  for (const category of TARGET_CATEGORIES) {
    const ours = summaries.get(`${category}/ours-balanced`);
    const base = summaries.get(`${category}/${BASELINE}`);
    if (!ours || !base) continue;
    lines.push(
      `| ${category} | ${mark(ours.ssim >= base.ssim, `${fmt(ours.ssim, 4)} vs ${fmt(base.ssim, 4)}`)} | ${mark(ours.gzip <= base.gzip, `${kb(ours.gzip)} vs ${kb(base.gzip)}`)} | ${mark(ours.ms <= base.ms, `${fmt(ours.ms)} vs ${fmt(base.ms)} ms`)} | ${mark(ours.seams <= 0.1, fmt(ours.seams, 3))} |`,
    );
  }
  const pixel = results.filter((r) => r.tracer === 'ours-pixel' && !r.error);
  if (pixel.length) {
    const worst = Math.min(...pixel.map((r) => r.ssim ?? 0));
    lines.push(
      '',
      `Pixel mode on pixelart: worst SSIM ${fmt(worst, 6)} — ${worst >= 0.99999 ? 'PASS' : 'FAIL'} (exact reproduction)`,
    );
  }
  lines.push(
    '',
    '## Per image',
    '',
    '| category | image | tracer | ms | gzip | paths | SSIM | PSNR | seams % |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const r of results)
    lines.push(
      r.error
        ? `| ${r.category} | ${r.image} | ${r.tracer} | error: ${r.error} | | | | | |`
        : `| ${r.category} | ${r.image} | ${r.tracer} | ${fmt(r.ms ?? NaN)} | ${kb(r.gzip ?? NaN)} | ${r.paths} | ${fmt(r.ssim ?? NaN, 4)} | ${fmt(Math.min(r.psnr ?? 0, 99))} | ${fmt(r.seams ?? NaN, 3)} |`,
    );
  return lines.join('\n') + '\n';
}
