/**
 * `exportResult` for Node: the engine's exporters (SVG, PDF, EPS, DXF) plus PNG rendered with
 * resvg, anti-aliased, over transparency. resvg (a native addon) is loaded on the first PNG only.
 */
import {
  exportResult as exportWith,
  type ExportFormat,
  type ExportOptions,
  type ExportedFile,
} from '../engine/export';

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: Promise<ResvgModule> | undefined;

/** Renders an SVG at its own width and height to PNG bytes with resvg. */
export async function renderPng(svg: string): Promise<Uint8Array> {
  resvg ??= import('@resvg/resvg-js');
  const { Resvg } = await resvg;
  const png = new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** The engine's result (`{ svg }`) as a file of `format` (see docs/API.md). */
export function exportResult(
  result: { svg: string },
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  return exportWith(result, format, { rasterize: renderPng, ...options });
}
