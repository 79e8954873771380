/**
 * Automatic settings through the real wasm core: a sprite (small or scaled up) gets pixel mode,
 * a scanned-page-like image (black text on white) bw, a dark grey mark on white colour (bw would
 * blacken its grey), flat artwork colour; explicit options win over auto's; the result's stats
 * say what was detected and chosen; without auto nothing is classified.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { chooseSettings, type Classification } from './auto';
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

/** The sprite's pattern scaled up 8× by nearest neighbour: 192×192 in 8-pixel blocks. */
const bigSprite = paint(
  192,
  192,
  (x, y) => {
    const [cx, cy] = [Math.floor(x / 8), Math.floor(y / 8)];
    if ((cx * 7 + cy * 3) % 5 === 0) return [0, 0, 0, 0];
    return (cx + cy) % 3 === 0 ? [250, 200, 160, 255] : [40, 90, 200, 255];
  },
  1,
);

/** A dark grey (#181717) disc on white, anti-aliased: a two-tone mark. */
const greyMark = paint(200, 200, (x, y) =>
  (x - 100) ** 2 + (y - 100) ** 2 < 70 ** 2 ? [24, 23, 23, 255] : [255, 255, 255, 255],
);

const auto = { mode: 'auto', preset: 'auto' } as const;

describe('mode and preset auto', () => {
  it('picks pixel mode for a sprite', async () => {
    const result = await engine.vectorize(sprite.data, sprite.width, sprite.height, auto);
    expect(result.stats.auto).toMatchObject({ kind: 'pixelArt', alpha: true, mode: 'pixel' });
    // Pixel mode: exact pixel edges, no curves.
    expect(result.svg).not.toMatch(/d="[^"]*[cCsSqQ]/);
  });

  it('picks pixel mode for a sprite scaled up by nearest neighbour', async () => {
    const result = await engine.vectorize(bigSprite.data, bigSprite.width, bigSprite.height, auto);
    expect(result.stats.auto).toMatchObject({ kind: 'pixelArt', mode: 'pixel' });
    expect(result.stats.auto?.features.block).toBe(8);
  });

  it('picks bw for a scanned-page-like image', async () => {
    const result = await engine.vectorize(page.data, page.width, page.height, auto);
    expect(result.stats.auto).toMatchObject({
      kind: 'lineArt',
      alpha: false,
      keepsBw: true,
      mode: 'bw',
    });
    expect(result.stats.palette).toEqual(['#000000', '#ffffff']);
    expect(result.stats.auto?.classifyMs).toBeGreaterThanOrEqual(0);
  });

  it('keeps the tones of a dark grey mark in colour mode', async () => {
    const result = await engine.vectorize(greyMark.data, greyMark.width, greyMark.height, auto);
    expect(result.stats.auto).toMatchObject({ kind: 'lineArt', keepsBw: false, mode: 'color' });
    expect(result.stats.palette).toContain('#181717');
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

  it('hands a photographed page to bw mode as uneven: the same SVG as bw classifying it itself', async () => {
    const file = join(import.meta.dirname, '../../e2e/fixtures/lineart/skimage-page.png');
    const { data, info } = await sharp(file)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const auto = await engine.vectorize(data, info.width, info.height, { mode: 'auto' });
    expect(auto.stats.auto).toMatchObject({ kind: 'lineArt', mode: 'bw', unevenPage: true });
    const { preset, denoise } = auto.stats.auto!;
    const bw = await engine.vectorize(data, info.width, info.height, {
      mode: 'bw',
      preset,
      denoise,
    });
    expect(auto.svg).toBe(bw.svg);
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

describe('chooseSettings', () => {
  const lineArt: Classification = {
    kind: 'lineArt',
    alpha: false,
    noisy: false,
    keepsBw: true,
    unevenPage: false,
    features: {} as Classification['features'],
  };

  it('gives line art bw only when bw keeps its look', () => {
    expect(chooseSettings(lineArt)).toMatchObject({ mode: 'bw', preset: 'balanced' });
    expect(chooseSettings({ ...lineArt, keepsBw: false })).toMatchObject({ mode: 'color' });
  });

  it('denoises noisy images and takes every other kind from the table', () => {
    expect(chooseSettings({ ...lineArt, kind: 'photo', noisy: true })).toMatchObject({
      mode: 'color',
      denoise: true,
    });
    expect(chooseSettings({ ...lineArt, kind: 'pixelArt' })).toMatchObject({ mode: 'pixel' });
  });
});
