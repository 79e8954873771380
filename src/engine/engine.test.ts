import { beforeAll, describe, expect, it } from 'vitest';
import { Resvg } from '@resvg/resvg-js';
import { errorCodeOf, type Engine, type Progress } from './index';
import { loadEngine, paint, testCard } from './test-support';
import { ssim } from './fidelity/index';
import { renderSvg } from '../../bench/lib/render';

let engine: Engine;
let scalar: Engine;

beforeAll(async () => {
  engine = await loadEngine('simd');
  scalar = await loadEngine('scalar');
});

function render(svg: string, background?: string): Uint8Array {
  return new Resvg(svg, background ? { background } : {}).render().pixels;
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return errorCodeOf(error);
  }
  return 'resolved';
}

describe('vectorize', () => {
  it('writes a parseable SVG of the image size with stats', async () => {
    const card = testCard(96);
    const { svg, stats } = await engine.vectorize(card.data, 96, 96);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"')).toBe(
      true,
    );
    const image = new Resvg(svg).render();
    expect([image.width, image.height]).toEqual([96, 96]);
    expect(stats).toMatchObject({ width: 96, height: 96, bytes: svg.length });
    expect(stats.colors).toBeGreaterThanOrEqual(4);
    expect(stats.colors).toBeLessThanOrEqual(8);
    expect(stats.paths).toBeGreaterThan(0);
    expect(stats.palette).toContain('#1e5ac8');
  });

  it.each([
    ['fast', 0.98],
    ['balanced', 0.99],
    ['high', 0.99],
    ['ultra', 0.99],
  ] as const)(
    'matches synthetic flat-colour images when rendered back (preset %s, SSIM ≥ %s)',
    async (preset, floor) => {
      for (const size of [96, 256]) {
        const card = testCard(size);
        const { svg } = await engine.vectorize(card.data, size, size, { preset });
        expect(ssim(card, renderSvg(svg))).toBeGreaterThanOrEqual(floor);
      }
    },
  );

  it('is deterministic, and SIMD and scalar builds agree byte for byte', async () => {
    const card = testCard(120);
    const first = await engine.vectorize(card.data, 120, 120, { preset: 'ultra' });
    const again = await engine.vectorize(card.data, 120, 120, { preset: 'ultra' });
    const plain = await scalar.vectorize(card.data, 120, 120, { preset: 'ultra' });
    expect(again.svg).toBe(first.svg);
    expect(plain.svg).toBe(first.svg);
  });

  it('leaves no seams: opaque input renders identically over contrasting backgrounds', async () => {
    const card = testCard(128);
    const { svg } = await engine.vectorize(card.data, 128, 128);
    const overMagenta = render(svg, '#ff00ff');
    const overGreen = render(svg, '#00ff00');
    let differing = 0;
    for (let i = 0; i < overMagenta.length; i += 4) {
      if (
        Math.abs(overMagenta[i] - overGreen[i]) > 2 ||
        Math.abs(overMagenta[i + 1] - overGreen[i + 1]) > 2
      )
        differing++;
    }
    expect(differing).toBe(0);
  });

  it('leaves no seams between abutting shapes on a transparent background', async () => {
    // A badge with no background colour: an orange disc on transparency, a pale band across
    // it and a dark dot touching the band; no opaque region encloses the others.
    const size = 128;
    const image = paint(size, size, (x, y) => {
      const r2 = (x - 64) ** 2 + (y - 64) ** 2;
      if (r2 > 56 ** 2) return [0, 0, 0, 0];
      if ((x - 80) ** 2 + (y - 50) ** 2 < 14 ** 2) return [40, 43, 43, 255];
      if (Math.abs(y - 0.3 * x - 45) < 12) return [255, 217, 131, 255];
      return [241, 143, 38, 255];
    });
    const { svg } = await engine.vectorize(image.data, size, size);
    const overMagenta = render(svg, '#ff00ff');
    const overGreen = render(svg, '#00ff00');
    let inner = 0;
    let differing = 0;
    for (let y = 1; y < size - 1; y++)
      for (let x = 1; x < size - 1; x++) {
        // Opaque pixels away from the outline, where the input itself is partly transparent.
        const around = [-1, 0, 1].flatMap((dy) =>
          [-1, 0, 1].map((dx) => image.data[((y + dy) * size + x + dx) * 4 + 3]),
        );
        if (around.some((alpha) => alpha < 255)) continue;
        inner++;
        const i = (y * size + x) * 4;
        if ([0, 1, 2].some((c) => Math.abs(overMagenta[i + c] - overGreen[i + c]) > 2)) differing++;
      }
    expect(inner).toBeGreaterThan(8000);
    // Only where three shapes meet may a corner pixel show a trace (unsealed: ~250 pixels).
    expect(differing).toBeLessThanOrEqual(2);
  });

  it('keeps transparent pixels transparent, never black or white', async () => {
    const image = paint(64, 64, (x, y) =>
      (x - 32) ** 2 + (y - 32) ** 2 < 400 ? [0, 128, 255, 255] : [0, 0, 0, 0],
    );
    const { svg } = await engine.vectorize(image.data, 64, 64);
    const pixels = render(svg);
    expect(pixels[3]).toBe(0); // corner
    expect(pixels[(32 * 64 + 32) * 4 + 3]).toBe(255); // centre
    expect(Array.from(pixels.subarray((32 * 64 + 32) * 4, (32 * 64 + 32) * 4 + 3))).toEqual([
      0, 128, 255,
    ]);
  });

  it('reports monotonic progress through every stage up to 1', async () => {
    const card = testCard(200);
    const seen: Progress[] = [];
    await engine.vectorize(card.data, 200, 200, {}, (p) => seen.push(p));
    const overall = seen.map((p) => p.overall);
    expect(overall.every((v, i) => i === 0 || v >= overall[i - 1])).toBe(true);
    expect(overall.at(-1)).toBe(1);
    expect(new Set(seen.map((p) => p.stage))).toEqual(
      new Set(['prepare', 'segment', 'trace', 'fit']),
    );
  });

  it('reproduces pixel art exactly in pixel mode, soft alpha and a thousand colours included', async () => {
    const art = paint(
      40,
      30,
      (x, y) => {
        const [i, j] = [Math.floor(x), Math.floor(y)];
        return [
          (i * 40) % 256,
          (j * 25) % 256,
          (i * j) % 256,
          (i + j) % 7 === 0 ? 0 : 255 - ((i * 3) % 200),
        ];
      },
      1,
    );
    const { svg, stats } = await engine.vectorize(art.data, 40, 30, { mode: 'pixel' });
    expect(stats.colors).toBeGreaterThan(256);
    const pixels = render(svg); // premultiplied
    for (let i = 0; i < art.data.length; i += 4) {
      const alpha = art.data[i + 3];
      expect(Math.abs(pixels[i + 3] - alpha)).toBeLessThanOrEqual(1);
      for (let c = 0; c < 3; c++)
        expect(Math.abs(pixels[i + c] - (art.data[i + c] * alpha) / 255)).toBeLessThanOrEqual(1.5);
    }
  });

  it('turns a bad input into a typed error, never a crash', async () => {
    expect(await codeOf(engine.vectorize(new Uint8Array(0), 0, 0))).toBe('INVALID_INPUT');
    expect(await codeOf(engine.vectorize(new Uint8Array(15), 2, 2))).toBe('INVALID_INPUT');
    expect(await codeOf(engine.vectorize(new Uint8Array(4), 100_000, 100_000))).toBe('TOO_LARGE');
    expect(await codeOf(engine.vectorize(new Uint8Array(400), 10, 10, { maxPixels: 99 }))).toBe(
      'TOO_LARGE',
    );
    await expect(engine.vectorize(new Uint8Array(400), 10, 10, { maxPixels: 99 })).rejects.toThrow(
      'The image is 10×10 (100 pixels), over the pixel budget of 99 pixels',
    );
    await expect(engine.vectorize(new Uint8Array(4), 9000, 5000)).rejects.toThrow(
      '(45.0 MP), over the pixel budget of 40.0 MP',
    );
    // The engine still works afterwards.
    const ok = await engine.vectorize(new Uint8Array([1, 2, 3, 255]), 1, 1);
    expect(ok.stats.paths).toBe(1);
  });

  it.each([
    ['1×1', 1, 1],
    ['1×N', 1, 37],
    ['N×1', 41, 1],
  ])('handles a %s image', async (_name, width, height) => {
    const data = new Uint8Array(width * height * 4).map((_, i) =>
      i % 4 === 3 ? 255 : (i * 53) % 256,
    );
    const { svg } = await engine.vectorize(data, width, height);
    expect(new Resvg(svg).render().width).toBe(width);
  });

  it('handles all-transparent, one-colour, noise and more colours than pixels', async () => {
    const empty = await engine.vectorize(new Uint8Array(64 * 4), 8, 8);
    expect(empty.stats.paths).toBe(0);
    const flat = await engine.vectorize(new Uint8Array(64 * 4).fill(200), 8, 8);
    expect(flat.stats.paths).toBe(1);
    let seed = 7;
    const noise = new Uint8Array(80 * 60 * 4).map(
      () => ((seed = (seed * 1103515245 + 12345) >>> 0), seed >>> 24),
    );
    const noisy = await engine.vectorize(noise, 80, 60, { colors: 256 });
    expect(new Resvg(noisy.svg).render().width).toBe(80);
    const tiny = await engine.vectorize(new Uint8Array([255, 0, 0, 255, 0, 0, 255, 255]), 2, 1, {
      colors: 64,
    });
    expect(tiny.stats.colors).toBe(2);
  });

  it('completes a 16 MP image within 32 bytes of wasm memory per pixel', async () => {
    const size = 4096;
    const big = paint(
      size,
      size,
      (x, y) => (Math.hypot(x - 2000, y - 2100) < 1500 ? [200, 60, 60, 255] : [250, 250, 245, 255]),
      1,
    );
    const { stats } = await engine.vectorize(big.data, size, size);
    expect(stats.colors).toBeGreaterThanOrEqual(2);
    expect(stats.memoryBytes / (size * size)).toBeLessThanOrEqual(32);
    expect(stats.peakHeapBytes / (size * size)).toBeLessThanOrEqual(32);
  });

  it('maps onto a fixed palette and splits black and white', async () => {
    const card = testCard(64);
    const fixed = await engine.vectorize(card.data, 64, 64, { palette: ['#000', '#fff', '#e30'] });
    expect(fixed.stats.palette.every((c) => ['#000000', '#ffffff', '#ee3300'].includes(c))).toBe(
      true,
    );
    const bw = await engine.vectorize(card.data, 64, 64, { mode: 'bw' });
    expect(bw.stats.palette).toEqual(['#000000', '#ffffff']);
  });
});
