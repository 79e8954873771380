/**
 * The engine's SVG read back as a drawing for the exporters: its viewBox size and, in paint
 * order, one shape per `<path>` with absolute coordinates (y down, viewBox units).
 *
 * It reads what `wasm-core/src/svg.rs` writes — `M m L l H h V v C c A a Z z` with implicit repeats
 * and shortest numbers (`l.5-.5.5`), a fill (black when absent) with an optional `fill-opacity`,
 * the seam strokes (`fill="none" stroke="#…"` on the path itself, or in the `gap-filler` group)
 * whose width and join come from the enclosing `<g>`, the strokes of the stroke styles and of
 * centerline mode (`<g fill="none" stroke-linecap="round" …>`, with `stroke-opacity`), and the
 * primitives `<circle>`, `<ellipse>`, `<rect>` (with a `rotate` transform); arcs and primitives
 * become cubics (see `arcs.ts`), and a whole circle or ellipse keeps its geometry too (for DXF's
 * CIRCLE / ELLIPSE) — and refuses anything else rather than drawing it wrong. A gradient paint
 * (`url(#g0)`, from `<defs>`, see `gradient.ts`) is kept with its mean colour beside it, for the
 * formats that can only draw it flat.
 */
import { VectorizeError } from '../errors';
import { appendArc, ellipseOfArcs, ellipseSubpath, readRotation, rectSubpath } from './arcs';
import { addStop, isDegenerate, meanStopColor, readGradient, type Gradient } from './gradient';

export type Rgb = [number, number, number];

/**
 * A subpath as a flat list: `start` then segments. `segments` holds, per segment, a kind in
 * `kinds` (LINE: 2 numbers x y; CUBIC: 6 numbers x1 y1 x2 y2 x y) and its numbers in `coords`.
 */
export interface Subpath {
  startX: number;
  startY: number;
  kinds: number[];
  coords: number[];
  closed: boolean;
  /** Set when the subpath is a whole circle or ellipse (its cubics approximate it). */
  ellipse?: Ellipse;
}

/** A circle (rx = ry) or an ellipse turned by `rotation` degrees, in viewBox units (y down). */
export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  rotation: number;
}

export const LINE = 0;
export const CUBIC = 1;

export interface Stroke {
  /** The colour, or a gradient's mean colour. */
  color: Rgb;
  /** The gradient the stroke is painted with, or null for a flat colour. */
  gradient: Gradient | null;
  width: number;
  join: 'round' | 'miter' | 'bevel';
  cap: 'butt' | 'round' | 'square';
  /** 0..1 (stroke-opacity) */
  opacity: number;
  /** A seam (or gap-filler) stroke: it retraces edges of filled shapes to hide their seams. */
  seam: boolean;
}

export interface Shape {
  /** The fill (a gradient's mean colour for a gradient fill), or null for a stroke-only path. */
  fill: Rgb | null;
  /** The gradient the fill is painted with, or null for a flat colour. */
  fillGradient: Gradient | null;
  /** 0..1 */
  opacity: number;
  stroke: Stroke | null;
  subpaths: Subpath[];
}

export interface Drawing {
  width: number;
  height: number;
  shapes: Shape[];
}

export function malformed(detail: string): VectorizeError {
  return new VectorizeError('INVALID_INPUT', `The SVG cannot be exported: ${detail}.`);
}

export function parseColor(text: string): Rgb {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb;
  }
  if (text === 'black') return [0, 0, 0];
  if (text === 'white') return [255, 255, 255];
  throw malformed(`the colour ${JSON.stringify(text)} is not a hex colour`);
}

/** `#rrggbb` */
export function hexColor([r, g, b]: Rgb): string {
  return '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('');
}

const ARITY: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, a: 7, z: 0 };

const isSpace = (c: number) => c === 32 || c === 44 || c === 10 || c === 9 || c === 13;
const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * Reads the number at `d[at]` into `scanned.value` and its end into `scanned.end` (`end` stays
 * `at` when there is none). By hand rather than with a regular expression: a 16 MP photo's SVG
 * holds millions of numbers.
 */
const scanned = { value: 0, end: 0 };
function scanNumber(d: string, at: number): void {
  let i = at;
  let c = d.charCodeAt(i);
  const negative = c === 45;
  if (c === 43 || c === 45) c = d.charCodeAt(++i);
  let mantissa = 0;
  let digits = 0;
  let decimals = 0;
  while (isDigit(c)) {
    mantissa = mantissa * 10 + (c - 48);
    digits++;
    c = d.charCodeAt(++i);
  }
  if (c === 46) {
    c = d.charCodeAt(++i);
    while (isDigit(c)) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      decimals++;
      c = d.charCodeAt(++i);
    }
  }
  scanned.end = at;
  if (digits === 0) return;
  if (c === 101 || c === 69 || digits > 15) {
    // An exponent or more digits than a double holds exactly: let the runtime read it.
    let end = i;
    if (c === 101 || c === 69) {
      end++;
      if (d[end] === '+' || d[end] === '-') end++;
      while (isDigit(d.charCodeAt(end))) end++;
    }
    scanned.value = Number(d.slice(at, end));
    scanned.end = end;
    return;
  }
  const value = decimals ? mantissa / 10 ** decimals : mantissa;
  scanned.value = negative ? -value : value;
  scanned.end = i;
}

/** Path data → absolute subpaths. */
export function parsePathData(d: string): Subpath[] {
  const subpaths: Subpath[] = [];
  let current: Subpath | undefined;
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = '';
  let i = 0;
  const args = [0, 0, 0, 0, 0, 0, 0];
  // The current subpath's arcs (rare: circle and ellipse holes), and whether it has other segments.
  let arcs: number[][] = [];
  let onlyArcs = true;
  const finish = () => {
    if (current && current.closed && onlyArcs && arcs.length === 2)
      current.ellipse = ellipseOfArcs(arcs);
    arcs = [];
    onlyArcs = true;
  };
  const open = () => {
    finish();
    current = { startX: x, startY: y, kinds: [], coords: [], closed: false };
    subpaths.push(current);
    return current;
  };
  // Drawing after `z` starts a new subpath at the closed one's start.
  const ensureOpen = () => (!current || current.closed ? open() : current);
  for (;;) {
    while (i < d.length && isSpace(d.charCodeAt(i))) i++;
    if (i >= d.length) break;
    const ch = d[i];
    const code = d.charCodeAt(i);
    if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) {
      if (!(ch.toLowerCase() in ARITY))
        throw malformed(`the path command "${ch}" is not supported`);
      command = ch;
      i++;
      if (ch === 'z' || ch === 'Z') {
        if (!current) throw malformed('a path closes before it starts');
        current.closed = true;
        x = startX;
        y = startY;
      }
      continue;
    }
    if (!command || command === 'z' || command === 'Z')
      throw malformed(`a number stands where a command belongs (at ${i})`);
    const lower = command.toLowerCase();
    const arity = ARITY[lower];
    for (let k = 0; k < arity; k++) {
      while (i < d.length && isSpace(d.charCodeAt(i))) i++;
      scanNumber(d, i);
      if (scanned.end === i) throw malformed(`a number is missing after "${command}" (at ${i})`);
      args[k] = scanned.value;
      i = scanned.end;
    }
    const relative = command === lower;
    const ox = relative ? x : 0;
    const oy = relative ? y : 0;
    switch (lower) {
      case 'm':
        x = ox + args[0];
        y = oy + args[1];
        startX = x;
        startY = y;
        open();
        // Pairs after a move are lines.
        command = relative ? 'l' : 'L';
        break;
      case 'l':
      case 'h':
      case 'v': {
        onlyArcs = false;
        const nx = lower === 'v' ? x : ox + args[0];
        const ny = lower === 'h' ? y : oy + args[lower === 'v' ? 0 : 1];
        const path = ensureOpen();
        path.kinds.push(LINE);
        path.coords.push(nx, ny);
        x = nx;
        y = ny;
        break;
      }
      case 'c': {
        onlyArcs = false;
        const path = ensureOpen();
        path.kinds.push(CUBIC);
        path.coords.push(
          ox + args[0],
          oy + args[1],
          ox + args[2],
          oy + args[3],
          ox + args[4],
          oy + args[5],
        );
        x = ox + args[4];
        y = oy + args[5];
        break;
      }
      case 'a': {
        const [nx, ny] = [ox + args[5], oy + args[6]];
        const path = ensureOpen();
        arcs.push([args[0], args[1], args[2], args[3], args[4], x, y, nx, ny]);
        appendArc(path, x, y, args[0], args[1], args[2], args[3] !== 0, args[4] !== 0, nx, ny);
        x = nx;
        y = ny;
        break;
      }
    }
  }
  finish();
  return subpaths;
}

const TAG = /<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g;
const ATTRIBUTE = /([\w:-]+)\s*=\s*"([^"]*)"/g;

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) map.set(match[1], match[2]);
  return map;
}

const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-linejoin',
  'stroke-linecap',
  'stroke-opacity',
];
/** Not an SVG attribute: marks the shapes inside the gap-filler group as seams. */
const SEAM = 'seam';

function viewBoxSize(attrs: Map<string, string>): [number, number] {
  const box = (attrs.get('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box.length !== 4 || box.some((v) => !Number.isFinite(v)) || box[2] <= 0 || box[3] <= 0)
    throw malformed('the <svg> element has no usable viewBox');
  if (box[0] !== 0 || box[1] !== 0) throw malformed('the viewBox does not start at 0 0');
  return [box[2], box[3]];
}

/** The root's viewBox width and height, without reading the paths. */
export function readViewBox(svg: string): [number, number] {
  const start = svg.indexOf('<svg');
  const end = start < 0 ? -1 : svg.indexOf('>', start);
  if (end < 0) throw malformed('there is no <svg> element');
  return viewBoxSize(attributes(svg.slice(start, end)));
}

/** A `<circle>`, `<ellipse>` or `<rect>` (turned by its `rotate` transform) as a subpath. */
function primitive(name: string, attrs: Map<string, string>): Subpath[] {
  const n = (key: string) => Number(attrs.get(key) ?? '0');
  const [angle, ox, oy] = readRotation(attrs.get('transform'));
  if (!Number.isFinite(angle)) throw malformed(`the transform of a <${name}> is not a rotate()`);
  const values =
    name === 'rect' ? ['x', 'y', 'width', 'height', 'rx'] : ['cx', 'cy', 'r', 'rx', 'ry'];
  if (
    values.some((key) => !Number.isFinite(n(key)) || n(key) < (key.startsWith('r') ? 0 : -Infinity))
  )
    throw malformed(`a <${name}> has a bad size or place`);
  if (name === 'rect')
    return [rectSubpath(n('x'), n('y'), n('width'), n('height'), [angle, ox, oy], n('rx'))];
  if (name !== 'circle' && name !== 'ellipse')
    throw malformed(`the element <${name}> is not supported`);
  const t = (angle * Math.PI) / 180;
  const [dx, dy] = [n('cx') - ox, n('cy') - oy];
  const [cx, cy] = [
    ox + dx * Math.cos(t) - dy * Math.sin(t),
    oy + dx * Math.sin(t) + dy * Math.cos(t),
  ];
  const [rx, ry] = name === 'circle' ? [n('r'), n('r')] : [n('rx'), n('ry')];
  return [ellipseSubpath(cx, cy, rx, ry, angle)];
}

const GRADIENT_TAGS = new Set(['linearGradient', 'radialGradient']);

const opacityOf = (text: string | undefined, name: string): number => {
  const value = Number(text ?? '1');
  if (!(value >= 0 && value <= 1)) throw malformed(`a ${name} is not from 0 to 1`);
  return value;
};

function oneOf<T extends string>(text: string, allowed: readonly T[], name: string): T {
  if (!(allowed as readonly string[]).includes(text))
    throw malformed(`the ${name} "${text}" is not supported`);
  return text as T;
}

/** Reads the engine's SVG. Throws INVALID_INPUT for anything it does not write. */
export function parseDrawing(svg: string): Drawing {
  let width = 0;
  let height = 0;
  const shapes: Shape[] = [];
  const stack: Map<string, string>[] = [new Map()];
  const gradients = new Map<string, Gradient>();
  let gradient: Gradient | null = null;
  /** A paint: its colour (a gradient's mean) and its gradient, if any. */
  const paint = (text: string): [Rgb, Gradient | null] => {
    const url = /^url\(#([\w-]+)\)$/.exec(text);
    if (!url) return [parseColor(text), null];
    const found = gradients.get(url[1]);
    if (!found) throw malformed(`the gradient "${url[1]}" is not defined`);
    // No extent: SVG paints the last stop's colour.
    if (isDegenerate(found)) return [found.stops[found.stops.length - 1].color, null];
    return [meanStopColor(found.stops), found];
  };
  for (const match of svg.matchAll(TAG)) {
    const [, closing, name, rest, selfClosing] = match;
    if (closing) {
      if (name === 'g') stack.pop();
      if (GRADIENT_TAGS.has(name)) {
        if (gradient && gradient.stops.length === 0) throw malformed('a gradient has no stops');
        gradient = null;
      }
      continue;
    }
    const attrs = attributes(rest);
    if (name === 'defs') continue;
    if (GRADIENT_TAGS.has(name)) {
      if (width === 0) throw malformed('a gradient lies outside the <svg> element');
      gradient = readGradient(name as 'linearGradient', attrs, [width, height]);
      gradients.set(attrs.get('id') ?? '', gradient);
      if (selfClosing) throw malformed('a gradient has no stops');
      continue;
    }
    if (name === 'stop') {
      if (!gradient) throw malformed('a <stop> lies outside a gradient');
      addStop(gradient, attrs);
      continue;
    }
    if (name === 'svg') {
      [width, height] = viewBoxSize(attrs);
      continue;
    }
    const inherited = new Map(stack[stack.length - 1]);
    for (const key of INHERITED) if (attrs.has(key)) inherited.set(key, attrs.get(key)!);
    if (name === 'g') {
      if (attrs.get('id') === 'gap-filler') inherited.set(SEAM, '1');
      if (!selfClosing) stack.push(inherited);
      continue;
    }
    const subpaths = name === 'path' ? parsePathData(attrs.get('d') ?? '') : primitive(name, attrs);
    const fillText = inherited.get('fill') ?? '#000';
    const strokeText = inherited.get('stroke') ?? 'none';
    const strokeWidth = Number(inherited.get('stroke-width') ?? '1');
    if (!(strokeWidth >= 0)) throw malformed('a stroke-width is not a number');
    const [fill, fillGradient] = fillText === 'none' ? [null, null] : paint(fillText);
    let stroke: Stroke | null = null;
    if (strokeText !== 'none') {
      const [color, strokeGradient] = paint(strokeText);
      stroke = {
        color,
        gradient: strokeGradient,
        width: strokeWidth,
        join: oneOf(inherited.get('stroke-linejoin') ?? 'miter', JOINS, 'stroke-linejoin'),
        cap: oneOf(inherited.get('stroke-linecap') ?? 'butt', CAPS, 'stroke-linecap'),
        opacity: opacityOf(inherited.get('stroke-opacity'), 'stroke-opacity'),
        // The seams say fill="none" on the path itself; strokes inherit it from their group.
        seam: inherited.has(SEAM) || attrs.get('fill') === 'none',
      };
    }
    shapes.push({
      fill,
      fillGradient,
      opacity: opacityOf(inherited.get('fill-opacity'), 'fill-opacity'),
      stroke,
      subpaths,
    });
  }
  if (width === 0) throw malformed('there is no <svg> element');
  return { width, height, shapes };
}

const JOINS = ['round', 'miter', 'bevel'] as const;
const CAPS = ['butt', 'round', 'square'] as const;
