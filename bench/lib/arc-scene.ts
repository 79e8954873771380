/**
 * Synthetic flat-colour scenes of shapes whose outlines are made in part of circular and
 * elliptical arcs, with their true SVG: pie slices, circle segments (a disc cut by a chord),
 * crescents and slices of rotated ellipses, of random size, colour and turn, on a plain
 * background, none touching another. Each true arc is listed with its circle or ellipse and the
 * parametric angles it spans. Rendered with resvg, so the input is anti-aliased like artwork.
 */
import type { Raster } from '../../src/engine/fidelity';
import { renderSvg } from './render';
import { random } from './line-art';

/** One arc of a true outline: its ellipse (rx = ry for a circle; angle in degrees) and the
 * parametric angles (radians) it runs between, `from` < `to`. */
export interface TrueArc {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  angle: number;
  from: number;
  to: number;
}

export interface ArcScene {
  name: string;
  width: number;
  height: number;
  arcs: TrueArc[];
  svg: string;
  image: Raster;
}

const r2 = (v: number) => Math.round(v * 100) / 100;

/** A point of the arc's ellipse at parametric angle `t`. */
export function arcPoint(a: TrueArc, t: number): [number, number] {
  const phi = (a.angle * Math.PI) / 180;
  const [u, v] = [a.rx * Math.cos(t), a.ry * Math.sin(t)];
  return [
    a.cx + u * Math.cos(phi) - v * Math.sin(phi),
    a.cy + u * Math.sin(phi) + v * Math.cos(phi),
  ];
}

/** The path text of `arc` drawn from `from` to `to` (either way round). */
function arcTo(a: TrueArc, forward: boolean): string {
  const end = arcPoint(a, forward ? a.to : a.from);
  const large = a.to - a.from > Math.PI ? 1 : 0;
  return `A${r2(a.rx)} ${r2(a.ry)} ${a.angle} ${large} ${forward ? 1 : 0} ${r2(end[0])} ${r2(end[1])}`;
}

const at = (p: [number, number]) => `${r2(p[0])} ${r2(p[1])}`;

/** One shape around (cx, cy) reaching at most `size`: its path and its arcs. */
function shape(rand: () => number, cx: number, cy: number, size: number) {
  const kind = rand();
  const start = rand() * 2 * Math.PI;
  if (kind < 0.3) {
    // A pie slice: the centre, then the arc.
    const arc = { cx, cy, rx: size, ry: size, angle: 0, from: start, to: start + 1 + rand() * 4 };
    return { d: `M${cx} ${cy}L${at(arcPoint(arc, arc.from))}${arcTo(arc, true)}Z`, arcs: [arc] };
  }
  if (kind < 0.55) {
    // A circle segment: an arc of more than a third of a turn, closed by its chord.
    const arc = { cx, cy, rx: size, ry: size, angle: 0, from: start, to: start + 2.2 + rand() * 3 };
    return { d: `M${at(arcPoint(arc, arc.from))}${arcTo(arc, true)}Z`, arcs: [arc] };
  }
  if (kind < 0.8) {
    // A crescent: an outer circle's arc, back along a smaller, shifted circle's.
    const inner = size * (0.6 + rand() * 0.25);
    const shift = size - inner + size * (0.15 + rand() * 0.2);
    const [dx, dy] = [Math.cos(start) * shift, Math.sin(start) * shift];
    // The two circles meet where |p - c| = size and |p - c - d| = inner.
    const along = (size * size - inner * inner + shift * shift) / (2 * shift);
    const half = Math.acos(Math.min(1, along / size));
    const outer = {
      cx,
      cy,
      rx: size,
      ry: size,
      angle: 0,
      from: start + half,
      to: start + 2 * Math.PI - half,
    };
    const [ix, iy] = [cx + dx, cy + dy];
    const meet = (sign: number) => {
      const p = arcPoint(outer, start + sign * half);
      return Math.atan2(p[1] - iy, p[0] - ix);
    };
    const a0 = meet(1);
    let a1 = meet(-1);
    if (a1 < a0) a1 += 2 * Math.PI;
    const cut = { cx: r2(ix), cy: r2(iy), rx: inner, ry: inner, angle: 0, from: a0, to: a1 };
    if (a1 - a0 > 2 * Math.PI - 0.2) return undefined;
    return {
      d: `M${at(arcPoint(outer, outer.from))}${arcTo(outer, true)}${arcTo(cut, false)}Z`,
      arcs: [outer, cut],
    };
  }
  // A slice of a rotated ellipse, from its centre.
  const ry = Math.round(size * (0.45 + rand() * 0.35) * 10) / 10;
  const angle = Math.round((rand() * 90 - 45) * 10) / 10;
  const arc = { cx, cy, rx: size, ry, angle, from: start, to: start + 1.5 + rand() * 3.5 };
  return { d: `M${cx} ${cy}L${at(arcPoint(arc, arc.from))}${arcTo(arc, true)}Z`, arcs: [arc] };
}

/** A random colour at least 60 (RGB distance) from every colour in `taken`. */
function color(rand: () => number, taken: number[][]): string {
  for (let tries = 0; ; tries++) {
    const rgb = [0, 1, 2].map(() => Math.floor(40 + rand() * 200));
    const far = taken.every((t) => Math.hypot(...t.map((v, i) => v - rgb[i])) >= 60);
    if (far || tries > 50) {
      taken.push(rgb);
      return `#${rgb.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }
  }
}

/** Scene `seed`: up to `count` shapes on a `width`×`height` canvas. */
export function arcScene(seed: number, { width = 320, height = 240, count = 8 } = {}): ArcScene {
  const rand = random(seed * 104729 + 3);
  const placed: [number, number, number][] = [];
  const arcs: TrueArc[] = [];
  const paths: string[] = [];
  const taken = [[0xf4, 0xf1, 0xe8]];
  for (let tries = 0; placed.length < count && tries < 2000; tries++) {
    const size = Math.round((10 + rand() * 34) * 10) / 10;
    const cx = Math.round((size + 2 + rand() * (width - 2 * size - 4)) * 10) / 10;
    const cy = Math.round((size + 2 + rand() * (height - 2 * size - 4)) * 10) / 10;
    if (placed.some(([x, y, r]) => Math.hypot(x - cx, y - cy) < r + size + 3)) continue;
    const s = shape(rand, cx, cy, size);
    if (!s) continue;
    placed.push([cx, cy, size]);
    arcs.push(...s.arcs);
    paths.push(`<path d="${s.d}" fill="${color(rand, taken)}"/>`);
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="#f4f1e8"/>` +
    paths.join('') +
    '</svg>';
  return { name: `arcs-${seed}`, width, height, arcs, svg, image: renderSvg(svg) };
}
