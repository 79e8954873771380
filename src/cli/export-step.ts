/**
 * The CLI's export step: `--format` (or the extension of `-o`) and the size flags turn the
 * engine's SVG into the file to write. Without them the SVG is written as the engine made it.
 */
import type { ExportFormat, ExportOptions } from '../engine/export';

/** What the command line asked for; plain data, so it crosses to the worker threads. */
export interface ExportRequest {
  format: ExportFormat;
  options: Pick<ExportOptions, 'width' | 'height' | 'dpi' | 'dxfCurves'>;
}

/**
 * The bytes of the output file, and what the format could not hold (the exporter's warnings). A
 * PNG's pixel budget is the engine's (`--max-pixels`).
 */
export async function outputBytes(
  result: { svg: string },
  request: ExportRequest | undefined,
  maxPixels: number | undefined,
): Promise<{ data: Uint8Array; warnings: string[] }> {
  if (!request) return { data: Buffer.from(result.svg, 'utf8'), warnings: [] };
  // Loaded for an export only: an SVG run does not evaluate the exporters at start-up.
  const { exportResult } = await import('../node/export');
  const file = await exportResult(result, request.format, { ...request.options, maxPixels });
  return { data: file.data, warnings: file.warnings };
}
