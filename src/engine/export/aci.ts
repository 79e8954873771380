/**
 * AutoCAD Color Index (ACI): the 255 index colours DXF readers without true colour show. 1–9 are
 * named colours; 10–249 are 24 hues (15° apart) × 5 brightnesses × full or half saturation;
 * 250–255 are greys.
 */
import type { Rgb } from './drawing';

function hueRgb(hue: number): Rgb {
  const h = hue / 60;
  const x = 1 - Math.abs((h % 2) - 1);
  const [r, g, b] =
    h < 1
      ? [1, x, 0]
      : h < 2
        ? [x, 1, 0]
        : h < 3
          ? [0, 1, x]
          : h < 4
            ? [0, x, 1]
            : h < 5
              ? [x, 0, 1]
              : [1, 0, x];
  return [r, g, b];
}

const BRIGHTNESS = [1, 0.8, 0.6, 0.5, 0.3];

export const ACI_COLORS: readonly Rgb[] = (() => {
  const table: Rgb[] = [
    [0, 0, 0], // 0 is ByBlock, never chosen
    [255, 0, 0],
    [255, 255, 0],
    [0, 255, 0],
    [0, 255, 255],
    [0, 0, 255],
    [255, 0, 255],
    [255, 255, 255],
    [128, 128, 128],
    [192, 192, 192],
  ];
  for (let i = 10; i < 250; i++) {
    const base = hueRgb((Math.floor(i / 10) - 1) * 15);
    const half = i % 2 === 1;
    const value = BRIGHTNESS[Math.floor((i % 10) / 2)];
    table.push(base.map((c) => Math.round(255 * value * (half ? 0.5 + c / 2 : c))) as Rgb);
  }
  for (const grey of [51, 91, 132, 173, 214, 255]) table.push([grey, grey, grey]);
  return table;
})();

/** The index colour nearest to `rgb` (1–255). */
export function aciNearest([r, g, b]: Rgb): number {
  let best = 7;
  let bestDistance = Infinity;
  for (let i = 1; i < ACI_COLORS.length; i++) {
    const [cr, cg, cb] = ACI_COLORS[i];
    const distance = (cr - r) ** 2 + (cg - g) ** 2 + (cb - b) ** 2;
    if (distance < bestDistance) {
      best = i;
      bestDistance = distance;
    }
  }
  return best;
}
