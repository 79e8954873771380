/**
 * The drawing as PDF content-stream operators (`m l c h f S rg RG w j re W n q Q cm`). EPS uses
 * the same text: its prolog defines these names as the PostScript operators they abbreviate.
 *
 * Fills use the non-zero winding rule, as SVG does (the engine writes holes reversed). The seam
 * strokes are painted too, with their width and round joins: they cover the hairline gaps a
 * renderer's anti-aliasing leaves between abutting shapes, in PDF and EPS as in SVG.
 */
import { CUBIC, type Drawing, type Rgb, type Shape, type Subpath } from './drawing';
import { formatNumber, type Placement } from './units';

/** A coordinate on the engine's grid (at most 3 decimals) in its shortest form. */
const num = (v: number) => String(Math.round(v * 1000) / 1000);

const channel = (v: number) => formatNumber(v / 255, 4);

function color([r, g, b]: Rgb): string {
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
   * How a fill with opacity below 1 is painted: through a named graphics state (PDF; the name
   * is looked up or made by the callback), or mixed with white paper (EPS has no transparency).
   */
  opacity: { kind: 'gstate'; name: (opacity: number) => string } | { kind: 'mix-white' };
}

function mixWithWhite(rgb: Rgb, opacity: number): Rgb {
  return rgb.map((v) => Math.round(v * opacity + 255 * (1 - opacity))) as Rgb;
}

function shapeText(shape: Shape, options: PaintOptions, out: string[]): void {
  if (shape.subpaths.length === 0) return;
  if (shape.fill) {
    const translucent = shape.opacity < 1;
    if (shape.opacity === 0) return;
    let fill = shape.fill;
    if (translucent && options.opacity.kind === 'gstate')
      out.push(`q /${options.opacity.name(shape.opacity)} gs\n`);
    else if (translucent) fill = mixWithWhite(fill, shape.opacity);
    out.push(`${color(fill)} rg\n`);
    for (const path of shape.subpaths) subpathText(path, out);
    out.push('f\n');
    if (translucent && options.opacity.kind === 'gstate') out.push('Q\n');
  }
  if (shape.stroke && shape.stroke.width > 0) {
    const join = { miter: 0, round: 1, bevel: 2 }[shape.stroke.join];
    out.push(`${color(shape.stroke.color)} RG ${num(shape.stroke.width)} w ${join} j\n`);
    for (const path of shape.subpaths) subpathText(path, out);
    out.push('S\n');
  }
}

/**
 * The page's content: the drawing mapped into its place (y flipped: PDF and PostScript count
 * from the bottom), clipped to its viewBox as an SVG viewport clips.
 */
export function paintDrawing(drawing: Drawing, place: Placement, options: PaintOptions): string {
  const sx = place.width / drawing.width;
  const sy = place.height / drawing.height;
  const f = (v: number) => formatNumber(v, 6);
  const out: string[] = [
    'q\n',
    `${f(sx)} 0 0 ${f(-sy)} ${f(place.x)} ${f(place.pageHeight - place.y)} cm\n`,
    `0 0 ${num(drawing.width)} ${num(drawing.height)} re W n\n`,
  ];
  for (const shape of drawing.shapes) shapeText(shape, options, out);
  out.push('Q\n');
  return out.join('');
}
