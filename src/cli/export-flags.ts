/**
 * The export flags: `--format svg|pdf|eps|dxf|png` (else the extension of `-o`, else svg),
 * `--width` / `--height` (a length: 85mm, 3in, 12cm, 240pt, 200 = pixels), `--dpi` and
 * `--dxf-curves lines|linesArcs|linesArcsSplines`. Checked as the exporters will check them, before any
 * file is converted; problems are UsageErrors naming the flag.
 */
import {
  DXF_CURVES,
  EXPORT_FORMATS,
  formatFromPath,
  isExportFormat,
  validateExportOptions,
  type ExportFormat,
} from '../engine/export';
import { VectorizeError } from '../engine';
import type { ExportRequest } from './export-step';
import { flagName } from './option-flags';
import { UsageError } from './usage-error';

export interface ExportFlags {
  format?: string;
  width?: string;
  height?: string;
  dpi?: string;
  dxfCurves?: string;
}

export const EXPORT_FLAGS: Readonly<Record<string, keyof ExportFlags>> = {
  '--format': 'format',
  '--width': 'width',
  '--height': 'height',
  '--dpi': 'dpi',
  '--dxf-curves': 'dxfCurves',
};

export const EXPORT_FLAG_HINTS: Readonly<Record<keyof ExportFlags, string>> = {
  format: EXPORT_FORMATS.join('|'),
  width: 'a length: 85mm, 3in, 12cm, 240pt, 200 (pixels)',
  height: 'a length: 85mm, 3in, 12cm, 240pt, 200 (pixels)',
  dpi: 'pixels per inch, e.g. 300',
  dxfCurves: DXF_CURVES.join('|'),
};

const DECIMAL = /^(\d+\.?\d*|\.\d+)$/;

/** The export the flags and `-o` ask for, or undefined for the engine's SVG as it is. */
export function exportRequest(
  flags: ExportFlags,
  output: string | undefined,
): ExportRequest | undefined {
  const fromName = output !== undefined && output !== '-' ? formatFromPath(output) : undefined;
  if (flags.format !== undefined && !isExportFormat(flags.format))
    throw new UsageError(
      `--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${flags.format}").`,
    );
  const format: ExportFormat = (flags.format as ExportFormat | undefined) ?? fromName ?? 'svg';
  if (fromName && fromName !== format)
    throw new UsageError(`-o ${output} names a .${fromName} file, but --format is ${format}.`);
  if (flags.dxfCurves !== undefined && format !== 'dxf')
    throw new UsageError(`--dxf-curves applies to DXF output only (the format is ${format}).`);
  if (flags.dpi !== undefined && !DECIMAL.test(flags.dpi))
    throw new UsageError(`--dpi must be a number above 0 (got "${flags.dpi}").`);
  const options: ExportRequest['options'] = {};
  if (flags.width !== undefined) options.width = flags.width;
  if (flags.height !== undefined) options.height = flags.height;
  if (flags.dpi !== undefined) options.dpi = Number(flags.dpi);
  if (flags.dxfCurves !== undefined)
    options.dxfCurves = flags.dxfCurves as ExportRequest['options']['dxfCurves'];
  try {
    validateExportOptions(format, options);
  } catch (error) {
    if (error instanceof VectorizeError)
      throw new UsageError(
        error.message.replace(/^Option "([^"]+)"/, (_, name: string) => flagName(name)),
      );
    throw error;
  }
  if (format === 'svg' && Object.keys(options).length === 0) return undefined;
  return { format, options };
}
