import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { chooseVariant, compileCore, loadEngine, type WasmVariant } from './load';
import { testCard, wasmPath } from './test-support';

const bytes = (variant: WasmVariant) => readFileSync(wasmPath(variant));

describe('chooseVariant', () => {
  it('takes SIMD when the runtime validates it, else the scalar build', () => {
    expect(chooseVariant('simd', true)).toBe('simd');
    expect(chooseVariant('simd', false)).toBe('scalar');
    expect(chooseVariant('scalar', true)).toBe('scalar');
    expect(chooseVariant()).toBe('simd'); // Node 20 has wasm SIMD
  });
});

describe('compileCore', () => {
  it('asks the source for the chosen build and compiles its bytes', async () => {
    const source = vi.fn(bytes);
    const module = await compileCore(source);
    expect(source).toHaveBeenCalledWith('simd');
    expect(WebAssembly.Module.exports(module).map((e) => e.name)).toContain('vz_vectorize');
    await compileCore(source, 'scalar');
    expect(source).toHaveBeenLastCalledWith('scalar');
  });

  it('compiles a fetch response while it streams', async () => {
    const streaming = vi.spyOn(WebAssembly, 'compileStreaming');
    const response = new Response(bytes('scalar'), {
      headers: { 'content-type': 'application/wasm' },
    });
    const module = await compileCore(async () => response, 'scalar');
    expect(streaming).toHaveBeenCalledOnce();
    expect(module).toBeInstanceOf(WebAssembly.Module);
    streaming.mockRestore();
  });
});

describe('loadEngine', () => {
  it('gives an engine that vectorizes', async () => {
    const engine = await loadEngine(bytes);
    const card = testCard(32);
    const { svg } = await engine.vectorize(card.data, card.width, card.height);
    expect(svg.startsWith('<svg')).toBe(true);
  });
});
