/**
 * The `strokeEdges` check on real images: every boundary of the shared graph drawn exactly once.
 * The cutouts of the same image give the graph's length: each shape's outline walks its inner
 * edges (shared with a neighbour, so walked twice over all shapes) and the image border (walked
 * once), so the graph drawn once is (cutout outlines + border) / 2 — for an opaque image, where
 * the shapes cover every pixel. The SVGs are read with the exporters' parser (arcs and
 * primitives become cubics).
 */
import { CUBIC, parseDrawing, type Drawing } from '../../src/engine/export/drawing';
import { flattenCubic } from '../../src/engine/export/flatten';

interface Segment {
  /** Start, controls (for a cubic) and end, flat: x0 y0 … xn yn. */
  points: number[];
  length: number;
}

/** Chord tolerance when measuring a cubic, px: its length is then exact to far below 0.1 %. */
const FLATTEN_TOLERANCE = 0.001;

function cubicLength([x0, y0, x1, y1, x2, y2, x3, y3]: readonly number[]): number {
  const points: [number, number][] = [[x0, y0]];
  flattenCubic([x0, y0], [x1, y1], [x2, y2], [x3, y3], FLATTEN_TOLERANCE, points);
  let length = 0;
  for (let i = 1; i < points.length; i++)
    length += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  return length;
}

/** Every segment of every subpath, closing segments included. */
function segments(drawing: Drawing): Segment[] {
  const out: Segment[] = [];
  for (const shape of drawing.shapes)
    for (const subpath of shape.subpaths) {
      let [x, y] = [subpath.startX, subpath.startY];
      let k = 0;
      for (const kind of subpath.kinds) {
        const n = kind === CUBIC ? 6 : 2;
        const points = [x, y, ...subpath.coords.slice(k, k + n)];
        k += n;
        [x, y] = [points[points.length - 2], points[points.length - 1]];
        const length =
          kind === CUBIC
            ? cubicLength(points)
            : Math.hypot(points[2] - points[0], points[3] - points[1]);
        out.push({ points, length });
      }
      const closing = Math.hypot(subpath.startX - x, subpath.startY - y);
      if (subpath.closed && closing > 1e-9)
        out.push({ points: [x, y, subpath.startX, subpath.startY], length: closing });
    }
  return out;
}

const total = (list: readonly Segment[]) => list.reduce((sum, s) => sum + s.length, 0);

/** A segment's key, the same in either direction (coordinates to 1/100 px). */
function key({ points }: Segment): string {
  const rounded = points.map((v) => Math.round(v * 100));
  const pairs: string[] = [];
  for (let i = 0; i < rounded.length; i += 2) pairs.push(`${rounded[i]},${rounded[i + 1]}`);
  const forward = pairs.join(' ');
  const backward = [...pairs].reverse().join(' ');
  return forward < backward ? forward : backward;
}

export interface EdgeCheck {
  /** Stroked length over the graph's length drawn once (1 is exact). */
  ratio: number;
  /** Segments that more than one path (or one path twice) draws, either way round. */
  doubled: number;
}

/** `edgesSvg` (drawStyle strokeEdges) against `cutoutsSvg` of the same opaque image. */
export function edgeCheck(
  edgesSvg: string,
  cutoutsSvg: string,
  width: number,
  height: number,
): EdgeCheck {
  const drawn = segments(parseDrawing(edgesSvg)).filter((s) => s.length > 1e-9);
  const once = (total(segments(parseDrawing(cutoutsSvg))) + 2 * (width + height)) / 2;
  const seen = new Set<string>();
  let doubled = 0;
  for (const s of drawn) {
    const k = key(s);
    if (seen.has(k)) doubled++;
    else seen.add(k);
  }
  return { ratio: total(drawn) / once, doubled };
}
