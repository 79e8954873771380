/** `vectorizer --help`, with the engine options generated from the one options schema. */
import { DEFAULT_OPTIONS, OPTION_SPECS, presets, type OptionSpec } from '../engine';
import { flagName, valueHint } from './option-flags';

function defaultText(spec: OptionSpec): string {
  if (spec.name in presets.balanced) {
    const byPreset = Object.entries(presets)
      .map(([preset, values]) => `${preset} ${values[spec.name as keyof typeof values]}`)
      .join(', ');
    return `from the preset: ${byPreset}`;
  }
  const value = DEFAULT_OPTIONS[spec.name];
  if (value === null) return 'none';
  if (spec.kind === 'bool') return value ? 'on' : 'off';
  if (spec.kind === 'paletteRemap') return 'none';
  return String(value);
}

function optionLines(): string[] {
  return OPTION_SPECS.flatMap((spec) => {
    const hint = valueHint(spec);
    const flag =
      spec.kind === 'bool'
        ? `${flagName(spec.name)}, --no-${flagName(spec.name).slice(2)}`
        : `${flagName(spec.name)} <${hint}>`;
    const unit = 'unit' in spec && spec.unit ? ` Unit: ${spec.unit}.` : '';
    return [`  ${flag}`, `      ${spec.description}${unit} Default: ${defaultText(spec)}.`];
  });
}

export function helpText(version: string): string {
  return [
    `vectorizer ${version} — raster images (PNG, JPEG, WebP, GIF, AVIF, TIFF) to SVG`,
    '',
    'Usage:',
    '  vectorizer <input> -o <output.svg|pdf|eps|dxf|png> [options]',
    "  vectorizer '<glob>'... --out-dir <folder> [options]",
    '  vectorizer - [options] < in.png > out.svg',
    '',
    'Inputs are files or glob patterns (quote them): * ? [abc] ** {png,jpg}.',
    'Without -o or --out-dir each SVG is written beside its input.',
    '',
    'Output:',
    '  -o, --output <file|->    the SVG for a single input (- = standard output)',
    '  --out-dir <folder>       SVGs for all inputs, mirroring folders below the glob base',
    '  -f, --force              overwrite existing SVGs (default: such files fail)',
    '  --skip-existing          leave existing SVGs alone and count them as skipped',
    '',
    'Export (default: the SVG as the engine writes it):',
    '  --format <svg|pdf|eps|dxf|png>  the output format (default: from the -o extension, else svg)',
    '  --width <length>         85mm, 3in, 12cm, 240pt or 200 (pixels); the height follows',
    '  --height <length>        both given: the page is that size, the drawing fitted and centred',
    '  --dpi <number>           pixels per inch for pixel lengths and PNG output (default 96)',
    '  --dxf-curves <lines|linesArcs|linesArcsSplines>',
    '                           DXF: polylines, curves flattened (default); + CIRCLE; + ELLIPSE, splines',
    '',
    'Batch:',
    '  -j, --jobs <1–256>       files converted in parallel (default: number of cores)',
    '  --shard <K/N>            convert only the K-th of N shares of the inputs (by path hash)',
    '  --json                   one JSON line per file on standard output',
    '  -q, --quiet              only errors on standard error, no progress bar or summary',
    '  --verbose                also debug lines (stages, timings, skipped files)',
    '',
    'Engine options (explicit values win over the preset):',
    ...optionLines(),
    '',
    '  -h, --help               this text',
    '  --version                the version',
    '',
    'Exit codes: 0 all converted (or skipped), 1 some file failed, 2 bad command line, 130 interrupted.',
    'Docs: docs/CLI.md',
  ].join('\n');
}
