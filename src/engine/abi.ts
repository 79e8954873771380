/**
 * The wasm ABI, written down once: export names, the numeric options block, the stats block and
 * the stage names. `wasm-core/src/abi.rs` and `wasm-core/src/options.rs` mirror this file.
 */
import { MODES, parseHexColor } from './options';
import type { VectorizeOptions } from './options';

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
  ): number;
  vz_output_ptr(): number;
  vz_output_len(): number;
  vz_stats_ptr(): number;
  vz_stats_len(): number;
  vz_release(): void;
}

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

/** The numeric options block, as f64 values in this order. 'auto' is encoded as -1. */
export function encodeOptions(options: VectorizeOptions): Float64Array {
  return Float64Array.from([
    MODES.indexOf(options.mode),
    options.colors,
    options.minArea,
    options.cornerAngle,
    options.tolerance,
    options.threshold === 'auto' ? -1 : options.threshold,
    options.denoise ? 1 : 0,
    options.precision === 'auto' ? -1 : options.precision,
    options.maxPixels,
  ]);
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
}

const STATS_FIXED = 11;

/** Decodes the f64 stats block: 11 fixed values, then the palette as 0xRRGGBB numbers. */
export function decodeStats(block: Float64Array, memoryBytes: number): VectorizeStats {
  const [width, height, colors, paths, segments, bytes, prepare, segment, trace, fit, peak] = block;
  const palette = Array.from(
    block.subarray(STATS_FIXED),
    (rgb) => '#' + rgb.toString(16).padStart(6, '0'),
  );
  return {
    width,
    height,
    colors,
    paths,
    segments,
    bytes,
    stageMs: { prepare, segment, trace, fit },
    peakHeapBytes: peak,
    memoryBytes,
    palette,
  };
}
