/**
 * Scores a traced SVG against a synthetic shapes scene (bench/lib/shapes-scene.ts): which true
 * shapes came back as `<circle>`, `<ellipse>` or `<rect>`, and how far their geometry lies from
 * the truth (centre, radii, corners and corner radius, in px).
 */
import type { TrueShape } from './shapes-scene';

type Corner = [number, number];

/** The primitives of an SVG, in the truth's own terms (angle in degrees). */
export function readPrimitives(svg: string): TrueShape[] {
  const out: TrueShape[] = [];
  for (const m of svg.matchAll(/<(circle|ellipse|rect)\s([^>]*?)\/?>/g)) {
    const a: Record<string, string> = {};
    for (const [, k, v] of m[2].matchAll(/([\w-]+)="([^"]*)"/g)) a[k] = v;
    const n = (k: string) => Number(a[k] ?? 0);
    const angle = Number(/rotate\(\s*([-\d.e]+)/.exec(a.transform ?? '')?.[1] ?? 0);
    const fill = a.fill ?? '#000';
    if (m[1] === 'circle') out.push({ kind: 'circle', cx: n('cx'), cy: n('cy'), r: n('r'), fill });
    else if (m[1] === 'ellipse')
      out.push({
        kind: 'ellipse',
        cx: n('cx'),
        cy: n('cy'),
        rx: n('rx'),
        ry: n('ry'),
        angle,
        fill,
      });
    else {
      const [w, h] = [n('width'), n('height')];
      // A full-canvas background rectangle is no traced shape.
      out.push({
        kind: 'rect',
        cx: n('x') + w / 2,
        cy: n('y') + h / 2,
        w,
        h,
        angle,
        fill,
        rx: n('rx'),
      });
    }
  }
  return out;
}

function rectCorners(s: Extract<TrueShape, { kind: 'rect' }>): Corner[] {
  const t = (s.angle * Math.PI) / 180;
  return [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ].map(([u, v]) => {
    const [x, y] = [(u * s.w) / 2, (v * s.h) / 2];
    return [s.cx + x * Math.cos(t) - y * Math.sin(t), s.cy + x * Math.sin(t) + y * Math.cos(t)];
  });
}

/** Largest geometric difference between a true shape and a traced one of the same family. */
export function geometryError(truth: TrueShape, got: TrueShape): number {
  const centre = Math.hypot(truth.cx - got.cx, truth.cy - got.cy);
  const radii = (s: TrueShape) =>
    s.kind === 'circle'
      ? [s.r, s.r]
      : s.kind === 'ellipse'
        ? [s.rx, s.ry].sort((a, b) => b - a)
        : [];
  if (truth.kind === 'rect' && got.kind === 'rect') {
    const mine = rectCorners(got);
    return Math.max(
      centre,
      Math.abs((truth.rx ?? 0) - (got.rx ?? 0)),
      ...rectCorners(truth).map((c) =>
        Math.min(...mine.map((d) => Math.hypot(c[0] - d[0], c[1] - d[1]))),
      ),
    );
  }
  if (truth.kind === 'rect' || got.kind === 'rect') return Infinity;
  const [a, b] = [radii(truth), radii(got)];
  return Math.max(centre, Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]));
}

export interface SceneScore {
  /** Wholly visible true shapes, and how many came back as a primitive of their family. */
  shapes: number;
  found: number;
  /** Geometry errors (px) of the found ones. */
  errors: number[];
  /** Primitives in the output that match no true shape (beyond 1 px). */
  extra: number;
}

export function scoreScene(shapes: TrueShape[], whole: boolean[], svg: string): SceneScore {
  const got = readPrimitives(svg);
  const used = new Set<number>();
  /** The primitive nearest `truth` that no shape has taken, if within 1.5 px. */
  const take = (truth: TrueShape): number | undefined => {
    let best = -1;
    let bestError = Infinity;
    got.forEach((g, j) => {
      if (used.has(j)) return;
      const e = geometryError(truth, g);
      if (e < bestError) [best, bestError] = [j, e];
    });
    if (best < 0 || bestError >= 1.5) return undefined;
    used.add(best);
    return bestError;
  };
  const errors: number[] = [];
  let shapesCounted = 0;
  shapes.forEach((truth, i) => {
    if (!whole[i]) return;
    shapesCounted++;
    const error = take(truth);
    if (error !== undefined) errors.push(error);
  });
  // A partly hidden shape may come back whole (drawn under the shapes that hide it): that
  // primitive is true, though the shape is not counted among those that must come back.
  shapes.forEach((truth, i) => {
    if (!whole[i]) take(truth);
  });
  return { shapes: shapesCounted, found: errors.length, errors, extra: got.length - used.size };
}
