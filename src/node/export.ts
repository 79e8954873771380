/**
 * `exportResult` for Node: the engine's exporters (SVG, PDF, EPS, DXF) plus PNG painted by the
 * core's own rasteriser (`vz_render_png`: exact-area anti-aliasing, written straight to PNG row
 * by row), on this thread's engine.
 */
import {
  exportResult as exportWith,
  type ExportFormat,
  type ExportOptions,
  type ExportedFile,
} from '../engine/export';
import { readViewBox } from '../engine/export/drawing';
import { coreRasterizer } from '../engine/export/raster-scene';
import { defaultEngine } from './default-engine';

const rasterize = coreRasterizer(defaultEngine);

/**
 * The engine's SVG painted to PNG bytes, at `width` × `height` pixels (default: its viewBox
 * size, the image's own pixels), anti-aliased, over transparency.
 */
export async function renderPng(svg: string, width?: number, height?: number): Promise<Uint8Array> {
  const [viewWidth, viewHeight] = readViewBox(svg);
  return rasterize(svg, width ?? Math.round(viewWidth), height ?? Math.round(viewHeight));
}

/** The engine's result (`{ svg }`) as a file of `format` (see docs/API.md). */
export function exportResult(
  result: { svg: string },
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportedFile> {
  return exportWith(result, format, { rasterize, ...options });
}
