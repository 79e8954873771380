/**
 * Exporters: the engine's result as SVG, PDF, EPS, DXF or PNG at a physical size. DOM-free; the
 * worker, the CLI and the Node library call `exportResult`. Sizes: see `units.ts`.
 */
import { DEFAULT_OPTIONS } from '../options';
import { VectorizeError } from '../errors';
import { parseDrawing, readViewBox } from './drawing';
import { DXF_CURVES, writeDxf, type DxfCurves } from './dxf';
import { writeEps } from './eps';
import { writePdf } from './pdf';
import { writePng, type PngSize, type Rasterizer } from './png';
import { sizeSvg } from './svg';
import { invalidOption, placeDrawing, positiveNumber, type SizeRequest } from './units';

export const EXPORT_FORMATS = ['svg', 'pdf', 'eps', 'dxf', 'png'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export { DXF_CURVES, type DxfCurves, type PngSize, type Rasterizer };
export { UNITS, parseLength, type Length, type Unit } from './units';

export const MIME_TYPES: Readonly<Record<ExportFormat, string>> = {
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  eps: 'application/postscript',
  dxf: 'image/vnd.dxf',
  png: 'image/png',
};

export interface ExportOptions extends SizeRequest {
  /**
   * DXF: `lines` (closed polylines, curves flattened; the default), `linesArcs` (circles as
   * CIRCLE too) or `linesArcsSplines` (circles, ellipses and exact splines).
   */
  dxfCurves?: DxfCurves;
  /** DXF `lines`: largest distance of a flattened curve from the curve, in mm (default 0.01). */
  dxfTolerance?: number;
  /** PNG: most pixels the PNG may have (default: the engine's pixel budget, 40 MP). */
  maxPixels?: number;
  /** PNG: renders the sized SVG to PNG bytes (the Node library and the app's worker: the core). */
  rasterize?: Rasterizer;
  /** PDF and EPS: the document title. */
  title?: string;
}

export interface ExportedFile {
  format: ExportFormat;
  mimeType: string;
  /** With the dot: `.pdf`. */
  extension: string;
  data: Uint8Array;
  /** The page (PDF MediaBox, EPS bounding box, SVG viewport), in points. */
  page: { width: number; height: number };
  /** PNG only: its size in pixels. */
  pixels?: PngSize;
  /** What the format could not hold and how it was drawn instead (DXF: gradients, caps). */
  warnings: string[];
}

const OPTION_NAMES: readonly string[] = [
  'width',
  'height',
  'dpi',
  'scale',
  'dxfCurves',
  'dxfTolerance',
  'maxPixels',
  'rasterize',
  'title',
];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** The format a file name's extension names (`out.PDF` → pdf), or undefined. */
export function formatFromPath(path: string): ExportFormat | undefined {
  const match = /\.([a-z]+)$/i.exec(path);
  const ext = match?.[1].toLowerCase();
  return isExportFormat(ext) ? ext : undefined;
}

function checkOptions(options: ExportOptions): void {
  for (const key of Object.keys(options))
    if (!OPTION_NAMES.includes(key) && (options as Record<string, unknown>)[key] !== undefined)
      throw invalidOption(key, `is not an export option (known: ${OPTION_NAMES.join(', ')}).`);
  if (options.dxfCurves !== undefined && !DXF_CURVES.includes(options.dxfCurves))
    throw invalidOption(
      'dxfCurves',
      `must be one of ${DXF_CURVES.join(', ')} (got ${JSON.stringify(options.dxfCurves)}).`,
    );
  if (options.dxfTolerance !== undefined) positiveNumber(options.dxfTolerance, 'dxfTolerance', 100);
  if (
    options.maxPixels !== undefined &&
    !(Number.isInteger(options.maxPixels) && options.maxPixels >= 1)
  )
    throw invalidOption(
      'maxPixels',
      `must be a whole number of pixels, at least 1 (got ${JSON.stringify(options.maxPixels)}).`,
    );
  if (options.rasterize !== undefined && typeof options.rasterize !== 'function')
    throw invalidOption('rasterize', 'must be a function (svg, width, height) → PNG bytes.');
  if (options.title !== undefined && typeof options.title !== 'string')
    throw invalidOption('title', `must be a string (got ${JSON.stringify(options.title)}).`);
}

/** Checks export options without exporting (the CLI checks its flags before any work). */
export function validateExportOptions(format: unknown, options: ExportOptions = {}): void {
  if (!isExportFormat(format))
    throw invalidOption(
      'format',
      `must be one of ${EXPORT_FORMATS.join(', ')} (got ${JSON.stringify(format)}).`,
    );
  checkOptions(options);
  placeDrawing(1, 1, options);
}

const encoder = new TextEncoder();

/** The engine's result (`{ svg }`) as a file of `format`. Throws VectorizeError. */
export async function exportResult(
  result: { svg: string },
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  validateExportOptions(format, options);
  if (typeof result?.svg !== 'string')
    throw new VectorizeError('INVALID_INPUT', 'exportResult needs the engine result ({ svg }).');
  const [width, height] = readViewBox(result.svg);
  const place = placeDrawing(width, height, options);
  const warnings: string[] = [];
  const file = (data: Uint8Array, pixels?: PngSize): ExportedFile => ({
    format,
    mimeType: MIME_TYPES[format],
    extension: '.' + format,
    data,
    page: { width: place.pageWidth, height: place.pageHeight },
    ...(pixels ? { pixels } : {}),
    warnings,
  });
  switch (format) {
    case 'svg':
      return file(encoder.encode(sizeSvg(result.svg, place)));
    case 'png': {
      if (!options.rasterize)
        throw invalidOption(
          'rasterize',
          'is needed for PNG: the engine has no rasteriser of its own (the Node library passes one).',
        );
      const png = await writePng(
        result.svg,
        place,
        options.rasterize,
        options.maxPixels ?? DEFAULT_OPTIONS.maxPixels,
      );
      return file(png.data, png.size);
    }
    case 'pdf':
      return file(await writePdf(parseDrawing(result.svg), place, { title: options.title }));
    case 'eps':
      return file(encoder.encode(writeEps(parseDrawing(result.svg), place, options)));
    case 'dxf':
      return file(
        encoder.encode(
          writeDxf(
            parseDrawing(result.svg),
            place,
            { curves: options.dxfCurves ?? 'lines', tolerance: options.dxfTolerance ?? 0.01 },
            warnings,
          ),
        ),
      );
  }
}
