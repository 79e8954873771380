/**
 * ASCII DXF (AutoCAD 2004, AC1018, the first version with true colour), in millimetres
 * ($INSUNITS = 4), y up. One layer per colour, named by its hex (`#a81d33`) and given that
 * colour (true colour, group 420, plus the nearest AutoCAD index colour, group 62, for readers
 * without true colour); entities take their layer's colour. Every loop of every shape is
 * exported, holes too (a DXF outline has no fill rule: a hole is just another loop).
 *
 * - `lines`: one closed LWPOLYLINE per loop, curves (circles and ellipses too) flattened to
 *   within `tolerance` mm.
 * - `linesArcs`: as `lines`, but a whole circle (a `<circle>`, or a circle hole) is a CIRCLE.
 * - `linesArcsSplines`: circles are CIRCLEs and ellipses ELLIPSEs; a loop's runs of cubics
 *   become SPLINE entities (degree 3, one Bézier piece per knot span, so the curves are exact)
 *   and its runs of straight segments open LWPOLYLINEs, chained end to start; a loop of straight
 *   segments only is one closed LWPOLYLINE. The engine fits no other arcs, so no ARCs.
 *
 * Strokes (the stroke styles, centerline mode) are written along their centre lines, as the
 * loops are, on their colour's layer; a polyline carries the stroke's width (group 43), a SPLINE
 * cannot. DXF has no caps, joins or gradients: what is lost is said in the warnings. The seam
 * strokes are not exported: they retrace edges that the fills' loops already hold.
 */
import { aciNearest } from './aci';
import { flattenCubic, type Point } from './flatten';
import {
  CUBIC,
  hexColor,
  type Drawing,
  type Ellipse,
  type Rgb,
  type Shape,
  type Subpath,
} from './drawing';
import type { Placement } from './units';

export const DXF_CURVES = ['lines', 'linesArcs', 'linesArcsSplines'] as const;
export type DxfCurves = (typeof DXF_CURVES)[number];

export interface DxfOptions {
  curves: DxfCurves;
  /** Largest distance a flattened curve may stray from the curve, in mm (`lines` only). */
  tolerance: number;
}

const MM_PER_PT = 25.4 / 72;

/** A number for a DXF value: at most 6 decimals, shortest form. */
function n(v: number): string {
  const r = Math.round(v * 1e6) / 1e6;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Entity and table handles, unique in the file; $HANDSEED is the next one. */
class Handles {
  private value = 0x20;
  next(): string {
    return (this.value++).toString(16).toUpperCase();
  }
  get seed(): string {
    return this.value.toString(16).toUpperCase();
  }
}

/** Group code / value lines. */
class Groups {
  readonly out: string[] = [];
  constructor(private readonly handles: Handles) {}
  next(): string {
    return this.handles.next();
  }
  add(...pairs: (string | number)[]): void {
    for (let i = 0; i < pairs.length; i += 2) this.out.push(String(pairs[i]), String(pairs[i + 1]));
  }
}

interface Run {
  cubic: boolean;
  /** Start point, then per segment: 1 point (line) or 3 (cubic). */
  points: Point[];
}

type Segment = { cubic: boolean; points: Point[] };

/** A subpath's segments in millimetres, each with its end point(s) (not its start). */
function segmentsOf(path: Subpath, map: (x: number, y: number) => Point): Segment[] {
  const segments: Segment[] = [];
  const { kinds, coords } = path;
  let k = 0;
  for (const kind of kinds) {
    const size = kind === CUBIC ? 6 : 2;
    const points: Point[] = [];
    for (let j = 0; j < size; j += 2) points.push(map(coords[k + j], coords[k + j + 1]));
    segments.push({ cubic: kind === CUBIC, points });
    k += size;
  }
  return segments;
}

/** Segments from `begin`, grouped into runs of one kind. */
function runsOf(segments: Segment[], begin: Point): Run[] {
  const runs: Run[] = [];
  let pen = begin;
  for (const segment of segments) {
    let run = runs.at(-1);
    if (!run || run.cubic !== segment.cubic) {
      run = { cubic: segment.cubic, points: [pen] };
      runs.push(run);
    }
    run.points.push(...segment.points);
    pen = segment.points.at(-1)!;
  }
  return runs;
}

/** Closes a subpath with a line when its data ends short of its start (`z` draws that line). */
function closeWithLine(segments: Segment[], start: Point): void {
  const last = segments[segments.length - 1]?.points.at(-1);
  if (last && (Math.abs(last[0] - start[0]) > 1e-9 || Math.abs(last[1] - start[1]) > 1e-9))
    segments.push({ cubic: false, points: [start] });
}

/** A loop in millimetres, split into runs of lines and runs of cubics, starting at a run border. */
function loopRuns(path: Subpath, map: (x: number, y: number) => Point): Run[] {
  const segments = segmentsOf(path, map);
  const start = map(path.startX, path.startY);
  closeWithLine(segments, start);
  if (segments.length === 0) return [];
  // Rotate so that the loop starts where the kind changes (a run is not cut in two).
  let first = segments.findIndex((s, i) => s.cubic !== segments.at(i - 1)!.cubic);
  if (first < 0) first = 0;
  const ordered = [...segments.slice(first), ...segments.slice(0, first)];
  return runsOf(ordered, first === 0 ? start : segments[first - 1].points.at(-1)!);
}

/** A stroked subpath in millimetres as runs, from its start (closed: back to it). */
function openRuns(path: Subpath, map: (x: number, y: number) => Point): Run[] {
  const segments = segmentsOf(path, map);
  const start = map(path.startX, path.startY);
  if (path.closed) closeWithLine(segments, start);
  return runsOf(segments, start);
}

function lwpolyline(
  g: Groups,
  owner: string,
  layer: string,
  points: Point[],
  closed: boolean,
  width = 0,
) {
  g.add(0, 'LWPOLYLINE', 5, g.next(), 330, owner, 100, 'AcDbEntity', 8, layer);
  g.add(100, 'AcDbPolyline', 90, points.length, 70, closed ? 1 : 0);
  if (width > 0) g.add(43, n(width));
  for (const [x, y] of points) g.add(10, n(x), 20, n(y));
}

/** A whole circle or ellipse, mapped to mm (y up), as a CIRCLE or an ELLIPSE. */
function ellipseEntity(
  g: Groups,
  owner: string,
  layer: string,
  e: Ellipse,
  map: (x: number, y: number) => Point,
  scale: number,
) {
  const [cx, cy] = map(e.cx, e.cy);
  g.add(0, e.rx === e.ry ? 'CIRCLE' : 'ELLIPSE', 5, g.next(), 330, owner, 100, 'AcDbEntity');
  g.add(8, layer);
  if (e.rx === e.ry) {
    g.add(100, 'AcDbCircle', 10, n(cx), 20, n(cy), 30, 0, 40, n(e.rx * scale));
    return;
  }
  // The major axis from the centre, y flipped; the ratio of minor to major.
  const phi = (e.rotation * Math.PI) / 180 + (e.rx >= e.ry ? 0 : Math.PI / 2);
  const major = Math.max(e.rx, e.ry) * scale;
  g.add(100, 'AcDbEllipse', 10, n(cx), 20, n(cy), 30, 0);
  g.add(11, n(major * Math.cos(phi)), 21, n(-major * Math.sin(phi)), 31, 0);
  g.add(210, 0, 220, 0, 230, 1, 40, n(Math.min(e.rx, e.ry) / Math.max(e.rx, e.ry)));
  g.add(41, 0, 42, n(2 * Math.PI));
}

function spline(g: Groups, owner: string, layer: string, points: Point[]) {
  const pieces = (points.length - 1) / 3;
  const knots = [0, 0, 0, 0];
  for (let i = 1; i < pieces; i++) knots.push(i, i, i);
  knots.push(pieces, pieces, pieces, pieces);
  g.add(0, 'SPLINE', 5, g.next(), 330, owner, 100, 'AcDbEntity', 8, layer);
  g.add(100, 'AcDbSpline', 210, 0, 220, 0, 230, 1, 70, 8, 71, 3);
  g.add(72, knots.length, 73, points.length, 74, 0, 42, '1e-10', 43, '1e-10');
  for (const knot of knots) g.add(40, knot);
  for (const [x, y] of points) g.add(10, n(x), 20, n(y), 30, 0);
}

/** A flattened run sequence: the start, then every point (curves within `tolerance`). */
function flatten(runs: Run[], tolerance: number): Point[] {
  const points: Point[] = [runs[0].points[0]];
  for (const run of runs) {
    if (!run.cubic) points.push(...run.points.slice(1));
    else
      for (let i = 1; i < run.points.length; i += 3)
        flattenCubic(
          run.points[i - 1],
          run.points[i],
          run.points[i + 1],
          run.points[i + 2],
          tolerance,
          points,
        );
  }
  return points;
}

function loopEntities(g: Groups, owner: string, layer: string, runs: Run[], options: DxfOptions) {
  if (options.curves !== 'linesArcsSplines' || runs.every((run) => !run.cubic)) {
    const points = flatten(runs, options.tolerance);
    points.pop(); // the closing point repeats the first; the closed flag draws that side
    if (points.length >= 2) lwpolyline(g, owner, layer, points, true);
    return;
  }
  for (const run of runs)
    if (run.cubic) spline(g, owner, layer, run.points);
    else lwpolyline(g, owner, layer, run.points, false);
}

/** An open or closed stroke along its centre line; polylines carry its width. */
function strokeEntities(
  g: Groups,
  owner: string,
  layer: string,
  path: Subpath,
  map: (x: number, y: number) => Point,
  width: number,
  options: DxfOptions,
) {
  const runs = openRuns(path, map);
  if (runs.length === 0) return;
  if (options.curves !== 'linesArcsSplines' || runs.every((run) => !run.cubic)) {
    const points = flatten(runs, options.tolerance);
    if (path.closed) points.pop();
    lwpolyline(g, owner, layer, points, path.closed, width);
    return;
  }
  for (const run of runs)
    if (run.cubic) spline(g, owner, layer, run.points);
    else lwpolyline(g, owner, layer, run.points, false, width);
}

function table(g: Groups, name: string, entries: number, body: (owner: string) => void) {
  const handle = g.next();
  g.add(0, 'TABLE', 2, name, 5, handle, 330, 0, 100, 'AcDbSymbolTable', 70, entries);
  body(handle);
  g.add(0, 'ENDTAB');
}

/** What a DXF cannot hold of these shapes, said once per kind. */
function lossWarnings(filled: Shape[], stroked: Shape[]): string[] {
  const warnings: string[] = [];
  const gradients =
    filled.filter((s) => s.fillGradient).length + stroked.filter((s) => s.stroke!.gradient).length;
  if (gradients)
    warnings.push(
      `DXF has no gradients: ${gradients} gradient paint${gradients > 1 ? 's are' : ' is'} ` +
        'drawn in its mean colour.',
    );
  if (stroked.length)
    warnings.push(
      `DXF lines have no caps or joins: ${stroked.length} stroke${stroked.length > 1 ? 's are' : ' is'} ` +
        'written along the centre line (polylines with the stroke width, splines without), ' +
        'their round caps and joins left out.',
    );
  if ([...filled, ...stroked].some((s) => (s.fill ? s.opacity : s.stroke!.opacity) < 1))
    warnings.push('DXF has no transparency: translucent paints are drawn opaque.');
  return warnings;
}

/** The DXF text; what the format cannot hold is pushed onto `warnings`. */
export function writeDxf(
  drawing: Drawing,
  place: Placement,
  options: DxfOptions,
  warnings: string[] = [],
): string {
  const sx = (place.width / drawing.width) * MM_PER_PT;
  const sy = (place.height / drawing.height) * MM_PER_PT;
  const left = place.x * MM_PER_PT;
  const top = (place.pageHeight - place.y) * MM_PER_PT;
  const map = (x: number, y: number): Point => [left + x * sx, top - y * sy];

  // Fills by their colour (a gradient's mean), strokes other than seams by theirs.
  const filled = drawing.shapes.filter((s) => s.fill && s.opacity > 0 && s.subpaths.length);
  const stroked = drawing.shapes.filter(
    (s) => s.stroke && !s.stroke.seam && s.stroke.width > 0 && s.stroke.opacity > 0,
  );
  const layers = new Map<string, Rgb>();
  for (const shape of filled) layers.set(hexColor(shape.fill!), shape.fill!);
  for (const shape of stroked) layers.set(hexColor(shape.stroke!.color), shape.stroke!.color);

  const handles = new Handles();
  const modelSpace = handles.next();
  const paperSpace = handles.next();
  const entities = new Groups(handles);
  const native = (e: Ellipse | undefined): e is Ellipse =>
    e !== undefined &&
    (options.curves === 'linesArcsSplines' || (options.curves === 'linesArcs' && e.rx === e.ry));
  for (const shape of filled) {
    const layer = hexColor(shape.fill!);
    for (const path of shape.subpaths) {
      if (native(path.ellipse)) {
        ellipseEntity(entities, modelSpace, layer, path.ellipse, map, sx);
        continue;
      }
      const runs = loopRuns(path, map);
      if (runs.length) loopEntities(entities, modelSpace, layer, runs, options);
    }
  }
  for (const shape of stroked) {
    const stroke = shape.stroke!;
    const layer = hexColor(stroke.color);
    for (const path of shape.subpaths)
      strokeEntities(entities, modelSpace, layer, path, map, stroke.width * sx, options);
  }
  warnings.push(...lossWarnings(filled, stroked));

  const extMin = [left, top - drawing.height * sy];
  const extMax = [left + drawing.width * sx, top];
  const s = new Groups(handles);
  {
    s.add(0, 'SECTION', 2, 'TABLES');
    table(s, 'VPORT', 1, (owner) => {
      s.add(0, 'VPORT', 5, s.next(), 330, owner, 100, 'AcDbSymbolTableRecord');
      s.add(100, 'AcDbViewportTableRecord', 2, '*Active', 70, 0);
      s.add(10, 0, 20, 0, 11, 1, 21, 1);
      s.add(12, n((extMin[0] + extMax[0]) / 2), 22, n((extMin[1] + extMax[1]) / 2));
      s.add(
        40,
        n((extMax[1] - extMin[1]) * 1.1),
        41,
        n((extMax[0] - extMin[0]) / (extMax[1] - extMin[1])),
      );
    });
    table(s, 'LTYPE', 3, (owner) => {
      for (const name of ['ByBlock', 'ByLayer', 'Continuous']) {
        s.add(0, 'LTYPE', 5, s.next(), 330, owner, 100, 'AcDbSymbolTableRecord');
        s.add(
          100,
          'AcDbLinetypeTableRecord',
          2,
          name,
          70,
          0,
          3,
          name === 'Continuous' ? 'Solid line' : '',
        );
        s.add(72, 65, 73, 0, 40, 0);
      }
    });
    table(s, 'LAYER', layers.size + 1, (owner) => {
      const layer = (name: string, rgb: Rgb | null) => {
        s.add(0, 'LAYER', 5, s.next(), 330, owner, 100, 'AcDbSymbolTableRecord');
        s.add(100, 'AcDbLayerTableRecord', 2, name, 70, 0, 62, rgb ? aciNearest(rgb) : 7);
        if (rgb) s.add(420, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
        s.add(6, 'Continuous');
      };
      layer('0', null);
      for (const [name, rgb] of layers) layer(name, rgb);
    });
    table(s, 'STYLE', 1, (owner) => {
      s.add(0, 'STYLE', 5, s.next(), 330, owner, 100, 'AcDbSymbolTableRecord');
      s.add(100, 'AcDbTextStyleTableRecord', 2, 'Standard', 70, 0, 40, 0, 41, 1, 50, 0, 71, 0);
      s.add(42, 2.5, 3, 'txt', 4, '');
    });
    table(s, 'VIEW', 0, () => {});
    table(s, 'UCS', 0, () => {});
    table(s, 'APPID', 1, (owner) => {
      s.add(0, 'APPID', 5, s.next(), 330, owner, 100, 'AcDbSymbolTableRecord');
      s.add(100, 'AcDbRegAppTableRecord', 2, 'ACAD', 70, 0);
    });
    table(s, 'DIMSTYLE', 0, () => {});
    table(s, 'BLOCK_RECORD', 2, (owner) => {
      for (const [handle, name] of [
        [modelSpace, '*Model_Space'],
        [paperSpace, '*Paper_Space'],
      ]) {
        s.add(0, 'BLOCK_RECORD', 5, handle, 330, owner, 100, 'AcDbSymbolTableRecord');
        s.add(100, 'AcDbBlockTableRecord', 2, name);
      }
    });
    s.add(0, 'ENDSEC');
    s.add(0, 'SECTION', 2, 'BLOCKS');
    for (const [owner, name] of [
      [modelSpace, '*Model_Space'],
      [paperSpace, '*Paper_Space'],
    ]) {
      s.add(0, 'BLOCK', 5, s.next(), 330, owner, 100, 'AcDbEntity', 8, '0');
      s.add(100, 'AcDbBlockBegin', 2, name, 70, 0, 10, 0, 20, 0, 30, 0, 3, name, 1, '');
      s.add(0, 'ENDBLK', 5, s.next(), 330, owner, 100, 'AcDbEntity', 8, '0', 100, 'AcDbBlockEnd');
    }
    s.add(0, 'ENDSEC');
  }

  const header = new Groups(handles);
  header.add(0, 'SECTION', 2, 'HEADER');
  header.add(9, '$ACADVER', 1, 'AC1018', 9, '$HANDSEED', 5, handles.seed);
  header.add(9, '$INSUNITS', 70, 4, 9, '$MEASUREMENT', 70, 1);
  header.add(9, '$EXTMIN', 10, n(extMin[0]), 20, n(extMin[1]), 30, 0);
  header.add(9, '$EXTMAX', 10, n(extMax[0]), 20, n(extMax[1]), 30, 0);
  header.add(0, 'ENDSEC');

  return [
    header.out.join('\n'),
    s.out.join('\n'),
    '0\nSECTION\n2\nENTITIES',
    ...(entities.out.length ? [entities.out.join('\n')] : []),
    '0\nENDSEC\n0\nEOF\n',
  ].join('\n');
}
