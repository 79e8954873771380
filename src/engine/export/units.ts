/**
 * Physical sizes for the exporters. A length is a number with a unit (`85mm`, `3in`, `12.5cm`,
 * `240pt`, `200px`, or a bare `200`, which is pixels); a pixel is `1/dpi` inch (dpi 96 unless
 * given), the CSS pixel.
 *
 * - Neither width nor height: the image's own pixel size times `scale` (default 1), at `dpi`.
 * - One of them: the other follows the drawing's aspect ratio.
 * - Both, with another aspect than the drawing's: the page (PDF, EPS), the SVG's viewport and the
 *   PNG are exactly the requested size, and the drawing is fitted inside it, centred, its aspect
 *   kept (what SVG's default `preserveAspectRatio="xMidYMid meet"` does). DXF has no page: its
 *   drawing is the fitted one, placed where it would sit inside the requested rectangle.
 *
 * Everything is worked out in PostScript points (1/72 inch), the unit of PDF and EPS.
 */
import { VectorizeError } from '../errors';

export const UNITS = ['px', 'pt', 'in', 'cm', 'mm'] as const;
export type Unit = (typeof UNITS)[number];

export interface Length {
  value: number;
  unit: Unit;
}

export const DEFAULT_DPI = 96;
/** Largest page side accepted, in points (200 inches: PDF's own limit is 14400 pt). */
export const MAX_SIDE_PT = 14_400;

const POINTS_PER: Readonly<Record<Exclude<Unit, 'px'>, number>> = {
  pt: 1,
  in: 72,
  cm: 72 / 2.54,
  mm: 72 / 25.4,
};

/** Points per unit; a pixel depends on the dpi. */
export function pointsPer(unit: Unit, dpi: number): number {
  return unit === 'px' ? 72 / dpi : POINTS_PER[unit];
}

export function invalidOption(option: string, message: string): VectorizeError {
  return new VectorizeError('INVALID_OPTION', `Option "${option}" ${message}`, { option });
}

const LENGTH = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z]*)$/i;

/** `'85mm'` → `{ value: 85, unit: 'mm' }`; a number is pixels. Throws INVALID_OPTION. */
export function parseLength(input: unknown, option: string): Length {
  let value: number;
  let unit: string;
  if (typeof input === 'number') {
    value = input;
    unit = 'px';
  } else if (typeof input === 'string') {
    const match = LENGTH.exec(input.trim());
    if (!match)
      throw invalidOption(
        option,
        `must be a length such as 85mm, 3in, 12cm, 240pt or 200 (pixels) (got ${JSON.stringify(input)}).`,
      );
    value = Number(match[1]);
    unit = match[2].toLowerCase() || 'px';
  } else {
    throw invalidOption(
      option,
      `must be a length such as "85mm" or a number of pixels (got ${JSON.stringify(input)}).`,
    );
  }
  if (!(UNITS as readonly string[]).includes(unit))
    throw invalidOption(
      option,
      `has the unit "${unit}", which is not one of ${UNITS.join(', ')} (got ${JSON.stringify(input)}).`,
    );
  if (!Number.isFinite(value) || value <= 0)
    throw invalidOption(option, `must be a length above 0 (got ${JSON.stringify(input)}).`);
  return { value, unit: unit as Unit };
}

/** Checks a positive finite number option (dpi, scale). */
export function positiveNumber(input: unknown, option: string, max: number): number {
  if (typeof input !== 'number' || !Number.isFinite(input) || input <= 0 || input > max)
    throw invalidOption(
      option,
      `must be a number above 0 and at most ${max} (got ${JSON.stringify(input)}).`,
    );
  return input;
}

export interface SizeRequest {
  width?: string | number;
  height?: string | number;
  /** Pixels per inch for `px` lengths and for PNG output (default 96). */
  dpi?: number;
  /** Multiplies the default size (the image's pixels) when neither width nor height is given. */
  scale?: number;
}

/** The page and where the drawing sits on it, in points, y down from the top-left corner. */
export interface Placement {
  /** The page (PDF MediaBox, EPS bounding box, SVG viewport, PNG canvas). */
  pageWidth: number;
  pageHeight: number;
  /** The drawing inside it. */
  x: number;
  y: number;
  width: number;
  height: number;
  dpi: number;
  /** The lengths as asked (for the SVG's width and height attributes). */
  requested: { width?: Length; height?: Length };
}

/**
 * The page and the drawing's place on it for a drawing of `drawingWidth`×`drawingHeight` pixels
 * (the SVG's viewBox). Throws INVALID_OPTION naming the option at fault.
 */
export function placeDrawing(
  drawingWidth: number,
  drawingHeight: number,
  request: SizeRequest,
): Placement {
  const dpi = request.dpi === undefined ? DEFAULT_DPI : positiveNumber(request.dpi, 'dpi', 10_000);
  const scale = request.scale === undefined ? 1 : positiveNumber(request.scale, 'scale', 1000);
  const width = request.width === undefined ? undefined : parseLength(request.width, 'width');
  const height = request.height === undefined ? undefined : parseLength(request.height, 'height');
  const toPt = (length: Length) => length.value * pointsPer(length.unit, dpi);
  const aspect = drawingWidth / drawingHeight;

  let pageWidth: number;
  let pageHeight: number;
  if (width && height) {
    pageWidth = toPt(width);
    pageHeight = toPt(height);
  } else if (width) {
    pageWidth = toPt(width);
    pageHeight = pageWidth / aspect;
  } else if (height) {
    pageHeight = toPt(height);
    pageWidth = pageHeight * aspect;
  } else {
    pageWidth = drawingWidth * scale * (72 / dpi);
    pageHeight = drawingHeight * scale * (72 / dpi);
  }
  for (const [option, side] of [
    [width ? 'width' : height ? 'height' : 'scale', pageWidth],
    [height ? 'height' : width ? 'width' : 'scale', pageHeight],
  ] as const)
    if (side > MAX_SIDE_PT)
      throw invalidOption(
        option,
        `makes a side of ${(side / 72).toFixed(1)} in; at most ${MAX_SIDE_PT / 72} in (${MAX_SIDE_PT} pt) is allowed.`,
      );

  const fit = Math.min(pageWidth / drawingWidth, pageHeight / drawingHeight);
  const fittedWidth = drawingWidth * fit;
  const fittedHeight = drawingHeight * fit;
  return {
    pageWidth,
    pageHeight,
    x: (pageWidth - fittedWidth) / 2,
    y: (pageHeight - fittedHeight) / 2,
    width: fittedWidth,
    height: fittedHeight,
    dpi,
    requested: { width, height },
  };
}

/** A number in its shortest form with at most `decimals` decimals (`1.50` → `1.5`, `-0` → `0`). */
export function formatNumber(value: number, decimals = 4): string {
  const text = value.toFixed(decimals);
  if (!text.includes('.')) return text === '-0' ? '0' : text;
  const trimmed = text.replace(/\.?0+$/, '');
  return trimmed === '-0' ? '0' : trimmed;
}
