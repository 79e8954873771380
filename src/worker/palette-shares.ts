/** How much of a render each palette colour paints: the share of the opaque pixels it covers. */
import { hexColor, type Drawing } from '../engine/export/drawing';

/** The drawing's fill and stroke colours, as `#rrggbb`. */
function drawingColours(drawing: Drawing): Set<string> {
  const colours = new Set<string>();
  for (const shape of drawing.shapes) {
    if (shape.fill) colours.add(hexColor(shape.fill));
    if (shape.stroke) colours.add(hexColor(shape.stroke.color));
  }
  return colours;
}

/**
 * Colour → fraction (0..1) of the render's opaque pixels that are exactly that colour; the
 * anti-aliased edges between shapes count for none.
 */
export function paletteShares(drawing: Drawing, rgba: Uint8ClampedArray): Record<string, number> {
  const colours = drawingColours(drawing);
  const counts = new Map<number, number>();
  let opaque = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] !== 255) continue;
    opaque++;
    const key = (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const shares: Record<string, number> = {};
  for (const colour of colours) {
    const key = parseInt(colour.slice(1), 16);
    shares[colour] = opaque > 0 ? (counts.get(key) ?? 0) / opaque : 0;
  }
  return shares;
}
