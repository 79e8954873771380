/**
 * The wasm ABI, written down once: export names, the version word, the numeric options block,
 * the stats block and the stage names. `wasm-core/src/abi.rs` mirrors this file; the Rust option
 * table (`wasm-core/src/option_table.rs`) is generated from `blockRows()` and `ABI_VERSION` by
 * `npm run gen:options`.
 */
import {
  DEFAULT_OPTIONS,
  MAX_PALETTE,
  OPTION_SPECS,
  REMAP_TRANSPARENT,
  formatHex,
  parseHexColor,
} from './options';
import type { OptionSpec, VectorizeOptions } from './options';

export interface CoreExports {
  memory: WebAssembly.Memory;
  vz_alloc(len: number): number;
  vz_free(ptr: number, len: number): void;
  vz_vectorize(
    rgbaPtr: number,
    rgbaLen: number,
    width: number,
    height: number,
    optionsPtr: number,
    optionsLen: number,
    palettePtr: number,
    paletteLen: number,
    remapPtr: number,
    remapLen: number,
    /** What the host knows of the page (`PAGE_HINT`), from `vz_classify`. */
    page: number,
  ): number;
  vz_output_ptr(): number;
  vz_output_len(): number;
  vz_stats_ptr(): number;
  vz_stats_len(): number;
  vz_release(): void;
  /**
   * Classifies the image for automatic settings: 0 with kind, alpha, noisy and the features in
   * the stats buffer (see `auto.ts`), or an error status with the message in the output buffer.
   */
  vz_classify(rgbaPtr: number, rgbaLen: number, width: number, height: number): number;
  /**
   * Straight 8-bit RGBA of a plain PNG from its inflated image data and IHDR fields (palette:
   * the PLTE chunk; alpha: a palette image's tRNS chunk): 0 with the pixels in the output
   * buffer, or an error status with the message there.
   */
  vz_png_rgba(
    dataPtr: number,
    dataLen: number,
    width: number,
    height: number,
    bitDepth: number,
    colourType: number,
    palettePtr: number,
    paletteLen: number,
    alphaPtr: number,
    alphaLen: number,
  ): number;
  /**
   * Paints a scene (`sceneLen` numbers, see `export/raster-scene.ts`) to a PNG: 0 with the PNG's
   * bytes in the output buffer, or an error status with the message there.
   */
  vz_render_png(scenePtr: number, sceneLen: number): number;
  /** The ABI version word the core was built with (compare with `ABI_VERSION`). */
  vz_abi_version(): number;
  /**
   * Parses an options block, a palette and a remap as `vz_vectorize` would, without running
   * anything: 0 with the values Rust read in the stats buffer (the block, the palette, then the
   * remap pairs), or a status
   * code with the message in the output buffer and the rejected option's slot in the stats.
   */
  vz_read_options(
    optionsPtr: number,
    optionsLen: number,
    palettePtr: number,
    paletteLen: number,
    remapPtr: number,
    remapLen: number,
  ): number;
}

/**
 * Revision of the ABI's layout: exports, their arguments, the stats block. Bump it when any of
 * them changes (then run `npm run gen:options` and `npm run build:wasm`). The option table is
 * covered by the fingerprint in `ABI_VERSION` and needs no bump.
 */
export const ABI_REVISION = 8;

/**
 * `vz_vectorize`'s page argument: whether the image, classified for automatic settings, is a
 * page of unevenly lit paper — so that bw mode's automatic threshold does not classify it again.
 */
export const PAGE_HINT = { unknown: 0, even: 1, uneven: 2 } as const;

export const STAGES = ['prepare', 'segment', 'trace', 'fit'] as const;
export type StageName = (typeof STAGES)[number];

/** Share of the total run time each stage usually takes; turns stage fractions into one bar. */
const STAGE_WEIGHTS: Readonly<Record<StageName, number>> = {
  prepare: 0.1,
  segment: 0.45,
  trace: 0.2,
  fit: 0.25,
};

export function overallProgress(stage: StageName, fraction: number): number {
  let before = 0;
  for (const name of STAGES) {
    if (name === stage) break;
    before += STAGE_WEIGHTS[name];
  }
  return Math.min(1, before + STAGE_WEIGHTS[stage] * Math.min(1, Math.max(0, fraction)));
}

/** An option that is a value of the numeric block. */
export type BlockSpec = Exclude<OptionSpec, { kind: 'palette' | 'paletteRemap' }>;

/** The numeric block's options, in block order: the schema's order, less the preset and palette. */
export const BLOCK_SPECS: readonly BlockSpec[] = OPTION_SPECS.filter(
  (spec): spec is BlockSpec =>
    spec.kind !== 'palette' && spec.kind !== 'paletteRemap' && !spec.engineOnly,
);

/** One value as the block carries it: an enum as its index, a bool as 0/1, 'auto' as -1. */
export function encodeValue(spec: BlockSpec, value: unknown): number {
  switch (spec.kind) {
    case 'enum':
      return spec.values.indexOf(value as string);
    case 'bool':
      return value ? 1 : 0;
    case 'int':
    case 'float':
      return value === 'auto' ? -1 : (value as number);
    case 'color':
      return value === 'auto' ? -1 : (parseHexColor(value as string) ?? -2);
  }
}

/** The numeric options block, as f64 values in `BLOCK_SPECS` order. */
export function encodeOptions(options: VectorizeOptions): Float64Array {
  return Float64Array.from(BLOCK_SPECS, (spec) => encodeValue(spec, options[spec.name]));
}

/** What the Rust parser checks for one value of the block (a row of the generated table). */
export interface BlockRow {
  name: string;
  min: number;
  max: number;
  /** Only whole numbers (ints, enum indexes, bools). */
  whole: boolean;
  /** -1 means 'auto'. */
  auto: boolean;
  /** `DEFAULT_OPTIONS`' value, encoded. */
  default: number;
  /** An enum's values, encoded as their index (empty otherwise). */
  values: readonly string[];
}

export function blockRows(): BlockRow[] {
  return BLOCK_SPECS.map((spec) => {
    const common = { name: spec.name, default: encodeValue(spec, DEFAULT_OPTIONS[spec.name]) };
    switch (spec.kind) {
      case 'enum':
        return {
          ...common,
          min: 0,
          max: spec.values.length - 1,
          whole: true,
          auto: false,
          values: spec.values,
        };
      case 'bool':
        return { ...common, min: 0, max: 1, whole: true, auto: false, values: [] };
      case 'int':
      case 'float':
        return {
          ...common,
          min: spec.min,
          max: spec.max,
          whole: spec.kind === 'int',
          auto: spec.auto === true,
          values: [],
        };
      case 'color':
        return {
          ...common,
          min: 0,
          max: 0xff_ffff,
          whole: true,
          auto: spec.auto === true,
          values: [],
        };
    }
  });
}

/** FNV-1a over the text, folded to 16 bits. */
function fingerprint16(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193);
  return ((hash >>> 16) ^ hash) & 0xffff;
}

/**
 * The ABI version word: `ABI_REVISION` in the high 16 bits, a fingerprint of the option table
 * (every row, the palette's size) in the low 16. The core returns the word it was generated
 * with from `vz_abi_version`; `createEngine` refuses a core with another word (a stale build).
 */
export const ABI_VERSION =
  ((ABI_REVISION << 16) | fingerprint16(JSON.stringify([blockRows(), MAX_PALETTE]))) >>> 0;

/** `0x0001a3f2` → `1.a3f2` (revision.fingerprint), for messages. */
export function formatAbiVersion(word: number): string {
  return `${word >>> 16}.${(word & 0xffff).toString(16).padStart(4, '0')}`;
}

/** Slot the core reports for a rejected palette (numeric options report their block index). */
export const PALETTE_SLOT = -1;
/** Slot the core reports for a rejected palette remap. */
export const PALETTE_REMAP_SLOT = -3;

/** The option a rejection slot (first stats value after an INVALID_OPTION status) names. */
export function optionAtSlot(slot: number | undefined): string | undefined {
  if (slot === PALETTE_SLOT) return 'palette';
  if (slot === PALETTE_REMAP_SLOT) return 'paletteRemap';
  return slot === undefined ? undefined : BLOCK_SPECS[slot]?.name;
}

/** The `to` word that removes a colour (any word above 0xFFFFFF is not a colour). */
export const REMAP_TRANSPARENT_WORD = 0x0100_0000;

/** The palette remap as (from, to) word pairs, `to` 0xRRGGBB or `REMAP_TRANSPARENT_WORD`. */
export function encodePaletteRemap(options: VectorizeOptions): Uint32Array {
  return Uint32Array.from(
    (options.paletteRemap ?? []).flatMap(({ from, to }) => [
      parseHexColor(from) ?? 0,
      to === REMAP_TRANSPARENT ? REMAP_TRANSPARENT_WORD : (parseHexColor(to) ?? 0),
    ]),
  );
}

/** The palette as 0xRRGGBB words (empty when no fixed palette is given). */
export function encodePalette(options: VectorizeOptions): Uint32Array {
  return Uint32Array.from((options.palette ?? []).map((hex) => parseHexColor(hex) ?? 0));
}

export interface VectorizeStats {
  width: number;
  height: number;
  colors: number;
  paths: number;
  segments: number;
  bytes: number;
  /** Milliseconds per stage, measured inside the core. */
  stageMs: Record<StageName, number>;
  /** Peak heap the core allocated during the run, in bytes. */
  peakHeapBytes: number;
  /** Size of the wasm linear memory after the run, in bytes (it never shrinks). */
  memoryBytes: number;
  /** The palette actually used, as #rrggbb. */
  palette: string[];
  /**
   * Centerline mode: strokes traced but left out (the core writes at most a fixed number, the
   * longest, so an image that is not line art finishes in bounded time and memory); else 0.
   */
  strokesLeftOut: number;
}

const STATS_FIXED = 12;

/** Decodes the f64 stats block: 12 fixed values, then the palette as 0xRRGGBB numbers. */
export function decodeStats(block: Float64Array, memoryBytes: number): VectorizeStats {
  const [width, height, colors, paths, segments, bytes] = block;
  const [prepare, segment, trace, fit, peakHeapBytes, strokesLeftOut] = block.subarray(
    6,
    STATS_FIXED,
  );
  const palette = Array.from(block.subarray(STATS_FIXED), formatHex);
  const stageMs = { prepare, segment, trace, fit };
  return {
    width,
    height,
    colors,
    paths,
    segments,
    bytes,
    stageMs,
    peakHeapBytes,
    memoryBytes,
    palette,
    strokesLeftOut,
  };
}
