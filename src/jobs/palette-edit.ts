/**
 * Palette edits as data on a job: a history of colour maps, each from the traced palette's
 * colours (`original`) to what they are now (`#rrggbb` or `transparent`). The result's SVG always
 * shows the map at `at`. Going from one map to another rewrites the fill and stroke attributes
 * when both group the original colours the same way (a recolour), and re-traces with the palette
 * fixed and `paletteRemap` otherwise (a merge or a removal).
 */
import { REMAP_TRANSPARENT, type VectorizeOptionsInput } from '../engine';

/** Original colour → its colour now (`#rrggbb`) or `transparent`. */
export type ColourMap = Readonly<Record<string, string>>;

export interface PaletteEdit {
  /** The palette the edits started from, as traced. */
  original: string[];
  /** steps[0] is the identity; each edit adds one map. */
  steps: ColourMap[];
  /** The map the result shows. */
  at: number;
}

/**
 * A painted element's start tag as the engine writes it: a `<path>`, or a primitive
 * (`<circle>`, `<ellipse>`, `<rect>`); its attributes say how it is painted.
 */
const PAINTED_ELEMENT = /<(path|circle|ellipse|rect)\b([^>]*?)(\/?)>/g;
const PAINT_ATTRIBUTE = /\b(fill|stroke)="(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6})"/;
const GRADIENT_FILL = /\bfill="url\(/;

/** `#f00` or `#FF0000` → `#ff0000`. */
function longHex(colour: string): string {
  const hex = colour.slice(1).toLowerCase();
  return hex.length === 3 ? `#${[...hex].map((c) => c + c).join('')}` : `#${hex}`;
}

/**
 * An element's paint as the engine writes it: its `fill`, or the `stroke` of a stroke-only path,
 * or black when it has neither (the engine leaves black fills out); none for a gradient fill,
 * which has no one colour to edit.
 */
function elementPaint(
  attributes: string,
): { attribute: 'fill' | 'stroke'; colour: string } | undefined {
  const paint = PAINT_ATTRIBUTE.exec(attributes);
  if (paint) return { attribute: paint[1] as 'fill' | 'stroke', colour: longHex(paint[2]) };
  if (GRADIENT_FILL.test(attributes)) return undefined;
  return { attribute: 'fill', colour: '#000000' };
}

/** The distinct paint colours of the engine's SVG, in order of first use, as `#rrggbb`. */
export function svgColours(svg: string): string[] {
  const seen = new Set<string>();
  for (const match of svg.matchAll(PAINTED_ELEMENT)) {
    const paint = elementPaint(match[2]);
    if (paint) seen.add(paint.colour);
  }
  return [...seen];
}

/** The SVG with each element colour in `changes` replaced at once (so two colours can swap). */
export function rewriteColours(svg: string, changes: ReadonlyMap<string, string>): string {
  if (changes.size === 0) return svg;
  return svg.replace(
    PAINTED_ELEMENT,
    (whole, name: string, attributes: string, selfClosing: string) => {
      const paint = elementPaint(attributes);
      const next = paint && changes.get(paint.colour);
      if (!paint || next === undefined) return whole;
      const painted = PAINT_ATTRIBUTE.test(attributes)
        ? attributes.replace(PAINT_ATTRIBUTE, `${paint.attribute}="${next}"`)
        : ` fill="${next}"${attributes}`;
      return `<${name}${painted}${selfClosing}>`;
    },
  );
}

export function startEdit(palette: readonly string[]): PaletteEdit {
  const identity = Object.fromEntries(palette.map((colour) => [colour, colour]));
  return { original: [...palette], steps: [identity], at: 0 };
}

export function currentMap(edit: PaletteEdit): ColourMap {
  return edit.steps[edit.at];
}

/** The colours the result shows now (no transparent), in palette order. */
export function currentColours(edit: PaletteEdit): string[] {
  const colours = new Set(Object.values(currentMap(edit)));
  colours.delete(REMAP_TRANSPARENT);
  return [...colours];
}

/** Every original colour now shown as one of `from` becomes `to`. */
function remapped(map: ColourMap, from: readonly string[], to: string): ColourMap {
  const sources = new Set(from);
  return Object.fromEntries(
    Object.entries(map).map(([original, now]) => [original, sources.has(now) ? to : now]),
  );
}

/** A new step after `at` (the redo steps are dropped). */
export function addStep(edit: PaletteEdit, from: readonly string[], to: string): PaletteEdit {
  const next = remapped(currentMap(edit), from, to);
  const steps = [...edit.steps.slice(0, edit.at + 1), next];
  return { ...edit, steps, at: steps.length - 1 };
}

export const canUndo = (edit: PaletteEdit | undefined): boolean => (edit?.at ?? 0) > 0;
export const canRedo = (edit: PaletteEdit | undefined): boolean =>
  edit !== undefined && edit.at < edit.steps.length - 1;

/** Which original colours share a colour, and which are transparent: what a trace decides. */
function grouping(map: ColourMap): string {
  const groups = new Map<string, string[]>();
  for (const [original, now] of Object.entries(map)) {
    groups.set(now, [...(groups.get(now) ?? []), original]);
  }
  return [...groups.entries()]
    .map(
      ([now, originals]) => `${now === REMAP_TRANSPARENT ? '-' : '+'}${originals.sort().join(',')}`,
    )
    .sort()
    .join(' ');
}

/**
 * How the result goes from map `from` to map `to`: the colour changes of a fill rewrite when
 * the two group the colours alike, or undefined when it must be traced again.
 */
export function fillChanges(from: ColourMap, to: ColourMap): Map<string, string> | undefined {
  if (grouping(from) !== grouping(to)) return undefined;
  const changes = new Map<string, string>();
  for (const original of Object.keys(from))
    if (from[original] !== to[original] && from[original] !== REMAP_TRANSPARENT)
      changes.set(from[original], to[original]);
  return changes;
}

/**
 * The options a job is traced with: its own, plus the fixed palette and its remap while the
 * edit maps any colour elsewhere.
 */
export function tracedOptions(
  options: VectorizeOptionsInput,
  edit: PaletteEdit | undefined,
): VectorizeOptionsInput {
  if (!edit) return options;
  const map = currentMap(edit);
  const remap = edit.original
    .filter((colour) => map[colour] !== colour)
    .map((colour) => ({ from: colour, to: map[colour] }));
  if (remap.length === 0) return options;
  return { ...options, palette: edit.original, paletteRemap: remap };
}
