/**
 * Synthetic line drawings with known centre lines, for measuring centerline tracing: Bézier
 * curves, polylines with sharp corners, circles and ellipses, crossings and T-junctions,
 * widths 2–10 px, black on white, anti-aliased (4×4 supersampling of round-capped strokes).
 */
import type { Raster } from '../../src/engine/fidelity/index';

export type Point = [number, number];

/** One true stroke: its centre line as a dense polyline, its width, open or closed. */
export interface TrueStroke {
  points: Point[];
  width: number;
  closed: boolean;
}

export interface LineDrawing {
  name: string;
  image: Raster;
  strokes: TrueStroke[];
}

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cubic(p: Point[], steps = 200): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const s = 1 - t;
    const b = [s * s * s, 3 * s * s * t, 3 * s * t * t, t * t * t];
    out.push([
      b[0] * p[0][0] + b[1] * p[1][0] + b[2] * p[2][0] + b[3] * p[3][0],
      b[0] * p[0][1] + b[1] * p[1][1] + b[2] * p[2][1] + b[3] * p[3][1],
    ]);
  }
  return out;
}

/** Subdivides a polyline so that no piece is longer than `step`. */
export function densify(points: Point[], step = 0.5): Point[] {
  const out: Point[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const n = Math.max(1, Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]) / step));
    for (let k = 1; k <= n; k++)
      out.push([a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n]);
  }
  return out;
}

function ellipse(cx: number, cy: number, rx: number, ry: number, tilt: number): Point[] {
  const n = Math.ceil(Math.max(rx, ry) * 8);
  const out: Point[] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    const [x, y] = [rx * Math.cos(a), ry * Math.sin(a)];
    out.push([
      cx + x * Math.cos(tilt) - y * Math.sin(tilt),
      cy + x * Math.sin(tilt) + y * Math.cos(tilt),
    ]);
  }
  return out;
}

type Element = (rand: () => number, cx: number, cy: number, r: number) => TrueStroke[];

const width = (rand: () => number) => 2 + Math.round(rand() * 8);

/** What goes in one cell of the drawing, centred at (cx, cy) within radius r. */
const ELEMENTS: Record<string, Element> = {
  bezier: (rand, cx, cy, r) => {
    const p = (): Point => [cx + (rand() * 2 - 1) * r * 0.8, cy + (rand() * 2 - 1) * r * 0.8];
    const start: Point = [cx - r * 0.8, cy + (rand() - 0.5) * r];
    const end: Point = [cx + r * 0.8, cy + (rand() - 0.5) * r];
    return [{ points: densify(cubic([start, p(), p(), end])), width: width(rand), closed: false }];
  },
  polyline: (rand, cx, cy, r) => {
    const pts: Point[] = [];
    for (let i = 0; i < 4; i++)
      pts.push([
        cx - r * 0.8 + (i * 1.6 * r) / 3,
        cy + (i % 2 ? -1 : 1) * r * (0.4 + rand() * 0.35),
      ]);
    return [{ points: densify(pts), width: width(rand), closed: false }];
  },
  circle: (rand, cx, cy, r) => {
    const radius = r * (0.45 + rand() * 0.35);
    const pts = ellipse(cx, cy, radius, radius, 0);
    return [{ points: densify([...pts, pts[0]]).slice(0, -1), width: width(rand), closed: true }];
  },
  ellipse: (rand, cx, cy, r) => {
    const pts = ellipse(cx, cy, r * 0.8, r * (0.3 + rand() * 0.3), rand() * Math.PI);
    return [{ points: densify([...pts, pts[0]]).slice(0, -1), width: width(rand), closed: true }];
  },
  crossing: (rand, cx, cy, r) => {
    const a = rand() * Math.PI;
    const b = a + Math.PI / 4 + rand() * (Math.PI / 2);
    const line = (t: number): Point[] => [
      [cx - Math.cos(t) * r * 0.85, cy - Math.sin(t) * r * 0.85],
      [cx + Math.cos(t) * r * 0.85, cy + Math.sin(t) * r * 0.85],
    ];
    const w = width(rand);
    return [
      { points: densify(line(a)), width: w, closed: false },
      { points: densify(line(b)), width: width(rand), closed: false },
    ];
  },
  tee: (rand, cx, cy, r) => {
    const a = rand() * Math.PI * 2;
    const [ux, uy] = [Math.cos(a), Math.sin(a)];
    const top: Point = [cx - uy * r * 0.4, cy + ux * r * 0.4];
    const bar: Point[] = [
      [top[0] - ux * r * 0.8, top[1] - uy * r * 0.8],
      [top[0] + ux * r * 0.8, top[1] + uy * r * 0.8],
    ];
    const stem: Point[] = [top, [top[0] + uy * r * 1.2, top[1] - ux * r * 1.2]];
    return [
      { points: densify(bar), width: width(rand), closed: false },
      { points: densify(stem), width: width(rand), closed: false },
    ];
  },
};

function segmentDistance(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const len2 = dx * dx + dy * dy;
  const t =
    len2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Rasterises round-capped strokes, black on white, 4×4 samples per pixel. */
export function rasterize(w: number, h: number, strokes: TrueStroke[]): Raster {
  const hits = new Uint16Array(w * h);
  for (const stroke of strokes) {
    const pts = stroke.closed ? [...stroke.points, stroke.points[0]] : stroke.points;
    const half = stroke.width / 2;
    for (let i = 1; i < pts.length; i++) {
      const [a, b] = [pts[i - 1], pts[i]];
      const x0 = Math.max(0, Math.floor(Math.min(a[0], b[0]) - half - 1));
      const x1 = Math.min(w - 1, Math.ceil(Math.max(a[0], b[0]) + half + 1));
      const y0 = Math.max(0, Math.floor(Math.min(a[1], b[1]) - half - 1));
      const y1 = Math.min(h - 1, Math.ceil(Math.max(a[1], b[1]) + half + 1));
      for (let y = y0; y <= y1; y++)
        for (let x = x0; x <= x1; x++) {
          let bits = hits[y * w + x];
          for (let s = 0; s < 16; s++) {
            if (bits & (1 << s)) continue;
            const p: Point = [x + ((s % 4) + 0.5) / 4, y + (Math.floor(s / 4) + 0.5) / 4];
            if (segmentDistance(p, a, b) <= half) bits |= 1 << s;
          }
          hits[y * w + x] = bits;
        }
    }
  }
  const data = new Uint8Array(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    let n = 0;
    for (let v = hits[i]; v; v &= v - 1) n++;
    const value = 255 - Math.round((n * 255) / 16);
    data.set([value, value, value, 255], i * 4);
  }
  return { data, width: w, height: h };
}

/**
 * A drawing of `columns × rows` cells of `cell` pixels, each holding one element (cycling
 * through Bézier, polyline, circle, ellipse, crossing, T-junction), parameters from `seed`.
 */
export function lineDrawing(seed: number, columns = 3, rows = 2, cell = 128): LineDrawing {
  const rand = random(seed);
  const kinds = Object.keys(ELEMENTS);
  const strokes: TrueStroke[] = [];
  for (let row = 0; row < rows; row++)
    for (let col = 0; col < columns; col++) {
      const kind = kinds[(seed + row * columns + col) % kinds.length];
      const [cx, cy] = [(col + 0.5) * cell, (row + 0.5) * cell];
      strokes.push(...ELEMENTS[kind](rand, cx, cy, cell * 0.4));
    }
  const image = rasterize(columns * cell, rows * cell, strokes);
  return { name: `drawing-${seed}`, image, strokes };
}
