/**
 * A gradient as a smooth shading dictionary, in the syntax PDF and PostScript level 3 share:
 * axial (ShadingType 2) for a linear gradient, radial (ShadingType 3) for a radial one, in
 * DeviceRGB, extended at both ends (SVG's spreadMethod pad). The colour is a function of the
 * gradient's parameter t in 0..1: a stitching function (FunctionType 3) of linear pieces
 * (FunctionType 2, N 1), one per span between stops, with constant pieces before the first stop
 * and after the last — so each stop's colour is met exactly at its offset and the colours between
 * are interpolated in sRGB, as SVG renderers do.
 */
import type { Rgb } from './drawing';
import type { Gradient, GradientStop } from './gradient';
import { formatNumber } from './units';

/** A colour's three components, as the content stream writes them. */
export type ColorText = (rgb: Rgb) => string;

interface Piece {
  from: number;
  to: number;
  c0: Rgb;
  c1: Rgb;
}

/** The spans of t between stops (zero-width spans dropped: a hard step), covering 0..1. */
export function stopPieces(stops: readonly GradientStop[]): Piece[] {
  const points: GradientStop[] = [
    { offset: 0, color: stops[0].color },
    ...stops,
    { offset: 1, color: stops[stops.length - 1].color },
  ];
  const pieces: Piece[] = [];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (b.offset > a.offset)
      pieces.push({ from: a.offset, to: b.offset, c0: a.color, c1: b.color });
  }
  return pieces;
}

const t = (v: number) => formatNumber(v, 6);

/** The stops as one function of t (Domain 0..1). */
export function stopFunction(stops: readonly GradientStop[], color: ColorText): string {
  const linear = (p: Piece) =>
    `<< /FunctionType 2 /Domain [0 1] /C0 [${color(p.c0)}] /C1 [${color(p.c1)}] /N 1 >>`;
  const pieces = stopPieces(stops);
  if (pieces.length === 1) return linear(pieces[0]);
  return (
    `<< /FunctionType 3 /Domain [0 1] /Functions [${pieces.map(linear).join(' ')}] ` +
    `/Bounds [${pieces
      .slice(1)
      .map((p) => t(p.from))
      .join(' ')}] /Encode [${pieces.map(() => '0 1').join(' ')}] >>`
  );
}

/** The shading dictionary, in the gradient's own space (before its gradientTransform). */
export function shadingDictionary(gradient: Gradient, color: ColorText): string {
  const type = gradient.kind === 'linear' ? 2 : 3;
  const coords = gradient.coords.map((v) => formatNumber(v, 4)).join(' ');
  return (
    `<< /ShadingType ${type} /ColorSpace /DeviceRGB /Coords [${coords}] ` +
    `/Function ${stopFunction(gradient.stops, color)} /Extend [true true] >>`
  );
}
