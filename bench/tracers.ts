/**
 * The tracers compared by the benchmark, each behind one small adapter. `prepare` does the
 * untimed work (input conversion into the tracer's own format) and returns the conversion
 * that is timed, so that every tracer is timed from decoded pixels to SVG text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vectorizeRawSync } from '@neplex/vectorizer';
import type { Engine, VectorizeOptionsInput } from '../src/engine/index';
import { loadEngine } from '../src/engine/load';
import { readWasm } from '../src/node/wasm-module';
import type { Raster } from '../src/engine/fidelity/index';

const require = createRequire(import.meta.url);

export type Conversion = () => Promise<string>;

export interface Tracer {
  name: string;
  /** Categories this tracer runs on (undefined: all). */
  categories?: readonly string[];
  prepare(image: Raster): Conversion;
}

export const BASELINE = 'vtracer-native';

function ours(engine: Engine, name: string, options: VectorizeOptionsInput, categories?: string[]) {
  return {
    name,
    categories,
    prepare: (image: Raster) => async () =>
      (await engine.vectorize(image.data, image.width, image.height, options)).svg,
  } satisfies Tracer;
}

/** A `--with` value as the option takes it: a number, a boolean or the text. */
function optionValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

async function ourTracers(variants: readonly (readonly [string, string])[][]): Promise<Tracer[]> {
  // The SIMD build, loaded the way the CLI loads it.
  const engine = await loadEngine(readWasm, 'simd');
  return [
    ours(engine, 'ours-balanced', { preset: 'balanced' }),
    ...variants.map((pairs) =>
      ours(engine, `ours-balanced+${pairs.map(([name, value]) => `${name}=${value}`).join(',')}`, {
        preset: 'balanced',
        ...Object.fromEntries(pairs.map(([name, value]) => [name, optionValue(value)])),
      } as VectorizeOptionsInput),
    ),
    ours(engine, 'ours-ultra', { preset: 'ultra' }),
    ours(engine, 'ours-pixel', { mode: 'pixel' }, ['pixelart']),
    ours(engine, 'ours-bw', { mode: 'bw' }, ['lineart']),
  ];
}

/** vtracer's native build through Node-API, with its default configuration. */
const vtracerNative: Tracer = {
  name: BASELINE,
  prepare: (image) => {
    const pixels = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length);
    const size = { width: image.width, height: image.height };
    return async () => vectorizeRawSync(pixels, size);
  },
};

interface BinaryConverter {
  init(): void;
  tick(): boolean;
  getResult(): string;
  free(): void;
}

interface VectortracerBindings {
  BinaryImageConverter: new (image: object, params: object, options: object) => BinaryConverter;
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
}

/** vtracer compiled to wasm; the package has only a black-and-white converter. */
async function vtracerWasm(): Promise<Tracer> {
  // The package targets bundlers (it imports its .wasm as a module): wire it up by hand.
  const dir = dirname(require.resolve('vectortracer'));
  const bindings = (await import(
    pathToFileURL(join(dir, 'vectortracer_bg.js')).href
  )) as VectortracerBindings;
  const { instance } = await WebAssembly.instantiate(
    readFileSync(join(dir, 'vectortracer_bg.wasm')),
    { './vectortracer_bg.js': bindings as unknown as WebAssembly.ModuleImports },
  );
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return {
    name: 'vtracer-wasm-bw',
    categories: ['lineart'],
    prepare: (image) => {
      const data = new Uint8ClampedArray(
        image.data.buffer,
        image.data.byteOffset,
        image.data.length,
      );
      const imageData = { data, width: image.width, height: image.height };
      const noOptions = {
        invert: undefined,
        pathFill: undefined,
        backgroundColor: undefined,
        attributes: undefined,
      };
      return async () => {
        const converter = new bindings.BinaryImageConverter(imageData, { debug: false }, noOptions);
        converter.init();
        while (!converter.tick());
        const svg = converter.getResult();
        converter.free();
        // Its SVG carries no size; give it the image's so that it renders 1:1.
        return svg.replace('<svg ', `<svg width="${image.width}" height="${image.height}" `);
      };
    },
  };
}

const imageTracer: Tracer = {
  name: 'imagetracerjs',
  prepare: (image) => {
    const tracer = require('imagetracerjs') as {
      imagedataToSVG(image: { width: number; height: number; data: Uint8Array }): string;
    };
    return async () => tracer.imagedataToSVG(image);
  },
};

interface JimpImage {
  bitmap: { width: number; height: number };
}

/** potrace (black and white only), fed the decoded pixels as the image object it reads. */
const potrace: Tracer = {
  name: 'potrace',
  categories: ['lineart', 'logo'],
  prepare: (image) => {
    const potraceRequire = createRequire(require.resolve('potrace'));
    const Jimp = potraceRequire('jimp') as new (bitmap: object) => JimpImage;
    const { trace } = potraceRequire('potrace') as {
      trace(input: JimpImage, options: object, done: (e: Error | null, svg: string) => void): void;
    };
    const input = new Jimp({
      data: Buffer.from(image.data),
      width: image.width,
      height: image.height,
    });
    return () =>
      new Promise((resolve, reject) =>
        trace(input, {}, (error, svg) => (error ? reject(error) : resolve(svg))),
      );
  },
};

/**
 * Every tracer (only those named in `names`, when given), with ours also at preset balanced
 * with each of `variants` (its options' names and values); ours are left out, with the reason printed,
 * while the wasm is not built.
 */
export async function allTracers(
  log: (line: string) => void,
  variants: readonly (readonly [string, string])[][] = [],
  names?: readonly string[],
): Promise<Tracer[]> {
  const list: Tracer[] = [];
  try {
    list.push(...(await ourTracers(variants)));
  } catch (error) {
    log(`ours: skipped (${(error as Error).message}); build the core with: npm run build:wasm`);
  }
  list.push(vtracerNative, await vtracerWasm(), imageTracer, potrace);
  return list.filter((t) => !names || names.includes(t.name) || t.name.includes('+'));
}
