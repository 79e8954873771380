/**
 * Finds and compiles the core's wasm file. The Node bundle ships both builds beside itself
 * (`dist-node/vectorizer-{simd,scalar}.wasm`); run from source, they are the engine's build output
 * (`src/engine/wasm/`). The SIMD build is used when the runtime validates SIMD, else the scalar one;
 * `VECTORIZER_WASM=scalar` forces the scalar build.
 */
import { access, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { VectorizeError, supportsSimd } from '../engine';

export type WasmVariant = 'simd' | 'scalar';

const SEARCH_DIRS = [new URL('./', import.meta.url), new URL('../engine/wasm/', import.meta.url)];

export function preferredVariant(): WasmVariant {
  return process.env.VECTORIZER_WASM === 'scalar' || !supportsSimd() ? 'scalar' : 'simd';
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

export async function compileCoreModule(
  variant: WasmVariant = preferredVariant(),
): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await readFile(await locateWasm(variant)));
}
