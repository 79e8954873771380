/**
 * How well a centerline SVG matches the true centre lines of a synthetic drawing
 * (`line-art.ts`): recall and precision of centre-line samples within 1.5 px + width/4, mean
 * distance of the output to the truth, output length over true length, paths per true
 * stroke, and the ink IoU of the stroked render against the input.
 */
import { densify, type LineDrawing, type Point, type TrueStroke } from './line-art';
import { renderSvg } from './render';
import type { Raster } from '../../src/engine/fidelity/index';

export interface OutputPath {
  points: Point[];
  width: number;
}

/** The stroked paths of an SVG (M/m, L/l, H/h, V/v, C/c, Z/z), cubics flattened. */
export function readStrokes(svg: string): OutputPath[] {
  const out: OutputPath[] = [];
  for (const match of svg.matchAll(/<path([^>]*?)\sd="([^"]*)"/g)) {
    const width = Number(/stroke-width="([^"]+)"/.exec(match[1])?.[1] ?? 1);
    const tokens = match[2].match(/[MmLlHhVvCcZz]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
    let points: Point[] = [];
    let [x, y, sx, sy] = [0, 0, 0, 0];
    let command = '';
    let i = 0;
    const num = () => Number(tokens[i++]);
    const flush = () => {
      if (points.length) out.push({ points, width });
      points = [];
    };
    while (i < tokens.length) {
      if (/[A-Za-z]/.test(tokens[i])) command = tokens[i++];
      const rel = command === command.toLowerCase();
      switch (command.toUpperCase()) {
        case 'M':
          flush();
          [x, y] = rel ? [x + num(), y + num()] : [num(), num()];
          [sx, sy] = [x, y];
          points.push([x, y]);
          command = rel ? 'l' : 'L';
          break;
        case 'L':
          [x, y] = rel ? [x + num(), y + num()] : [num(), num()];
          points.push([x, y]);
          break;
        case 'H':
          x = rel ? x + num() : num();
          points.push([x, y]);
          break;
        case 'V':
          y = rel ? y + num() : num();
          points.push([x, y]);
          break;
        case 'C': {
          const c = [num(), num(), num(), num(), num(), num()];
          const [ox, oy] = rel ? [x, y] : [0, 0];
          const p = [
            [x, y],
            [c[0] + ox, c[1] + oy],
            [c[2] + ox, c[3] + oy],
            [c[4] + ox, c[5] + oy],
          ];
          for (let k = 1; k <= 16; k++) {
            const t = k / 16;
            const s = 1 - t;
            const b = [s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t];
            points.push([
              b[0] * p[0][0] + b[1] * p[1][0] + b[2] * p[2][0] + b[3] * p[3][0],
              b[0] * p[0][1] + b[1] * p[1][1] + b[2] * p[2][1] + b[3] * p[3][1],
            ]);
          }
          [x, y] = [p[3][0], p[3][1]];
          break;
        }
        case 'Z':
          [x, y] = [sx, sy];
          points.push([x, y]);
          command = '';
          break;
        default:
          i++;
      }
    }
    flush();
  }
  return out;
}

interface Piece {
  a: Point;
  b: Point;
  width: number;
}

/** Nearest-segment queries over a grid of buckets. */
class SegmentIndex {
  private cells = new Map<number, Piece[]>();
  constructor(
    pieces: Piece[],
    private size = 8,
  ) {
    for (const piece of pieces) {
      const [x0, x1] = [Math.min(piece.a[0], piece.b[0]), Math.max(piece.a[0], piece.b[0])];
      const [y0, y1] = [Math.min(piece.a[1], piece.b[1]), Math.max(piece.a[1], piece.b[1])];
      for (let cx = Math.floor(x0 / size); cx <= Math.floor(x1 / size); cx++)
        for (let cy = Math.floor(y0 / size); cy <= Math.floor(y1 / size); cy++) {
          const key = cx * 65536 + cy;
          const list = this.cells.get(key) ?? [];
          list.push(piece);
          this.cells.set(key, list);
        }
    }
  }

  /** Distance to the nearest piece (searching up to `reach` cells away) and its width. */
  nearest(p: Point, reach = 3): { distance: number; width: number } {
    let best = { distance: Infinity, width: 0 };
    const [cx, cy] = [Math.floor(p[0] / this.size), Math.floor(p[1] / this.size)];
    for (let dx = -reach; dx <= reach; dx++)
      for (let dy = -reach; dy <= reach; dy++)
        for (const piece of this.cells.get((cx + dx) * 65536 + cy + dy) ?? []) {
          const d = segmentDistance(p, piece.a, piece.b);
          if (d < best.distance) best = { distance: d, width: piece.width };
        }
    return best;
  }
}

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function pieces(lines: { points: Point[]; width: number; closed?: boolean }[]): Piece[] {
  const out: Piece[] = [];
  for (const line of lines) {
    const pts = line.closed ? [...line.points, line.points[0]] : line.points;
    for (let i = 1; i < pts.length; i++) out.push({ a: pts[i - 1], b: pts[i], width: line.width });
    if (pts.length === 1) out.push({ a: pts[0], b: pts[0], width: line.width });
  }
  return out;
}

function polylineLength(points: Point[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++)
    sum += Math.hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  return sum;
}

function inkMask(raster: Raster): Uint8Array {
  const n = raster.width * raster.height;
  const mask = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const [r, g, b, a] = raster.data.subarray(i * 4, i * 4 + 4);
    const over = (v: number) => (v * a) / 255 + 255 - a;
    mask[i] = 0.2126 * over(r) + 0.7152 * over(g) + 0.0722 * over(b) < 128 ? 1 : 0;
  }
  return mask;
}

export interface CenterlineScore {
  recall: number;
  precision: number;
  meanDistance: number;
  lengthRatio: number;
  pathsPerStroke: number;
  iou: number;
  paths: number;
  strokes: number;
}

/** Scores one centerline SVG against its drawing. */
export function scoreCenterline(drawing: LineDrawing, svg: string): CenterlineScore {
  const truth: TrueStroke[] = drawing.strokes;
  const output = readStrokes(svg);
  const truthIndex = new SegmentIndex(pieces(truth));
  const outputIndex = new SegmentIndex(pieces(output));
  let [found, total] = [0, 0];
  for (const stroke of truth)
    for (const p of stroke.points) {
      total++;
      if (outputIndex.nearest(p).distance <= 1.5 + stroke.width / 4) found++;
    }
  let [kept, samples, distanceSum] = [0, 0, 0];
  for (const path of output)
    for (const p of densify(path.points, 0.5)) {
      samples++;
      const near = truthIndex.nearest(p);
      const d = Math.min(near.distance, 24);
      distanceSum += d;
      if (near.distance <= 1.5 + near.width / 4) kept++;
    }
  const trueLength = truth.reduce(
    (sum, s) => sum + polylineLength(s.closed ? [...s.points, s.points[0]] : s.points),
    0,
  );
  const outputLength = output.reduce((sum, p) => sum + polylineLength(p.points), 0);
  const input = inkMask(drawing.image);
  const rendered = inkMask(renderSvg(svg, 'white'));
  let [both, either] = [0, 0];
  for (let i = 0; i < input.length; i++) {
    both += input[i] & rendered[i];
    either += input[i] | rendered[i];
  }
  return {
    recall: found / Math.max(1, total),
    precision: kept / Math.max(1, samples),
    meanDistance: distanceSum / Math.max(1, samples),
    lengthRatio: outputLength / Math.max(1e-9, trueLength),
    pathsPerStroke: output.length / Math.max(1, truth.length),
    iou: both / Math.max(1, either),
    paths: output.length,
    strokes: truth.length,
  };
}
