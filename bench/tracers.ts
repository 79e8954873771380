/** The tracers compared by the benchmark, each behind one small adapter. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createEngine, type Engine, type VectorizeOptionsInput } from '../src/engine/index';
import type { Raster } from './lib/raster';

const require = createRequire(import.meta.url);

export interface Tracer {
  name: string;
  /** Categories this tracer is run on (undefined: all). */
  categories?: string[];
  /** Categories skipped because the tracer cannot handle them in reasonable time. */
  skip?: string[];
  trace(image: Raster, file: string): Promise<string>;
}

async function ourEngine(): Promise<Engine> {
  const wasm = fileURLToPath(new URL('../src/engine/wasm/vectorizer-simd.wasm', import.meta.url));
  return createEngine(await WebAssembly.compile(readFileSync(wasm)));
}

function ours(
  engine: Engine,
  name: string,
  options: VectorizeOptionsInput,
  categories?: string[],
): Tracer {
  return {
    name,
    categories,
    trace: async (image) =>
      (await engine.vectorize(image.data, image.width, image.height, options)).svg,
  };
}

function vtracerNative(): Tracer {
  const { vectorizeRawSync } = require('@neplex/vectorizer') as {
    vectorizeRawSync(source: Buffer, args: { width: number; height: number }): string;
  };
  return {
    name: 'vtracer-native',
    trace: async (image) =>
      vectorizeRawSync(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
        width: image.width,
        height: image.height,
      }),
  };
}

async function vtracerWasmBinary(): Promise<Tracer> {
  type Converter = { init(): void; tick(): boolean; getResult(): string; free(): void };
  // The package targets bundlers (it imports its .wasm as a module): wire it up by hand.
  const dir = join(dirname(require.resolve('vectortracer')), '');
  const module = (await import(pathToFileURL(join(dir, 'vectortracer_bg.js')).href)) as {
    BinaryImageConverter: new (image: unknown, params: object, options: object) => Converter;
    __wbg_set_wasm(exports: WebAssembly.Exports): void;
  };
  const { instance } = await WebAssembly.instantiate(
    readFileSync(join(dir, 'vectortracer_bg.wasm')),
    {
      './vectortracer_bg.js': module as unknown as WebAssembly.ModuleImports,
    },
  );
  module.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  return {
    name: 'vtracer-wasm-bw',
    categories: ['lineart'],
    trace: async (image) => {
      const data = new Uint8ClampedArray(
        image.data.buffer,
        image.data.byteOffset,
        image.data.length,
      );
      const converter = new module.BinaryImageConverter(
        { data, width: image.width, height: image.height },
        { debug: false },
        { invert: false, pathFill: undefined, backgroundColor: undefined, attributes: undefined },
      );
      converter.init();
      while (!converter.tick());
      const svg = converter.getResult();
      converter.free();
      // Its SVG carries no size; give it the image's so that it renders 1:1.
      return svg.replace('<svg ', `<svg width="${image.width}" height="${image.height}" `);
    },
  };
}

function imageTracer(): Tracer {
  const tracer = require('imagetracerjs') as {
    imagedataToSVG(
      image: { width: number; height: number; data: Uint8Array },
      options?: object,
    ): string;
  };
  return {
    name: 'imagetracerjs',
    skip: ['large'],
    trace: async (image) =>
      tracer.imagedataToSVG({ width: image.width, height: image.height, data: image.data }),
  };
}

function potrace(): Tracer {
  const { trace } = require('potrace') as {
    trace(file: string, options: object, cb: (error: Error | null, svg: string) => void): void;
  };
  return {
    name: 'potrace',
    categories: ['lineart', 'logo'],
    trace: (_image, file) =>
      new Promise((resolve, reject) =>
        trace(file, {}, (error, svg) => (error ? reject(error) : resolve(svg))),
      ),
  };
}

export async function allTracers(): Promise<Tracer[]> {
  const list: Tracer[] = [];
  try {
    const engine = await ourEngine();
    list.push(
      ours(engine, 'ours-balanced', { preset: 'balanced' }),
      ours(engine, 'ours-ultra', { preset: 'ultra' }),
      ours(engine, 'ours-pixel', { mode: 'pixel' }, ['pixelart']),
      ours(engine, 'ours-bw', { mode: 'bw' }, ['lineart']),
    );
  } catch (error) {
    console.log(`ours: skipped (${(error as Error).message}; run npm run build:wasm)`);
  }
  list.push(vtracerNative(), await vtracerWasmBinary(), imageTracer(), potrace());
  return list;
}
