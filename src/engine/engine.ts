/**
 * The engine: a typed wrapper over one wasm instance of the core. DOM-free, so it runs in a Web
 * Worker and in Node alike; the caller supplies the compiled module (see `load.ts` and
 * `src/node/`). One call runs at a time per engine (wasm calls are synchronous).
 */
import { ABI_STATUS_CODES, VectorizeError } from './errors';
import { overPixelBudget } from './pixel-budget';
import {
  ABI_VERSION,
  PAGE_HINT,
  STAGES,
  decodeStats,
  encodeOptions,
  encodePalette,
  encodePaletteRemap,
  formatAbiVersion,
  optionAtSlot,
  overallProgress,
  type CoreExports,
  type StageName,
  type VectorizeStats,
} from './abi';
import type { VectorizeOptionsInput } from './options';
import { resolveOptions } from './presets';
import {
  chooseSettings,
  decodeClassification,
  wantsAuto,
  withChoice,
  type AutoChoice,
} from './auto';

export interface Progress {
  stage: StageName;
  /** Fraction of the current stage, 0..1. */
  fraction: number;
  /** Fraction of the whole run, 0..1, monotonic. */
  overall: number;
}
export type ProgressCallback = (progress: Progress) => void;

export interface VectorizeResult {
  svg: string;
  /** With `auto` when mode or preset was 'auto': the detected kind and the settings chosen. */
  stats: VectorizeStats & { auto?: AutoChoice };
}

/** What a PNG's IHDR chunk says about its image data. */
export interface PngLayout {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

export interface Engine {
  /**
   * Straight 8-bit RGBA of a plain PNG (8-bit grey, grey + alpha, RGB, RGBA; palette of 1–8
   * bits) from its inflated image data, or `undefined` when the data does not decode. `palette`
   * is the PLTE chunk, `alpha` a palette image's tRNS chunk.
   */
  pngRgba(
    data: Uint8Array,
    layout: PngLayout,
    palette?: Uint8Array,
    alpha?: Uint8Array,
  ): Uint8Array | undefined;
  /** A scene (`export/raster-scene.ts`) painted to PNG bytes. Throws VectorizeError. */
  renderPng(scene: Float64Array): Uint8Array;
  vectorize(
    rgba: Uint8Array | Uint8ClampedArray,
    width: number,
    height: number,
    options?: VectorizeOptionsInput,
    onProgress?: ProgressCallback,
  ): Promise<VectorizeResult>;
}

/** Smallest change in overall progress worth reporting (stage changes are always reported). */
const PROGRESS_STEP = 0.005;

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}

/**
 * Throws CORE_MISMATCH unless the core was built from this engine's option table and ABI
 * revision (a `.wasm` left over from an older checkout, or a newer one, would misread options).
 */
export function checkCoreVersion(exports: Pick<CoreExports, 'vz_abi_version'>): void {
  const found =
    typeof exports.vz_abi_version === 'function' ? exports.vz_abi_version() >>> 0 : undefined;
  if (found === ABI_VERSION) return;
  const built = found === undefined ? 'no ABI version' : `ABI ${formatAbiVersion(found)}`;
  throw new VectorizeError(
    'CORE_MISMATCH',
    `The core (.wasm) is stale: it has ${built}, this engine needs ABI ` +
      `${formatAbiVersion(ABI_VERSION)}. Rebuild it with \`npm run build:wasm\` (after ` +
      `\`npm run gen:options\` when the options schema changed).`,
  );
}

async function instantiateCore(module: WebAssembly.Module, imports: WebAssembly.Imports) {
  const exports = (await WebAssembly.instantiate(module, imports))
    .exports as unknown as CoreExports;
  checkCoreVersion(exports);
  return exports;
}

export async function createEngine(module: WebAssembly.Module): Promise<Engine> {
  let onStage: ((stage: number, fraction: number) => void) | undefined;
  const imports = {
    env: {
      vz_progress: (stage: number, fraction: number) => onStage?.(stage, fraction),
      vz_now: now,
    },
  };
  let exports = await instantiateCore(module, imports);

  const decoder = new TextDecoder();

  /** The typed error for a core status, its message read from the output buffer. */
  function failure(status: number): VectorizeError {
    const message = decoder.decode(
      new Uint8Array(exports.memory.buffer, exports.vz_output_ptr(), exports.vz_output_len()),
    );
    const code = ABI_STATUS_CODES[status];
    // For a rejected option the stats buffer holds its slot (block index, -1 for the palette, -3 for the remap).
    const slot =
      code === 'INVALID_OPTION' && exports.vz_stats_len() > 0
        ? new Float64Array(exports.memory.buffer, exports.vz_stats_ptr(), 1)[0]
        : undefined;
    return new VectorizeError(code && code !== 'OK' ? code : 'INTERNAL', message, {
      option: optionAtSlot(slot),
    });
  }

  /**
   * Copies host blocks into wasm memory (`put`, 0 for an empty block) and frees them with the
   * core's output buffers (`release`).
   */
  function hostBlocks() {
    const allocations: [number, number][] = [];
    const put = (bytes: Uint8Array): number => {
      if (bytes.length === 0) return 0;
      const ptr = exports.vz_alloc(bytes.length);
      if (ptr === 0)
        throw new VectorizeError(
          'TOO_LARGE',
          'Not enough memory to hold this image; try a smaller one.',
        );
      allocations.push([ptr, bytes.length]);
      new Uint8Array(exports.memory.buffer, ptr, bytes.length).set(bytes);
      return ptr;
    };
    const release = () => {
      exports.vz_release();
      for (const [ptr, len] of allocations) exports.vz_free(ptr, len);
    };
    return { put, release };
  }

  function run(
    rgba: Uint8Array | Uint8ClampedArray,
    width: number,
    height: number,
    options: VectorizeOptionsInput,
    onProgress?: ProgressCallback,
  ): VectorizeResult {
    let resolved = resolveOptions(options);
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
      throw new VectorizeError(
        'INVALID_INPUT',
        `The image has no pixels (${width}×${height}); width and height must be at least 1.`,
      );
    if (width * height > resolved.maxPixels)
      throw overPixelBudget(width, height, resolved.maxPixels);
    if (
      !(rgba instanceof Uint8Array || rgba instanceof Uint8ClampedArray) ||
      rgba.length !== width * height * 4
    )
      throw new VectorizeError(
        'INVALID_INPUT',
        `The pixel buffer holds ${rgba?.length ?? 0} bytes; a ${width}×${height} RGBA image needs ${width * height * 4}.`,
      );

    let lastOverall = -1;
    let lastStage = -1;
    onStage = (stage, fraction) => {
      const name = STAGES[stage] ?? 'fit';
      const overall = overallProgress(name, fraction);
      if (stage === lastStage && overall - lastOverall < PROGRESS_STEP && fraction < 1) return;
      if (overall < lastOverall) return;
      lastStage = stage;
      lastOverall = overall;
      onProgress?.({ stage: name, fraction, overall });
    };

    const { put, release } = hostBlocks();
    try {
      const rgbaPtr = put(
        rgba instanceof Uint8Array
          ? rgba
          : new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length),
      );
      let auto: AutoChoice | undefined;
      if (wantsAuto(resolved)) {
        const started = now();
        const status = exports.vz_classify(rgbaPtr, rgba.length, width, height);
        if (status !== 0) throw failure(status);
        auto = chooseSettings(
          decodeClassification(
            new Float64Array(exports.memory.buffer, exports.vz_stats_ptr(), exports.vz_stats_len()),
          ),
          now() - started,
        );
        resolved = resolveOptions(withChoice(options, resolved, auto));
      }
      const optionBlock = encodeOptions(resolved);
      const paletteBlock = encodePalette(resolved);
      const remapBlock = encodePaletteRemap(resolved);
      const optionsPtr = put(new Uint8Array(optionBlock.buffer));
      const palettePtr = put(new Uint8Array(paletteBlock.buffer));
      const remapPtr = put(new Uint8Array(remapBlock.buffer));
      const status = exports.vz_vectorize(
        rgbaPtr,
        rgba.length,
        width,
        height,
        optionsPtr,
        optionBlock.length,
        palettePtr,
        paletteBlock.length,
        remapPtr,
        remapBlock.length,
        auto ? (auto.unevenPage ? PAGE_HINT.uneven : PAGE_HINT.even) : PAGE_HINT.unknown,
      );
      if (status !== 0) throw failure(status);
      const output = decoder.decode(
        new Uint8Array(exports.memory.buffer, exports.vz_output_ptr(), exports.vz_output_len()),
      );
      const stats = decodeStats(
        new Float64Array(
          exports.memory.buffer,
          exports.vz_stats_ptr(),
          exports.vz_stats_len(),
        ).slice(),
        exports.memory.buffer.byteLength,
      );
      return { svg: output, stats: auto ? { ...stats, auto } : stats };
    } finally {
      onStage = undefined;
      release();
    }
  }

  /** A copy of the core's output buffer. */
  const outputBytes = () =>
    new Uint8Array(exports.memory.buffer, exports.vz_output_ptr(), exports.vz_output_len()).slice();

  function pngRgba(
    data: Uint8Array,
    { width, height, bitDepth, colourType }: PngLayout,
    palette = new Uint8Array(),
    alpha = new Uint8Array(),
  ): Uint8Array | undefined {
    const { put, release } = hostBlocks();
    try {
      const status = exports.vz_png_rgba(
        put(data),
        data.length,
        width,
        height,
        bitDepth,
        colourType,
        put(palette),
        palette.length,
        put(alpha),
        alpha.length,
      );
      return status === 0 ? outputBytes() : undefined;
    } finally {
      release();
    }
  }

  function renderPng(scene: Float64Array): Uint8Array {
    const { put, release } = hostBlocks();
    try {
      const ptr = put(new Uint8Array(scene.buffer, scene.byteOffset, scene.byteLength));
      const status = exports.vz_render_png(ptr, scene.length);
      if (status !== 0) throw failure(status);
      return outputBytes();
    } finally {
      release();
    }
  }

  return {
    pngRgba,
    renderPng,
    async vectorize(rgba, width, height, options = {}, onProgress) {
      try {
        return run(rgba, width, height, options, onProgress);
      } catch (error) {
        if (error instanceof VectorizeError) throw error;
        // A trap leaves the instance unusable: start a fresh one for the next call.
        exports = await instantiateCore(module, imports);
        const detail = error instanceof Error ? error.message : String(error);
        throw new VectorizeError('INTERNAL', `The engine failed unexpectedly (${detail}).`);
      }
    },
  };
}
