/**
 * Scores a traced SVG against an arc scene (bench/lib/arc-scene.ts): which true arcs came back
 * as arc commands on their own circle or ellipse, and how far those arcs' centres and radii lie
 * from the truth (px).
 */
import { arcEllipse } from '../../src/engine/export/arcs';
import { arcPoint, type TrueArc } from './arc-scene';

/** An arc command of the output, absolute: its ellipse (centre as a reader places it). */
export interface WrittenArc {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  angle: number;
  from: [number, number];
  to: [number, number];
  /** True: clockwise on screen. */
  sweep: boolean;
}

const ARITY: Record<string, number> = {
  m: 2,
  l: 2,
  h: 1,
  v: 1,
  c: 6,
  s: 4,
  q: 4,
  t: 2,
  a: 7,
  z: 0,
};

/** Every arc command of every path of `svg`, absolute. */
export function readArcs(svg: string): WrittenArc[] {
  const out: WrittenArc[] = [];
  for (const m of svg.matchAll(/ d="([^"]*)"/g)) {
    const tokens = m[1].match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
    let [x, y, sx, sy] = [0, 0, 0, 0];
    let command = '';
    for (let i = 0; i < tokens.length;) {
      if (/[a-zA-Z]/.test(tokens[i])) command = tokens[i++];
      const lower = command.toLowerCase();
      const args = tokens.slice(i, i + ARITY[lower]).map(Number);
      i += ARITY[lower];
      const rel = command === lower;
      const [ox, oy] = rel ? [x, y] : [0, 0];
      if (lower === 'z') {
        [x, y] = [sx, sy];
        continue;
      }
      if (lower === 'm') {
        [x, y] = [ox + args[0], oy + args[1]];
        [sx, sy] = [x, y];
        command = rel ? 'l' : 'L';
      } else if (lower === 'h') x = ox + args[0];
      else if (lower === 'v') y = oy + args[0];
      else if (lower === 'l' || lower === 't') [x, y] = [ox + args[0], oy + args[1]];
      else if (lower === 'c') [x, y] = [ox + args[4], oy + args[5]];
      else if (lower === 's' || lower === 'q') [x, y] = [ox + args[2], oy + args[3]];
      else if (lower === 'a') {
        const to: [number, number] = [ox + args[5], oy + args[6]];
        const { cx, cy, rx, ry } = arcEllipse(
          x,
          y,
          ...(args.slice(0, 3) as [number, number, number]),
          args[3] !== 0,
          args[4] !== 0,
          ...to,
        );
        out.push({ cx, cy, rx, ry, angle: args[2], from: [x, y], to, sweep: args[4] !== 0 });
        [x, y] = to;
      }
    }
  }
  return out;
}

/** Geometry error (px) between a true arc's ellipse and a written one: centre and radii. */
function arcError(t: TrueArc, w: WrittenArc): number {
  const truth = [t.rx, t.ry].sort((a, b) => b - a);
  const got = [w.rx, w.ry].sort((a, b) => b - a);
  return Math.max(
    Math.hypot(t.cx - w.cx, t.cy - w.cy),
    Math.abs(truth[0] - got[0]),
    Math.abs(truth[1] - got[1]),
  );
}

/** Whether `p` lies within the turn of the written arc, seen from its centre. */
function spans(w: WrittenArc, p: [number, number]): boolean {
  const angle = (q: [number, number]) => Math.atan2(q[1] - w.cy, q[0] - w.cx);
  const turn = (a: number, b: number) => {
    const d = (w.sweep ? b - a : a - b) % (2 * Math.PI);
    return d < 0 ? d + 2 * Math.PI : d;
  };
  const start = angle(w.from);
  return turn(start, angle(p)) <= turn(start, angle(w.to));
}

export interface ArcScore {
  arcs: number;
  /** True arcs whose middle four fifths are covered by written arcs on their ellipse. */
  found: number;
  /** Geometry error (px) of each found arc: its worst covering arc's. */
  errors: number[];
}

/** Samples along the middle of each true arc, each covered by a written arc within 1.5 px of
 * its ellipse that spans it. */
export function scoreArcs(truth: TrueArc[], svg: string): ArcScore {
  const written = readArcs(svg);
  const errors: number[] = [];
  for (const t of truth) {
    const samples = 20;
    let covered = 0;
    let worst = 0;
    for (let k = 0; k < samples; k++) {
      const u = t.from + (t.to - t.from) * (0.1 + (0.8 * (k + 0.5)) / samples);
      const p = arcPoint(t, u);
      const near = written
        .map((w) => ({ w, e: arcError(t, w) }))
        .filter(({ w, e }) => e <= 1.5 && spans(w, p))
        .sort((a, b) => a.e - b.e)[0];
      if (near) {
        covered++;
        worst = Math.max(worst, near.e);
      }
    }
    if (covered >= 0.9 * samples) errors.push(worst);
  }
  return { arcs: truth.length, found: errors.length, errors };
}
