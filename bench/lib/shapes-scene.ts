/**
 * Synthetic flat-colour scenes of circles, rotated ellipses and rotated rectangles with their
 * true SVG: shapes of random size, colour and rotation, some standing alone and some nested
 * inside an earlier one; with `overlap`, some cross others' outlines (the lower one is then
 * partly hidden); with `rounded`, the rectangles' corners are rounded. Rendered with resvg, so
 * the input is anti-aliased like real artwork.
 */
import type { Raster } from '../../src/engine/fidelity';
import { renderSvg } from './render';
import { random } from './line-art';

export type TrueShape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  | {
      kind: 'ellipse';
      cx: number;
      cy: number;
      rx: number;
      ry: number;
      angle: number;
      fill: string;
    }
  | {
      kind: 'rect';
      cx: number;
      cy: number;
      w: number;
      h: number;
      angle: number;
      fill: string;
      /** Corner radius; none or 0: sharp corners. */
      rx?: number;
    };

export interface ShapesScene {
  name: string;
  width: number;
  height: number;
  background: string;
  shapes: TrueShape[];
  /** Whether each shape is wholly visible (not covered in part by a later one). */
  whole: boolean[];
  svg: string;
  image: Raster;
}

/** Radius of the circle around a shape (for placement). */
export function reach(s: TrueShape): number {
  if (s.kind === 'circle') return s.r;
  if (s.kind === 'ellipse') return Math.max(s.rx, s.ry);
  return Math.hypot(s.w, s.h) / 2;
}

/** Radius of the circle inside a shape (for nesting). */
function inner(s: TrueShape): number {
  if (s.kind === 'circle') return s.r;
  if (s.kind === 'ellipse') return Math.min(s.rx, s.ry);
  return Math.min(s.w, s.h) / 2;
}

const r1 = (v: number) => Math.round(v * 10) / 10;

export function shapeElement(s: TrueShape): string {
  const turn = (a: number) => (a === 0 ? '' : ` transform="rotate(${a} ${s.cx} ${s.cy})"`);
  if (s.kind === 'circle') return `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${s.fill}"/>`;
  if (s.kind === 'ellipse')
    return `<ellipse cx="${s.cx}" cy="${s.cy}" rx="${s.rx}" ry="${s.ry}" fill="${s.fill}"${turn(s.angle)}/>`;
  const rx = s.rx ? ` rx="${s.rx}"` : '';
  return `<rect x="${r1(s.cx - s.w / 2)}" y="${r1(s.cy - s.h / 2)}" width="${s.w}" height="${s.h}"${rx} fill="${s.fill}"${turn(s.angle)}/>`;
}

/** A random colour at least 60 (RGB distance) from every colour in `taken`: flat artwork
 * does not set shapes on near-identical colours. */
function color(rand: () => number, taken: string[]): string {
  const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  for (let tries = 0; ; tries++) {
    const c = () => Math.floor(40 + rand() * 200);
    const hex = `#${[c(), c(), c()].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    const far = taken.every((t) => Math.hypot(...rgb(t).map((v, i) => v - rgb(hex)[i])) >= 60);
    if (far || tries > 50) return hex;
  }
}

function shape(
  rand: () => number,
  cx: number,
  cy: number,
  size: number,
  taken: string[],
  rounded: boolean,
): TrueShape {
  const fill = color(rand, taken);
  const kind = rand();
  const angle = rand() < 0.25 ? 0 : Math.round((rand() * 90 - 45) * 10) / 10;
  if (kind < 0.4) return { kind: 'circle', cx: r1(cx), cy: r1(cy), r: r1(size), fill };
  if (kind < 0.7) {
    const ry = r1(size * (0.45 + rand() * 0.4));
    return { kind: 'ellipse', cx: r1(cx), cy: r1(cy), rx: r1(size), ry, angle, fill };
  }
  const h = r1(size * 2 * (0.4 + rand() * 0.5));
  const w = r1(size * 2);
  const rect: TrueShape = { kind: 'rect', cx: r1(cx), cy: r1(cy), w, h, angle, fill };
  // Corners rounded by a tenth to a third of the shorter side, at least 2 px.
  if (rounded) rect.rx = r1(Math.max(2, Math.min(w, h) * (0.1 + rand() * 0.23)));
  return rect;
}

/** Scene `seed`: `count` shapes on a `width`×`height` canvas. */
export function shapesScene(
  seed: number,
  { width = 320, height = 240, count = 10, overlap = false, rounded = false } = {},
): ShapesScene {
  const rand = random(seed * 7919 + (overlap ? 1 : 0) + (rounded ? 2 : 0));
  const shapes: TrueShape[] = [];
  const taken = ['#f4f1e8'];
  let tries = 0;
  while (shapes.length < count && tries++ < 2000) {
    const nestIn =
      shapes.length > 0 && rand() < 0.3 ? shapes[Math.floor(rand() * shapes.length)] : null;
    if (nestIn) {
      const room = inner(nestIn);
      if (room < 12) continue;
      const size = room * (0.35 + rand() * 0.35);
      const s = shape(rand, nestIn.cx, nestIn.cy, size, taken, rounded);
      if (reach(s) < room - 4 && !shapes.some((o) => o !== nestIn && crosses(o, s))) {
        shapes.push(s);
        taken.push(s.fill);
      }
      continue;
    }
    const size = 8 + rand() * 36;
    const s = shape(
      rand,
      size + rand() * (width - 2 * size),
      size + rand() * (height - 2 * size),
      size,
      taken,
      rounded,
    );
    if (reach(s) > Math.min(s.cx, s.cy, width - s.cx, height - s.cy) - 2) continue;
    const clash = shapes.filter((o) => crosses(o, s));
    if (clash.length === 0 || (overlap && clash.length === 1 && rand() < 0.5)) {
      shapes.push(s);
      taken.push(s.fill);
    }
  }
  const whole = shapes.map((s, i) => !shapes.slice(i + 1).some((o) => crosses(o, s)));
  const background = '#f4f1e8';
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="${background}"/>` +
    shapes.map(shapeElement).join('') +
    '</svg>';
  return {
    name: `${rounded ? 'rounded' : overlap ? 'overlap' : 'scene'}-${seed}`,
    width,
    height,
    background,
    shapes,
    whole,
    svg,
    image: renderSvg(svg),
  };
}

/** Whether two shapes' outlines may meet (their circles intersect and neither nests). */
function crosses(a: TrueShape, b: TrueShape): boolean {
  const d = Math.hypot(a.cx - b.cx, a.cy - b.cy);
  const [ra, rb] = [reach(a), reach(b)];
  if (d > ra + rb + 2) return false;
  // Nested with room to spare: b inside a's inner circle or a inside b's.
  return !(d + rb < inner(a) - 2 || d + ra < inner(b) - 2);
}
