/**
 * The one options schema: names, labels, types, ranges, defaults and descriptions. The ABI
 * encoding (`abi.ts`), the app's controls and the CLI's flags follow `OPTION_SPECS`; the Rust
 * option table (`wasm-core/src/option_table.rs`) is generated from it by `npm run gen:options`
 * (see README.md in this folder).
 */
import { VectorizeError } from './errors';

export const MODES = ['color', 'bw', 'pixel', 'centerline'] as const;
export type Mode = (typeof MODES)[number];

/** How shapes relate: stacked on their parents, or cut out of them (one shape per pixel). */
export const STACKINGS = ['stacked', 'cutouts'] as const;
export type Stacking = (typeof STACKINGS)[number];

/** What each shape draws: its fill, its outline as a stroke, or each shared edge once. */
export const DRAW_STYLES = ['fill', 'strokeShapes', 'strokeEdges'] as const;
export type DrawStyle = (typeof DRAW_STYLES)[number];

/** How paths are grouped in `<g>` elements. */
export const GROUPINGS = ['none', 'color', 'layer'] as const;
export type GroupBy = (typeof GROUPINGS)[number];

/** Where colour varies smoothly: flat bands (off), or one gradient fill per smooth region (auto). */
export const GRADIENT_MODES = ['off', 'auto'] as const;
export type GradientMode = (typeof GRADIENT_MODES)[number];

export const PRESET_NAMES = ['fast', 'balanced', 'high', 'ultra'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** One edit of the fixed palette: `to` another palette colour merges, another colour recolours. */
export interface PaletteRemapEntry {
  /** A colour of the fixed palette, '#rrggbb'. */
  from: string;
  /** '#rrggbb', or 'transparent' to remove the colour's shapes. */
  to: string;
}

/** 'auto' for mode or preset: chosen from the image (see `auto.ts`). */
export const AUTO = 'auto';

export interface VectorizeOptions {
  preset: PresetName | typeof AUTO;
  mode: Mode | typeof AUTO;
  colors: number;
  palette: string[] | null;
  paletteRemap: PaletteRemapEntry[] | null;
  minArea: number;
  cornerAngle: number;
  tolerance: number;
  threshold: number | 'auto';
  denoise: boolean;
  precision: number | 'auto';
  maxPixels: number;
  stacking: Stacking;
  gapFiller: boolean;
  gapFillerWidth: number;
  drawStyle: DrawStyle;
  strokeWidth: number | 'auto';
  /** '#rrggbb', or 'auto' (the shape's colour; for edges the darker neighbour's). */
  strokeColor: string;
  groupBy: GroupBy;
  /** Circles, ellipses and rectangles written as such (off: every outline as a path). */
  primitives: boolean;
  gradients: GradientMode;
}

export type VectorizeOptionsInput = Partial<VectorizeOptions>;

/** Where the app shows a control: always (`basic`) or under Advanced. */
export type OptionGroup = 'basic' | 'advanced';

interface BaseSpec<K extends keyof VectorizeOptions> {
  name: K;
  /** What a person reads beside the control ("Minimum area"); `name` is the API's word. */
  label: string;
  group: OptionGroup;
  /** Short help shown beside the control and in `--help`. */
  description: string;
  /**
   * Resolved by the engine before the core runs (the preset), so not in the ABI's numeric block.
   * Every other option except the palette (its own block) is a value of that block.
   */
  engineOnly?: true;
}
export interface EnumSpec<K extends keyof VectorizeOptions> extends BaseSpec<K> {
  kind: 'enum';
  values: readonly string[];
  /** When set, the value may also be 'auto', which the engine resolves before the core runs. */
  auto?: true;
}
export interface NumberSpec<K extends keyof VectorizeOptions> extends BaseSpec<K> {
  kind: 'int' | 'float';
  min: number;
  max: number;
  /** When set, the value may also be the string 'auto'. */
  auto?: boolean;
  /** The value an editor offers when 'auto' is switched off (default: `min`). */
  manual?: number;
  unit?: string;
}
export interface BoolSpec<K extends keyof VectorizeOptions> extends BaseSpec<K> {
  kind: 'bool';
}
/** A colour '#rgb' / '#rrggbb' (kept as '#rrggbb'), or 'auto' when `auto` is set. */
export interface ColorSpec<K extends keyof VectorizeOptions> extends BaseSpec<K> {
  kind: 'color';
  auto?: boolean;
}
export interface PaletteSpec<K extends keyof VectorizeOptions> extends BaseSpec<K> {
  kind: 'palette';
  maxColors: number;
}
export interface PaletteRemapSpec<K extends keyof VectorizeOptions> extends BaseSpec<K> {
  kind: 'paletteRemap';
  maxEntries: number;
}
export type OptionSpec =
  | EnumSpec<'preset' | 'mode' | 'stacking' | 'drawStyle' | 'groupBy' | 'gradients'>
  | NumberSpec<
      | 'colors'
      | 'minArea'
      | 'cornerAngle'
      | 'tolerance'
      | 'threshold'
      | 'precision'
      | 'maxPixels'
      | 'gapFillerWidth'
      | 'strokeWidth'
    >
  | BoolSpec<'denoise' | 'gapFiller' | 'primitives'>
  | ColorSpec<'strokeColor'>
  | PaletteSpec<'palette'>
  | PaletteRemapSpec<'paletteRemap'>;

/** Most colours an automatic palette may have (pixel art with soft edges needs thousands). */
export const MAX_COLORS = 4096;
/** Most entries in a fixed palette. */
export const MAX_PALETTE = 256;

/**
 * In ABI order: the numeric block holds every option here except the preset (`engineOnly`),
 * the palette and the palette remap (their own blocks), in this order.
 */
export const OPTION_SPECS: readonly OptionSpec[] = [
  {
    name: 'preset',
    label: 'Preset',
    group: 'basic',
    engineOnly: true,
    kind: 'enum',
    values: PRESET_NAMES,
    auto: true,
    description:
      'Quality preset: sets colours, speckle size and curve tolerance together; auto picks one for the kind of image.',
  },
  {
    name: 'mode',
    label: 'Mode',
    group: 'basic',
    kind: 'enum',
    values: MODES,
    auto: true,
    description:
      'color: flat colour regions; bw: black and white; pixel: exact pixel edges; centerline: line art as single open strokes; auto: chosen from the image (pixel art, line art, logo, illustration, photo).',
  },
  {
    name: 'colors',
    label: 'Colours',
    group: 'basic',
    kind: 'int',
    min: 2,
    max: MAX_COLORS,
    description: 'Most colours in the palette; fewer are used when the image has fewer.',
  },
  {
    name: 'palette',
    label: 'Palette',
    group: 'basic',
    kind: 'palette',
    maxColors: MAX_PALETTE,
    description: 'Fixed palette to map onto, as hex colours (#rgb or #rrggbb).',
  },
  {
    name: 'paletteRemap',
    label: 'Palette remap',
    group: 'advanced',
    kind: 'paletteRemap',
    maxEntries: MAX_PALETTE,
    description:
      'With a fixed palette: each colour "from" becomes "to" after every pixel has its palette colour. Another palette colour merges the two, any other colour recolours, transparent removes the shapes.',
  },
  {
    name: 'minArea',
    label: 'Minimum area',
    group: 'advanced',
    kind: 'int',
    min: 0,
    max: 100_000,
    unit: 'px',
    description:
      'Speckles smaller than this many pixels merge into their closest neighbour (photos: half of it).',
  },
  {
    name: 'cornerAngle',
    label: 'Corner angle',
    group: 'advanced',
    kind: 'float',
    min: 0,
    max: 180,
    unit: '°',
    description: 'A turn sharper than this angle is kept as a corner; gentler turns are smoothed.',
  },
  {
    name: 'tolerance',
    label: 'Curve tolerance',
    group: 'advanced',
    kind: 'float',
    min: 0.05,
    max: 10,
    unit: 'px',
    description:
      'Largest distance a fitted curve may stray from the traced boundary (photos: 1.5×).',
  },
  {
    name: 'threshold',
    label: 'Threshold',
    group: 'advanced',
    kind: 'int',
    min: 0,
    max: 255,
    auto: true,
    manual: 128,
    description:
      'bw mode: luminance threshold, or auto (Otsu, after evening out the unevenly lit paper of a photographed page).',
  },
  {
    name: 'denoise',
    label: 'Denoise',
    group: 'advanced',
    kind: 'bool',
    description: 'Edge-preserving smoothing before segmenting (helps JPEG and photos).',
  },
  {
    name: 'precision',
    label: 'Precision',
    group: 'advanced',
    kind: 'int',
    min: 0,
    max: 3,
    auto: true,
    description: 'Decimals in path coordinates, or auto (follows the image size).',
  },
  {
    name: 'maxPixels',
    label: 'Pixel budget',
    group: 'advanced',
    kind: 'int',
    min: 1,
    max: 268_435_456,
    unit: 'px',
    description: 'Pixel budget: larger images are refused before any memory is allocated.',
  },
  {
    name: 'stacking',
    label: 'Stacking',
    group: 'advanced',
    kind: 'enum',
    values: STACKINGS,
    description:
      'stacked: shapes lie on top of the shapes around them; cutouts: each shape is cut out of the ones around it, so every pixel is covered by exactly one shape (for cutting).',
  },
  {
    name: 'gapFiller',
    label: 'Gap filler',
    group: 'advanced',
    kind: 'bool',
    description:
      'cutouts: a thin stroke under each shared boundary, in a neighbour’s colour, so renderers show no hairline seams (off for cutting).',
  },
  {
    name: 'gapFillerWidth',
    label: 'Gap filler width',
    group: 'advanced',
    kind: 'float',
    min: 0.1,
    max: 4,
    unit: 'px',
    description:
      'Width of the gap filler’s stroke (2 px: it reaches under every pixel a neighbour’s anti-aliased edge only partly covers).',
  },
  {
    name: 'drawStyle',
    label: 'Draw style',
    group: 'advanced',
    kind: 'enum',
    values: DRAW_STYLES,
    description:
      'fill: filled shapes; strokeShapes: each shape’s outline as a stroke, no fill; strokeEdges: every boundary between shapes drawn once as a stroke.',
  },
  {
    name: 'strokeWidth',
    label: 'Stroke width',
    group: 'advanced',
    kind: 'float',
    min: 0.01,
    max: 100,
    auto: true,
    manual: 1,
    unit: 'px',
    description:
      'Width of the strokes, or auto: 1 px for strokeShapes and strokeEdges; in centerline mode each line keeps the width measured from the image, and a number gives every line that width.',
  },
  {
    name: 'strokeColor',
    label: 'Stroke colour',
    group: 'advanced',
    kind: 'color',
    auto: true,
    description:
      'Colour of the strokes of strokeShapes, strokeEdges and centerline mode, or auto: the shape’s colour (for an edge, its darker neighbour’s; in centerline mode, the ink’s).',
  },
  {
    name: 'groupBy',
    label: 'Group by',
    group: 'advanced',
    kind: 'enum',
    values: GROUPINGS,
    description:
      'none: paths in drawing order; color: one group per colour (id c-rrggbb); layer: one group per stacking layer.',
  },
  {
    name: 'primitives',
    label: 'Primitive shapes',
    group: 'advanced',
    kind: 'bool',
    description:
      'Outlines that are circles, ellipses or rectangles (their corners sharp or rounded) within the tolerance become <circle>, <ellipse>, <rect>; one that others hide in part is drawn whole beneath them; curved sides of other outlines that run along a circle or an ellipse become arcs, their corners placed where the sides meet (off: Bézier paths only, for machines that take no arcs).',
  },
  {
    name: 'gradients',
    label: 'Gradients',
    group: 'advanced',
    kind: 'enum',
    values: GRADIENT_MODES,
    description:
      'auto: where colour varies smoothly, neighbouring bands that one linear, radial or elliptical gradient explains become one shape filled with that gradient; off: flat fills only.',
  },
];

export const DEFAULT_OPTIONS: Readonly<VectorizeOptions> = {
  preset: 'balanced',
  mode: 'color',
  colors: 32,
  palette: null,
  paletteRemap: null,
  minArea: 8,
  cornerAngle: 60,
  tolerance: 0.6,
  threshold: 'auto',
  denoise: false,
  precision: 'auto',
  maxPixels: 40_000_000,
  stacking: 'stacked',
  gapFiller: false,
  gapFillerWidth: 2,
  drawStyle: 'fill',
  strokeWidth: 'auto',
  strokeColor: 'auto',
  groupBy: 'none',
  primitives: true,
  gradients: 'off',
};

export function optionSpec(name: string): OptionSpec | undefined {
  return OPTION_SPECS.find((spec) => spec.name === name);
}

const HEX_COLOR = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Parses '#rgb' or '#rrggbb' into 0xRRGGBB, or undefined. */
export function parseHexColor(text: string): number | undefined {
  const match = HEX_COLOR.exec(text.trim());
  if (!match) return undefined;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join('') : match[1];
  return parseInt(hex, 16);
}

function invalid(name: string, reason: string): VectorizeError {
  return new VectorizeError('INVALID_OPTION', `Option "${name}" ${reason}`, { option: name });
}

/** Checks one value against its spec and returns it normalised, or throws INVALID_OPTION. */
export function validateOption(spec: OptionSpec, value: unknown): unknown {
  const { name } = spec;
  switch (spec.kind) {
    case 'enum':
      if (spec.auto && value === AUTO) return value;
      if (typeof value !== 'string' || !spec.values.includes(value))
        throw invalid(
          name,
          `must be one of ${spec.values.join(', ')}${spec.auto ? ', auto' : ''} (got ${JSON.stringify(value)}).`,
        );
      return value;
    case 'bool':
      if (typeof value !== 'boolean')
        throw invalid(name, `must be true or false (got ${JSON.stringify(value)}).`);
      return value;
    case 'color': {
      if (spec.auto && value === 'auto') return value;
      const rgb = typeof value === 'string' ? parseHexColor(value) : undefined;
      if (rgb === undefined)
        throw invalid(
          name,
          `must be a hex colour like #e30 or #ee3300${spec.auto ? ', or auto' : ''} (got ${JSON.stringify(value)}).`,
        );
      return formatHex(rgb);
    }
    case 'palette': {
      if (value === null) return null;
      if (!Array.isArray(value) || value.length === 0 || value.length > spec.maxColors)
        throw invalid(name, `must be a list of 1 to ${spec.maxColors} hex colours.`);
      for (const entry of value)
        if (typeof entry !== 'string' || parseHexColor(entry) === undefined)
          throw invalid(
            name,
            `has ${JSON.stringify(entry)}, which is not a hex colour like #e30 or #ee3300.`,
          );
      return value.map((entry: string) => entry.trim().toLowerCase());
    }
    case 'paletteRemap':
      return validatePaletteRemap(spec, value);
    case 'int':
    case 'float': {
      if (spec.auto && value === 'auto') return value;
      const range = `${spec.min} to ${spec.max}${spec.auto ? ', or auto' : ''}`;
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw invalid(name, `must be a number from ${range} (got ${JSON.stringify(value)}).`);
      if (spec.kind === 'int' && !Number.isInteger(value))
        throw invalid(name, `must be a whole number from ${range} (got ${value}).`);
      if (value < spec.min || value > spec.max)
        throw invalid(name, `must be from ${range} (got ${value}).`);
      return value;
    }
  }
}

/** The word a remap entry's `to` may be instead of a colour. */
export const REMAP_TRANSPARENT = 'transparent';

/** Checks each entry's form (hex colours, no `from` twice); the palette itself is checked later. */
function validatePaletteRemap(
  spec: PaletteRemapSpec<'paletteRemap'>,
  value: unknown,
): PaletteRemapEntry[] | null {
  const { name } = spec;
  if (value === null) return null;
  if (!Array.isArray(value) || value.length === 0 || value.length > spec.maxEntries)
    throw invalid(name, `must be a list of 1 to ${spec.maxEntries} { from, to } entries.`);
  const seen = new Set<number>();
  return value.map((entry: unknown) => {
    const { from, to } = (entry ?? {}) as { from?: unknown; to?: unknown };
    const fromRgb = typeof from === 'string' ? parseHexColor(from) : undefined;
    if (fromRgb === undefined)
      throw invalid(name, `has from ${JSON.stringify(from)}, which is not a hex colour.`);
    const removes = to === REMAP_TRANSPARENT;
    const toRgb = typeof to === 'string' && !removes ? parseHexColor(to) : undefined;
    if (!removes && toRgb === undefined)
      throw invalid(
        name,
        `has to ${JSON.stringify(to)}, which is neither a hex colour nor "${REMAP_TRANSPARENT}".`,
      );
    if (seen.has(fromRgb)) throw invalid(name, `has ${formatHex(fromRgb)} as from twice.`);
    seen.add(fromRgb);
    return {
      from: formatHex(fromRgb),
      to: toRgb === undefined ? REMAP_TRANSPARENT : formatHex(toRgb),
    };
  });
}

/** 0xRRGGBB → '#rrggbb'. */
export function formatHex(rgb: number): string {
  return '#' + rgb.toString(16).padStart(6, '0');
}

/** Throws unless every remap entry's `from` is a colour of the fixed palette. */
export function checkRemapAgainstPalette(options: VectorizeOptions): void {
  const remap = options.paletteRemap;
  if (remap === null) return;
  if (options.palette === null)
    throw invalid('paletteRemap', 'needs a fixed palette (option "palette").');
  const palette = new Set(options.palette.map((hex) => parseHexColor(hex)));
  const missing = remap.find((entry) => !palette.has(parseHexColor(entry.from)));
  if (missing) throw invalid('paletteRemap', `has ${missing.from}, which is not in the palette.`);
}
