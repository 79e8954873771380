/**
 * Overlap of filled shapes: each filled shape (a path or a primitive element) rendered alone (resvg, cropped to its bounding box
 * on whole pixels), and the share of image pixels that more than one path covers (alpha over 128,
 * more than half). Coverage is geometric: opacity attributes are dropped before rendering.
 */
import { Resvg } from '@resvg/resvg-js';

/**
 * The shape elements (`<path>`, `<circle>`, `<ellipse>`, `<rect>`) that are filled (not
 * `fill="none"`, not in a `fill="none"` group).
 */
export function filledShapes(svg: string): string[] {
  const out: string[] = [];
  const unfilled: boolean[] = [];
  const tags = /<(\/?)(g|path|circle|ellipse|rect)\b([^>]*?)(\/?)>/g;
  for (let match = tags.exec(svg); match; match = tags.exec(svg)) {
    const [, closing, name, attributes, selfClosing] = match;
    const none = /\bfill="none"/.test(attributes);
    if (name === 'g') {
      if (closing) unfilled.pop();
      else if (!selfClosing) unfilled.push(none || unfilled.some(Boolean));
      continue;
    }
    if (!closing && !none && !unfilled.some(Boolean))
      out.push(match[0].replace(/\s(fill-opacity|opacity)="[^"]*"/g, ''));
  }
  return out;
}

function svgOf(path: string, x: number, y: number, width: number, height: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height}" width="${width}" height="${height}">${path}</svg>`;
}

/** Coverage counts per pixel (capped at 255) of the filled paths, each rendered alone. */
export function coverage(svg: string, width: number, height: number): Uint8Array {
  const counts = new Uint8Array(width * height);
  for (const path of filledShapes(svg)) {
    const box = new Resvg(svgOf(path, 0, 0, width, height)).getBBox();
    if (!box) continue;
    const x0 = Math.max(0, Math.floor(box.x));
    const y0 = Math.max(0, Math.floor(box.y));
    const x1 = Math.min(width, Math.ceil(box.x + box.width));
    const y1 = Math.min(height, Math.ceil(box.y + box.height));
    if (x1 <= x0 || y1 <= y0) continue;
    const image = new Resvg(svgOf(path, x0, y0, x1 - x0, y1 - y0)).render();
    const pixels = image.pixels;
    for (let y = 0; y < image.height; y++)
      for (let x = 0; x < image.width; x++)
        if (pixels[(y * image.width + x) * 4 + 3] > 128) {
          const i = (y0 + y) * width + x0 + x;
          if (counts[i] < 255) counts[i]++;
        }
  }
  return counts;
}

/** Percentage of the image's pixels covered by more than one filled path. */
export function overlapShare(svg: string, width: number, height: number): number {
  const counts = coverage(svg, width, height);
  let overlapping = 0;
  for (const c of counts) if (c > 1) overlapping++;
  return counts.length === 0 ? 0 : (100 * overlapping) / counts.length;
}
