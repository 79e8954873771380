/**
 * The one wasm loader. Two builds of the core exist (`vectorizer-simd.wasm` with simd128 and
 * `vectorizer-scalar.wasm` without); the SIMD one is used when this runtime validates a v128
 * instruction, else the scalar one. The caller only says how to get a build's bytes: the worker
 * fetches its bundled URL (compiled while it streams in), Node reads the file beside its bundle.
 */
import { createEngine, type Engine } from './engine';
import { supportsSimd } from './simd';

export type WasmVariant = 'simd' | 'scalar';

/** A build's bytes, or the fetch response carrying them. */
export type WasmBytes = Response | ArrayBuffer | Uint8Array;

/** How to get a build of the core: by URL in a browser, from the file system in Node. */
export type WasmSource = (variant: WasmVariant) => WasmBytes | Promise<WasmBytes>;

/** The build to load: SIMD when the runtime supports it, unless the scalar one is asked for. */
export function chooseVariant(prefer: WasmVariant = 'simd', simd = supportsSimd()): WasmVariant {
  return prefer === 'simd' && simd ? 'simd' : 'scalar';
}

/**
 * Bytes are recognised first: in Node, the first touch of the global `Response` loads its whole
 * fetch implementation (≈40 ms of a one-file CLI run), which reading a file never needs.
 */
function isResponse(bytes: WasmBytes): bytes is Response {
  if (bytes instanceof Uint8Array || bytes instanceof ArrayBuffer) return false;
  return typeof Response !== 'undefined' && bytes instanceof Response;
}

/** Compiles a build of the core (chosen by `chooseVariant()` unless given). */
export async function compileCore(
  source: WasmSource,
  variant: WasmVariant = chooseVariant(),
): Promise<WebAssembly.Module> {
  const bytes = await source(variant);
  if (!isResponse(bytes)) return WebAssembly.compile(bytes as BufferSource);
  if (typeof WebAssembly.compileStreaming === 'function')
    return WebAssembly.compileStreaming(bytes);
  return WebAssembly.compile(await bytes.arrayBuffer());
}

/** Compiles the core and instantiates an engine on it. */
export async function loadEngine(
  source: WasmSource,
  variant: WasmVariant = chooseVariant(),
): Promise<Engine> {
  return createEngine(await compileCore(source, variant));
}
