/**
 * Elliptical arcs and the primitive elements (`<circle>`, `<ellipse>`, `<rect>` with its corners
 * rounded by `rx` or sharp, with a `rotate(a cx cy)` transform) as cubic Béziers for the
 * exporters: each arc is cut into pieces of at most 90°, each piece one cubic (radial error
 * under 0.03 % of the radius).
 */
import { CUBIC, LINE, type Ellipse, type Subpath } from './drawing';

/** The cubic control-point distance for a unit-circle piece of angle `t`. */
const handle = (t: number) => (4 / 3) * Math.tan(t / 4);

/** An SVG arc's ellipse as a reader places it, and where along it the arc runs. */
export interface ArcEllipse {
  cx: number;
  cy: number;
  /** Radii, grown where the given ones cannot reach from one end to the other. */
  rx: number;
  ry: number;
  cos: number;
  sin: number;
  /** Parametric angle of the start, and the turn to the end (radians, signed). */
  start: number;
  delta: number;
}

/**
 * The ellipse of the arc from (x0, y0) to (x, y) as SVG's `A` command describes it (radii,
 * x-axis rotation in degrees, large-arc and sweep flags), by the SVG 1.1 implementation notes
 * (appendix F.6.5); radii must not be 0 and the ends must differ.
 */
export function arcEllipse(
  x0: number,
  y0: number,
  rxIn: number,
  ryIn: number,
  rotation: number,
  largeArc: boolean,
  sweep: boolean,
  x: number,
  y: number,
): ArcEllipse {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  const phi = (rotation * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  // The midpoint in the ellipse's own frame.
  const dx = (x0 - x) / 2;
  const dy = (y0 - y) / 2;
  const px = cos * dx + sin * dy;
  const py = -sin * dx + cos * dy;
  const grow = (px * px) / (rx * rx) + (py * py) / (ry * ry);
  if (grow > 1) {
    rx *= Math.sqrt(grow);
    ry *= Math.sqrt(grow);
  }
  const num = rx * rx * ry * ry - rx * rx * py * py - ry * ry * px * px;
  const den = rx * rx * py * py + ry * ry * px * px;
  let k = Math.sqrt(Math.max(0, num / den));
  if (largeArc === sweep) k = -k;
  const cxp = (k * rx * py) / ry;
  const cyp = (-k * ry * px) / rx;
  const angle = (ux: number, uy: number) => Math.atan2(uy, ux);
  const start = angle((px - cxp) / rx, (py - cyp) / ry);
  let delta = angle((-px - cxp) / rx, (-py - cyp) / ry) - start;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  return {
    cx: cos * cxp - sin * cyp + (x0 + x) / 2,
    cy: sin * cxp + cos * cyp + (y0 + y) / 2,
    rx,
    ry,
    cos,
    sin,
    start,
    delta,
  };
}

/**
 * Appends to `path` the cubics of the arc from (x0, y0) to (x, y), as SVG's `A` command
 * describes it (radii, x-axis rotation in degrees, large-arc and sweep flags).
 */
export function appendArc(
  path: Subpath,
  x0: number,
  y0: number,
  rxIn: number,
  ryIn: number,
  rotation: number,
  largeArc: boolean,
  sweep: boolean,
  x: number,
  y: number,
): void {
  if ((x0 === x && y0 === y) || rxIn === 0 || ryIn === 0) {
    path.kinds.push(LINE);
    path.coords.push(x, y);
    return;
  }
  const { cx, cy, rx, ry, cos, sin, start, delta } = arcEllipse(
    x0,
    y0,
    rxIn,
    ryIn,
    rotation,
    largeArc,
    sweep,
    x,
    y,
  );
  const pieces = Math.max(1, Math.ceil(Math.abs(delta) / (Math.PI / 2) - 1e-9));
  const step = delta / pieces;
  const h = handle(step);
  // A point and its tangent on the ellipse at parameter t, in the drawing's frame.
  const at = (t: number, scale: number): [number, number] => {
    const [u, v] = [
      rx * (Math.cos(t) - scale * Math.sin(t)),
      ry * (Math.sin(t) + scale * Math.cos(t)),
    ];
    return [cx + cos * u - sin * v, cy + sin * u + cos * v];
  };
  for (let i = 0; i < pieces; i++) {
    const t0 = start + i * step;
    const t1 = t0 + step;
    const end: [number, number] = i === pieces - 1 ? [x, y] : at(t1, 0);
    path.kinds.push(CUBIC);
    path.coords.push(...at(t0, h), ...at(t1, -h), ...end);
  }
}

/**
 * The whole ellipse two arcs draw, when they are what the engine writes for a circle or ellipse
 * hole: from one end of the long axis to the other and back, with the same radii, rotation,
 * large-arc and sweep flags (`arcs` holds per arc: rx ry rotation large sweep, then the ends
 * x0 y0 x1 y1). Undefined for anything else.
 */
export function ellipseOfArcs(arcs: readonly number[][]): Ellipse | undefined {
  if (arcs.length !== 2) return undefined;
  const [a, b] = arcs;
  for (let i = 0; i < 5; i++) if (a[i] !== b[i]) return undefined;
  const [rx, ry, rotation, large] = a;
  if (!large || rx <= 0 || ry <= 0) return undefined;
  // The second arc returns to the first's start, across the centre.
  const near = (p: number, q: number) => Math.abs(p - q) < 1e-6;
  if (!near(b[5], a[7]) || !near(b[6], a[8]) || !near(b[7], a[5]) || !near(b[8], a[6]))
    return undefined;
  const [cx, cy] = [(a[5] + a[7]) / 2, (a[6] + a[8]) / 2];
  const half = Math.hypot(a[7] - a[5], a[8] - a[6]) / 2;
  const phi = (rotation * Math.PI) / 180;
  // The ends lie on the ellipse's x axis, rx from the centre (to the grid's rounding).
  const across = Math.abs((a[5] - cx) * Math.sin(phi) - (a[6] - cy) * Math.cos(phi));
  const slack = 0.01 * rx;
  if (Math.abs(half - rx) > slack || (rx !== ry && across > slack)) return undefined;
  return { cx, cy, rx, ry, rotation: rx === ry ? 0 : rotation };
}

/** `rotate(a cx cy)` → [a in degrees, cx, cy]; no transform → 0. */
export function readRotation(transform: string | undefined): [number, number, number] {
  if (!transform) return [0, 0, 0];
  const m = /^\s*rotate\(\s*([^\s,)]+)(?:[\s,]+([^\s,)]+)[\s,]+([^\s,)]+))?\s*\)\s*$/.exec(
    transform,
  );
  const values = m ? [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number) : [];
  if (values.length !== 3 || values.some((v) => !Number.isFinite(v))) return [NaN, 0, 0];
  return values as [number, number, number];
}

/** A closed ellipse (a circle when rx = ry) as one subpath of four cubics, clockwise on screen. */
export function ellipseSubpath(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  rotation: number,
): Subpath {
  const phi = (rotation * Math.PI) / 180;
  const [ex, ey] = [cx + rx * Math.cos(phi), cy + rx * Math.sin(phi)];
  const [wx, wy] = [cx - rx * Math.cos(phi), cy - rx * Math.sin(phi)];
  const path: Subpath = {
    startX: ex,
    startY: ey,
    kinds: [],
    coords: [],
    closed: true,
    ellipse: { cx, cy, rx, ry, rotation },
  };
  appendArc(path, ex, ey, rx, ry, rotation, true, true, wx, wy);
  appendArc(path, wx, wy, rx, ry, rotation, true, true, ex, ey);
  return path;
}

/**
 * A rectangle turned by `rotation` degrees about (ox, oy), as one closed subpath: four lines, or
 * with corners rounded by `r`, a line and a quarter circle per side.
 */
export function rectSubpath(
  x: number,
  y: number,
  w: number,
  h: number,
  [rotation, ox, oy]: [number, number, number],
  r = 0,
): Subpath {
  const t = (rotation * Math.PI) / 180;
  const turn = (px: number, py: number) => [
    ox + (px - ox) * Math.cos(t) - (py - oy) * Math.sin(t),
    oy + (px - ox) * Math.sin(t) + (py - oy) * Math.cos(t),
  ];
  if (r <= 0) {
    const [a, b, c, d] = [turn(x, y), turn(x + w, y), turn(x + w, y + h), turn(x, y + h)];
    return {
      startX: a[0],
      startY: a[1],
      kinds: [LINE, LINE, LINE],
      coords: [...b, ...c, ...d],
      closed: true,
    };
  }
  const k = Math.min(r, w / 2, h / 2);
  // Each side's two ends, clockwise from the top side's start.
  const ends = [
    turn(x + k, y),
    turn(x + w - k, y),
    turn(x + w, y + k),
    turn(x + w, y + h - k),
    turn(x + w - k, y + h),
    turn(x + k, y + h),
    turn(x, y + h - k),
    turn(x, y + k),
  ];
  const path: Subpath = {
    startX: ends[0][0],
    startY: ends[0][1],
    kinds: [],
    coords: [],
    closed: true,
  };
  for (let i = 0; i < 8; i += 2) {
    const [to, next] = [ends[i + 1], ends[(i + 2) % 8]];
    path.kinds.push(LINE);
    path.coords.push(to[0], to[1]);
    appendArc(path, to[0], to[1], k, k, 0, false, true, next[0], next[1]);
  }
  return path;
}
