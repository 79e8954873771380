/**
 * Where Node finds the core's wasm builds; compiling and choosing SIMD or scalar is the engine's
 * loader (src/engine/load.ts). The Node bundle ships both builds beside itself
 * (`dist-node/vectorizer-{simd,scalar}.wasm`); run from source, they are the engine's build output
 * (`src/engine/wasm/`). `VECTORIZER_WASM=scalar` forces the scalar build.
 */
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { VectorizeError } from '../engine';
import { chooseVariant, compileCore, type WasmVariant } from '../engine/load';

export type { WasmVariant };

const SEARCH_DIRS = [new URL('./', import.meta.url), new URL('../engine/wasm/', import.meta.url)];

export function preferredVariant(): WasmVariant {
  return chooseVariant(process.env.VECTORIZER_WASM === 'scalar' ? 'scalar' : 'simd');
}

export async function locateWasm(variant: WasmVariant): Promise<string> {
  const candidates = SEARCH_DIRS.map((dir) =>
    fileURLToPath(new URL(`vectorizer-${variant}.wasm`, dir)),
  );
  for (const path of candidates) {
    try {
      await access(path);
      return path;
    } catch {
      // try the next folder
    }
  }
  throw new VectorizeError(
    'INTERNAL',
    `The core file vectorizer-${variant}.wasm is missing (looked in ${candidates.join(', ')}); ` +
      'run `npm run build:wasm` and `npm run build:node`.',
  );
}

/** Node's source for the loader: the build's file, read from beside the bundle. */
export async function readWasm(variant: WasmVariant): Promise<Uint8Array> {
  return readFile(await locateWasm(variant));
}

export function compileCoreModule(
  variant: WasmVariant = preferredVariant(),
): Promise<WebAssembly.Module> {
  return compileCore(readWasm, variant);
}
