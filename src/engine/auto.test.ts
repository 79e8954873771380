/**
 * Automatic settings through the real wasm core: a sprite gets pixel mode, a scanned-page-like
 * image (black text on white) bw, flat artwork colour; explicit options win over auto's; the
 * result's stats say what was detected and chosen; without auto nothing is classified.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VectorizeError, type Engine } from './index';
import { loadEngine, paint } from './test-support';

let engine: Engine;

beforeAll(async () => {
  engine = await loadEngine('simd');
});

/** A 24×24 sprite: a blocky figure with hard edges on transparency. */
const sprite = paint(
  24,
  24,
  (x, y) => {
    const [cx, cy] = [Math.floor(x), Math.floor(y)];
    if (cx >= 8 && cx < 16 && cy >= 4 && cy < 20)
      return cy < 10 ? [250, 200, 160, 255] : [40, 90, 200, 255];
    return [0, 0, 0, 0];
  },
  1,
);

/** A page: rows of black "words" on white paper with a little scanner grain. */
const page = paint(
  300,
  200,
  (x, y) => {
    const line = Math.floor(y / 16);
    const inLine = y % 16 >= 4 && y % 16 < 12 && line > 0 && line < 12;
    const inWord = Math.floor(x / 6) % 7 !== 0 && x > 20 && x < 280;
    const grain = ((x * 7 + y * 13) % 5) - 2;
    return inLine && inWord && (x + y) % 3 !== 0
      ? [20, 20, 20, 255]
      : [248 + grain, 248 + grain, 248 + grain, 255];
  },
  1,
);

/** Flat logo: two shapes on white. */
const logo = paint(200, 200, (x, y) => {
  if ((x - 70) ** 2 + (y - 100) ** 2 < 50 ** 2) return [230, 40, 40, 255];
  if (x > 120 && x < 180 && y > 60 && y < 140) return [20, 120, 60, 255];
  return [255, 255, 255, 255];
});

const auto = { mode: 'auto', preset: 'auto' } as const;

describe('mode and preset auto', () => {
  it('picks pixel mode for a sprite', async () => {
    const result = await engine.vectorize(sprite.data, sprite.width, sprite.height, auto);
    expect(result.stats.auto).toMatchObject({ kind: 'pixelArt', alpha: true, mode: 'pixel' });
    // Pixel mode: exact pixel edges, no curves.
    expect(result.svg).not.toMatch(/d="[^"]*[cCsSqQ]/);
  });

  it('picks bw for a scanned-page-like image', async () => {
    const result = await engine.vectorize(page.data, page.width, page.height, auto);
    expect(result.stats.auto).toMatchObject({ kind: 'lineArt', alpha: false, mode: 'bw' });
    expect(result.stats.palette).toEqual(['#000000', '#ffffff']);
  });

  it('picks colour for flat artwork, and explicit options win', async () => {
    const result = await engine.vectorize(logo.data, logo.width, logo.height, auto);
    expect(result.stats.auto).toMatchObject({ kind: 'logo', mode: 'color', preset: 'balanced' });
    const forced = await engine.vectorize(logo.data, logo.width, logo.height, {
      mode: 'bw',
      preset: 'auto',
    });
    expect(forced.stats.auto).toMatchObject({ kind: 'logo', preset: 'balanced' });
    expect(forced.stats.palette).toEqual(['#000000', '#ffffff']);
  });

  it('classifies nothing without auto', async () => {
    const result = await engine.vectorize(logo.data, logo.width, logo.height, { mode: 'color' });
    expect(result.stats.auto).toBeUndefined();
  });

  it('refuses other values naming the option', async () => {
    const error = await engine
      .vectorize(logo.data, logo.width, logo.height, { mode: 'automatic' as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VectorizeError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', option: 'mode' });
    expect((error as Error).message).toMatch(/pixel, centerline, auto/);
  });
});
