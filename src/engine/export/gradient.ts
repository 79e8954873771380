/**
 * Gradient paints read from the engine's `<linearGradient>` / `<radialGradient>` elements
 * (`wasm-core/src/gradient_svg.rs`): user-space coordinates (`gradientUnits="userSpaceOnUse"`),
 * an optional `gradientTransform`, `spreadMethod` pad, `<stop offset stop-color>`. Offsets are
 * read as SVG reads them: clamped to 0..1 and never below an earlier one. Anything the exporters
 * cannot draw the same (bounding-box units, reflect / repeat, `href` templates, translucent
 * stops) is refused rather than drawn wrong.
 */
import { malformed, parseColor, type Rgb } from './drawing';
import { parseTransform, type Matrix } from './transform';

export interface GradientStop {
  offset: number;
  color: Rgb;
}

export interface Gradient {
  kind: 'linear' | 'radial';
  /** linear: x1 y1 x2 y2 (offset 0 to 1); radial: fx fy fr cx cy r (focal circle, end circle). */
  coords: number[];
  /** At least one; offsets in 0..1, not decreasing. */
  stops: GradientStop[];
  /** gradientTransform: gradient space → user space. */
  transform: Matrix;
}

/** A coordinate: a number, or a percentage of `reference` (the viewBox side). */
function coordinate(text: string | undefined, fallback: number, reference: number): number {
  if (text === undefined) return fallback;
  const t = text.trim();
  const value = t.endsWith('%') ? (Number(t.slice(0, -1)) / 100) * reference : Number(t);
  if (!Number.isFinite(value)) throw malformed(`a gradient coordinate "${text}" is not a number`);
  return value;
}

/** The gradient an element's attributes describe, without its stops yet. */
export function readGradient(
  tag: 'linearGradient' | 'radialGradient',
  attrs: Map<string, string>,
  [width, height]: [number, number],
): Gradient {
  const id = attrs.get('id') ?? '';
  if (attrs.get('gradientUnits') !== 'userSpaceOnUse')
    throw malformed(`the gradient "${id}" is not in userSpaceOnUse units`);
  const spread = attrs.get('spreadMethod') ?? 'pad';
  if (spread !== 'pad') throw malformed(`the gradient "${id}" has spreadMethod "${spread}"`);
  if (attrs.has('href') || attrs.has('xlink:href'))
    throw malformed(`the gradient "${id}" refers to another gradient`);
  const transform = parseTransform(attrs.get('gradientTransform'));
  if (!transform) throw malformed(`the gradientTransform of "${id}" is not an SVG transform`);
  const diagonal = Math.hypot(width, height) / Math.SQRT2;
  const x = (key: string, fallback: number) => coordinate(attrs.get(key), fallback, width);
  const y = (key: string, fallback: number) => coordinate(attrs.get(key), fallback, height);
  const r = (key: string, fallback: number) => coordinate(attrs.get(key), fallback, diagonal);
  if (tag === 'linearGradient')
    return {
      kind: 'linear',
      coords: [x('x1', 0), y('y1', 0), x('x2', width), y('y2', 0)],
      stops: [],
      transform,
    };
  const [cx, cy] = [x('cx', width / 2), y('cy', height / 2)];
  const radius = r('r', diagonal / 2);
  if (radius < 0) throw malformed(`the gradient "${id}" has a negative radius`);
  return {
    kind: 'radial',
    coords: [x('fx', cx), y('fy', cy), r('fr', 0), cx, cy, radius],
    stops: [],
    transform,
  };
}

/** Adds a `<stop>`: its offset clamped to 0..1 and to at least the previous one. */
export function addStop(gradient: Gradient, attrs: Map<string, string>): void {
  const text = (attrs.get('offset') ?? '0').trim();
  let offset = text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
  if (!Number.isFinite(offset)) throw malformed(`a stop offset "${text}" is not a number`);
  const opacity = Number(attrs.get('stop-opacity') ?? '1');
  if (opacity !== 1) throw malformed('a gradient stop is translucent (stop-opacity)');
  offset = Math.min(1, Math.max(0, offset, gradient.stops.at(-1)?.offset ?? 0));
  gradient.stops.push({ offset, color: parseColor(attrs.get('stop-color') ?? 'black') });
}

/** Whether the gradient has no extent: SVG then paints its last stop's colour. */
export function isDegenerate(gradient: Gradient): boolean {
  const c = gradient.coords;
  if (gradient.kind === 'linear') return c[0] === c[2] && c[1] === c[3];
  return c[5] <= c[2];
}

/** The mean colour of the stops over offsets 0..1 (sRGB, as renderers interpolate). */
export function meanStopColor(stops: readonly GradientStop[]): Rgb {
  if (stops.length === 0) throw malformed('a gradient has no stops');
  const first = stops[0].color;
  const last = stops[stops.length - 1].color;
  const padded: GradientStop[] = [
    { offset: 0, color: first },
    ...stops,
    { offset: 1, color: last },
  ];
  const sum = [0, 0, 0];
  for (let i = 1; i < padded.length; i++) {
    const span = padded[i].offset - padded[i - 1].offset;
    for (let c = 0; c < 3; c++)
      sum[c] += (span * (padded[i].color[c] + padded[i - 1].color[c])) / 2;
  }
  return sum.map((v) => Math.round(v)) as Rgb;
}
