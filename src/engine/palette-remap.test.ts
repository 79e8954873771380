/**
 * The palette remap through the real wasm core: merging two palette colours leaves fewer
 * colours and shapes, removing one leaves its area uncovered (rendered alpha 0, in every
 * stacking), recolouring changes the fill; bad remaps are INVALID_OPTION naming paletteRemap.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { VectorizeError, type Engine, type VectorizeOptionsInput } from './index';
import { formatPaletteRemapText, parsePaletteRemapText } from './palette-remap';
import { loadEngine, paint } from './test-support';
import { renderSvg } from '../../bench/lib/render';

let engine: Engine;
const SIZE = 96;
/** White ground, a red disc on the left, a blue square on the right. */
const image = paint(SIZE, SIZE, (x, y) => {
  if ((x - 30) ** 2 + (y - 48) ** 2 < 20 ** 2) return [255, 0, 0, 255];
  if (x > 58 && x < 86 && y > 34 && y < 62) return [0, 0, 255, 255];
  return [255, 255, 255, 255];
});
const palette = ['#ffffff', '#ff0000', '#0000ff'];

beforeAll(async () => {
  engine = await loadEngine('simd');
});

const run = (options: VectorizeOptionsInput) =>
  engine.vectorize(image.data, image.width, image.height, { palette, ...options });

function pixelAt(svg: string, x: number, y: number): number[] {
  const raster = renderSvg(svg);
  const i = (y * raster.width + x) * 4;
  return Array.from(raster.data.subarray(i, i + 4));
}

describe('paletteRemap', () => {
  it('merges a colour into another palette colour: fewer colours and shapes', async () => {
    // Paths, not primitives: a merged colour's shapes are then one path (with primitives the
    // disc and the square stay a <circle> and a <rect>, one element each, in one colour).
    const plain = await run({ primitives: false });
    const merged = await run({
      primitives: false,
      paletteRemap: [{ from: '#ff0000', to: '#0000ff' }],
    });
    expect(plain.stats.colors).toBe(3);
    expect(merged.stats.colors).toBe(2);
    expect(merged.stats.palette).toEqual(['#ffffff', '#0000ff']);
    expect(merged.stats.paths).toBeLessThan(plain.stats.paths);
    expect(pixelAt(merged.svg, 30, 48)).toEqual([0, 0, 255, 255]);
  });

  for (const stacking of ['stacked', 'cutouts'] as const) {
    it(`removes a colour: nothing covers its area (${stacking})`, async () => {
      const noGround = await run({
        stacking,
        gapFiller: stacking === 'cutouts',
        paletteRemap: [{ from: '#ffffff', to: 'transparent' }],
      });
      expect(noGround.stats.palette).not.toContain('#ffffff');
      expect(pixelAt(noGround.svg, 2, 2)[3]).toBe(0);
      expect(pixelAt(noGround.svg, 48, 10)[3]).toBe(0);
      expect(pixelAt(noGround.svg, 30, 48)).toEqual([255, 0, 0, 255]);
      // The disc sits inside the white shape: its parent must not paint over the hole.
      const noDisc = await run({
        stacking,
        paletteRemap: [{ from: '#ff0000', to: 'transparent' }],
      });
      expect(pixelAt(noDisc.svg, 30, 48)[3]).toBe(0);
      expect(pixelAt(noDisc.svg, 2, 2)).toEqual([255, 255, 255, 255]);
    });
  }

  it('recolours a colour that is not in the palette', async () => {
    const result = await run({ paletteRemap: [{ from: '#f00', to: '#00aa00' }] });
    expect(result.stats.palette).toEqual(['#ffffff', '#00aa00', '#0000ff']);
    expect(result.svg).toMatch(/fill="#0a0"|fill="#00aa00"/);
    expect(pixelAt(result.svg, 30, 48)).toEqual([0, 170, 0, 255]);
  });

  const refusals: [string, VectorizeOptionsInput, RegExp][] = [
    ['a from not in the palette', { paletteRemap: [{ from: '#123456', to: '#fff' }] }, /#123456/],
    ['a bad hex', { paletteRemap: [{ from: '#ff0000', to: 'red' }] }, /"red"/],
    [
      'a duplicate from',
      {
        paletteRemap: [
          { from: '#ff0000', to: '#fff' },
          { from: '#f00', to: 'transparent' },
        ],
      },
      /twice/,
    ],
    [
      'a remap without a palette',
      { palette: null, paletteRemap: [{ from: '#f00', to: '#fff' }] },
      /palette/,
    ],
    [
      'too many entries',
      { paletteRemap: Array.from({ length: 257 }, (_, i) => ({ from: `#${i}`, to: '#fff' })) },
      /1 to 256/,
    ],
    ['an empty list', { paletteRemap: [] }, /1 to 256/],
  ];
  for (const [what, options, message] of refusals) {
    it(`refuses ${what} as INVALID_OPTION naming paletteRemap`, async () => {
      const error = await run(options).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VectorizeError);
      expect(error).toMatchObject({ code: 'INVALID_OPTION', option: 'paletteRemap' });
      expect((error as Error).message).toMatch(message);
    });
  }

  it('reads and writes the text form of the CLI flag', () => {
    const entries = parsePaletteRemapText('#ff0000->#00ff00, #ffffff->transparent');
    expect(entries).toEqual([
      { from: '#ff0000', to: '#00ff00' },
      { from: '#ffffff', to: 'transparent' },
    ]);
    expect(parsePaletteRemapText(formatPaletteRemapText(entries))).toEqual(entries);
  });
});
