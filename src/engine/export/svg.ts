/**
 * The engine's SVG with a physical size: `width` and `height` in the requested units, the same
 * viewBox. With both sides given at another aspect, SVG's default `preserveAspectRatio`
 * (xMidYMid meet) fits the drawing inside and centres it, as the other formats do.
 */
import { VectorizeError } from '../errors';
import { formatNumber, pointsPer, type Length, type Placement } from './units';

/** Sets the root element's width and height; the rest of the SVG is kept byte for byte. */
export function withRootSize(svg: string, width: string, height: string): string {
  const start = svg.indexOf('<svg');
  const end = start < 0 ? -1 : svg.indexOf('>', start);
  if (end < 0)
    throw new VectorizeError(
      'INVALID_INPUT',
      'The SVG cannot be exported: there is no <svg> element.',
    );
  const root = svg
    .slice(start, end)
    .replace(/\s(width|height)="[^"]*"/g, '')
    .replace(/^<svg/, `<svg width="${width}" height="${height}"`);
  return svg.slice(0, start) + root + svg.slice(end);
}

function length(points: number, asked: Length | undefined, unit: Length['unit'], dpi: number) {
  const value = asked ? asked.value : points / pointsPer(unit, dpi);
  const text = formatNumber(value, 4);
  return unit === 'px' ? text : text + (asked?.unit ?? unit);
}

/** Each side in the unit it was asked in; a side that follows takes the other side's unit. */
export function sizeSvg(svg: string, place: Placement): string {
  const { width, height } = place.requested;
  const unit = width?.unit ?? height?.unit ?? 'px';
  return withRootSize(
    svg,
    length(place.pageWidth, width, width?.unit ?? unit, place.dpi),
    length(place.pageHeight, height, height?.unit ?? unit, place.dpi),
  );
}
