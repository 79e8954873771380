/** Helpers for the engine's tests: a real engine over the built wasm, and synthetic images. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createEngine, type Engine } from './engine';

export type WasmFlavour = 'simd' | 'scalar';

export function wasmPath(flavour: WasmFlavour): string {
  return fileURLToPath(new URL(`./wasm/vectorizer-${flavour}.wasm`, import.meta.url));
}

export async function loadEngine(flavour: WasmFlavour = 'simd'): Promise<Engine> {
  return createEngine(await WebAssembly.compile(readFileSync(wasmPath(flavour))));
}

export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

type Paint = (x: number, y: number) => [number, number, number, number];

/** Paints an image with 4×4 supersampling, so edges are anti-aliased like a real render. */
export function paint(width: number, height: number, paintAt: Paint, samples = 4): Raster {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = paintAt(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
          const a = c[3] / 255;
          sum[0] += c[0] * a;
          sum[1] += c[1] * a;
          sum[2] += c[2] * a;
          sum[3] += c[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const i = (y * width + x) * 4;
      for (let c = 0; c < 3; c++)
        data[i + c] = alpha > 0 ? Math.round((sum[c] / n) * (255 / alpha)) : 0;
      data[i + 3] = Math.round(alpha);
    }
  }
  return { data, width, height };
}

/** A flat-colour test card: background, a disc, a rotated square and a bar touching the disc. */
export function testCard(size = 128): Raster {
  const c = size / 2;
  return paint(size, size, (x, y) => {
    const dx = x - c * 0.8;
    const dy = y - c * 0.9;
    if (dx * dx + dy * dy < (size * 0.3) ** 2) return [220, 40, 60, 255];
    const u = (x - size * 0.75 + (y - size * 0.3)) / Math.SQRT2;
    const v = (x - size * 0.75 - (y - size * 0.3)) / Math.SQRT2;
    if (Math.abs(u) < size * 0.12 && Math.abs(v) < size * 0.12) return [30, 90, 200, 255];
    if (y > size * 0.82 && y < size * 0.92 && x > size * 0.1) return [250, 200, 40, 255];
    return [245, 245, 240, 255];
  });
}
