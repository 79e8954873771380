/**
 * The drawing as PDF content-stream operators (`m l c h f S rg RG w j J M re W n q Q cm`, and
 * what the caller writes to set a gradient paint). EPS uses the same text: its prolog defines
 * these names as the PostScript operators they abbreviate.
 *
 * Fills use the non-zero winding rule, as SVG does (the engine writes holes reversed). The seam
 * strokes are painted too, with their width and round joins: they cover the hairline gaps a
 * renderer's anti-aliasing leaves between abutting shapes, in PDF and EPS as in SVG. Strokes keep
 * their caps and joins (`J`, `j`: the stroke styles and centerline mode draw round ones).
 */
import { CUBIC, type Drawing, type Rgb, type Shape, type Subpath } from './drawing';
import type { Gradient } from './gradient';
import type { Matrix } from './transform';
import { formatNumber, type Placement } from './units';

/** A coordinate on the engine's grid (at most 3 decimals) in its shortest form. */
const num = (v: number) => String(Math.round(v * 1000) / 1000);

const channel = (v: number) => formatNumber(v / 255, 4);

export function color([r, g, b]: Rgb): string {
  return `${channel(r)} ${channel(g)} ${channel(b)}`;
}

function subpathText(path: Subpath, out: string[]): void {
  // One string per subpath (not per segment): far fewer pieces for the final join.
  let text = `${num(path.startX)} ${num(path.startY)} m\n`;
  const { kinds, coords } = path;
  let k = 0;
  for (let s = 0; s < kinds.length; s++) {
    if (kinds[s] === CUBIC) {
      text +=
        num(coords[k]) +
        ' ' +
        num(coords[k + 1]) +
        ' ' +
        num(coords[k + 2]) +
        ' ' +
        num(coords[k + 3]) +
        ' ' +
        num(coords[k + 4]) +
        ' ' +
        num(coords[k + 5]) +
        ' c\n';
      k += 6;
    } else {
      text += num(coords[k]) + ' ' + num(coords[k + 1]) + ' l\n';
      k += 2;
    }
  }
  out.push(path.closed ? text + 'h\n' : text);
}

export interface PaintOptions {
  /**
   * How a paint with opacity below 1 is painted: through a named graphics state (PDF; the name
   * is looked up or made by the callback, for a fill's `ca` or a stroke's `CA`), or mixed with
   * white paper (EPS has no transparency).
   */
  opacity:
    { kind: 'gstate'; name: (key: 'ca' | 'CA', opacity: number) => string } | { kind: 'mix-white' };
  /** The operators that make a gradient the fill (`stroke` false) or the stroke paint. */
  gradient: (gradient: Gradient, stroke: boolean) => string;
}

function mixWithWhite(rgb: Rgb, opacity: number): Rgb {
  return rgb.map((v) => Math.round(v * opacity + 255 * (1 - opacity))) as Rgb;
}

const JOIN = { miter: 0, round: 1, bevel: 2 } as const;
const CAP = { butt: 0, round: 1, square: 2 } as const;

/** Sets a paint (colour or gradient) for a fill or a stroke, its opacity through `gs` or mixed. */
function setPaint(
  rgb: Rgb,
  gradient: Gradient | null,
  opacity: number,
  stroke: boolean,
  options: PaintOptions,
  out: string[],
): boolean {
  const translucent = opacity < 1;
  const gstate = translucent && options.opacity.kind === 'gstate';
  if (gstate)
    out.push(
      `q /${options.opacity.kind === 'gstate' && options.opacity.name(stroke ? 'CA' : 'ca', opacity)} gs\n`,
    );
  const mix = translucent && !gstate;
  if (gradient) {
    const painted = mix
      ? {
          ...gradient,
          stops: gradient.stops.map((s) => ({ ...s, color: mixWithWhite(s.color, opacity) })),
        }
      : gradient;
    out.push(options.gradient(painted, stroke));
  } else out.push(`${color(mix ? mixWithWhite(rgb, opacity) : rgb)} ${stroke ? 'RG' : 'rg'}\n`);
  return gstate;
}

function shapeText(shape: Shape, options: PaintOptions, out: string[]): void {
  if (shape.subpaths.length === 0) return;
  if (shape.fill && shape.opacity > 0) {
    const restore = setPaint(shape.fill, shape.fillGradient, shape.opacity, false, options, out);
    for (const path of shape.subpaths) subpathText(path, out);
    out.push(restore ? 'f\nQ\n' : 'f\n');
  }
  const stroke = shape.stroke;
  if (stroke && stroke.width > 0 && stroke.opacity > 0) {
    const restore = setPaint(stroke.color, stroke.gradient, stroke.opacity, true, options, out);
    out.push(`${num(stroke.width)} w ${JOIN[stroke.join]} j ${CAP[stroke.cap]} J\n`);
    for (const path of shape.subpaths) subpathText(path, out);
    out.push(restore ? 'S\nQ\n' : 'S\n');
  }
}

/** The drawing's user space (viewBox units, y down) → the page's (points, y up). */
export function drawingMatrix(drawing: Drawing, place: Placement): Matrix {
  const sx = place.width / drawing.width;
  const sy = place.height / drawing.height;
  return [sx, 0, 0, -sy, place.x, place.pageHeight - place.y];
}

/**
 * The page's content: the drawing mapped into its place (y flipped: PDF and PostScript count
 * from the bottom), clipped to its viewBox as an SVG viewport clips. The miter limit is SVG's (4).
 */
export function paintDrawing(drawing: Drawing, place: Placement, options: PaintOptions): string {
  const f = (v: number) => formatNumber(v, 6);
  const out: string[] = [
    'q\n',
    `${drawingMatrix(drawing, place).map(f).join(' ')} cm\n`,
    `0 0 ${num(drawing.width)} ${num(drawing.height)} re W n\n4 M\n`,
  ];
  for (const shape of drawing.shapes) shapeText(shape, options, out);
  out.push('Q\n');
  return out.join('');
}
