import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { FORMAT_FIXTURES, brokenFixtures, pngFile } from './image-fixtures';
import { defaultEngine } from './default-engine';
import { decodeSimplePng as decodeWith } from './png';

async function bySharp(bytes: Uint8Array): Promise<Buffer> {
  return sharp(bytes)
    .rotate()
    .toColourspace('srgb')
    .ensureAlpha()
    .raw({ depth: 'uchar' })
    .toBuffer();
}

const noisy = (channels: 1 | 2 | 3 | 4, width = 37, height = 23) =>
  sharp(
    Buffer.from(Array.from({ length: width * height * channels }, (_, i) => (i * 7919) % 256)),
    {
      raw: { width, height, channels },
    },
  );

/** PNGs this decoder takes, each exercising other filters, channel layouts and bit depths. */
const SIMPLE: Record<string, () => Promise<Buffer>> = {
  'rgb.png': FORMAT_FIXTURES['rgb.png'],
  'palette.png': FORMAT_FIXTURES['palette.png'],
  'grayscale.png': FORMAT_FIXTURES['grayscale.png'],
  'noise-rgba.png': () => noisy(4).png().toBuffer(),
  'noise-rgb.png': () => noisy(3).png({ adaptiveFiltering: true }).toBuffer(),
  'noise-grey-alpha.png': () => noisy(2).png().toBuffer(),
  'palette-alpha-4bit.png': () => noisy(4).png({ palette: true, colours: 16 }).toBuffer(),
  'palette-2-colours.png': () => noisy(3).png({ palette: true, colours: 2 }).toBuffer(),
};

const engine = await defaultEngine();
const decodeSimplePng = (bytes: Uint8Array) => decodeWith(bytes, engine);

describe('decodeSimplePng', () => {
  for (const [name, make] of Object.entries(SIMPLE))
    it(`gives the pixels sharp gives for ${name}`, async () => {
      const bytes = await make();
      const image = decodeSimplePng(bytes);
      expect(image, 'taken by the fast path').toBeDefined();
      const { width, height } = await sharp(bytes).metadata();
      expect([image?.width, image?.height]).toEqual([width, height]);
      expect(Buffer.from(image!.rgba).equals(await bySharp(bytes))).toBe(true);
    });

  it('reverses every filter type, on the first row and the rest, as sharp does', async () => {
    // Random bytes behind each filter byte are a valid image: both decoders must agree on it.
    const width = 9;
    const height = 4;
    for (const [colourType, channels] of [
      [0, 1],
      [2, 3],
      [4, 2],
      [6, 4],
    ])
      for (const filters of [[0], [1], [2], [3], [4], [4, 3, 2, 1]]) {
        const rowBytes = width * channels;
        const scanlines = Buffer.alloc((rowBytes + 1) * height);
        for (let y = 0; y < height; y++) {
          scanlines[y * (rowBytes + 1)] = filters[y % filters.length];
          for (let x = 1; x <= rowBytes; x++)
            scanlines[y * (rowBytes + 1) + x] = (y * 131 + x * 197 + colourType * 53) % 256;
        }
        const bytes = pngFile(width, height, 8, colourType, scanlines);
        const image = decodeSimplePng(bytes);
        const label = `colour type ${colourType}, filters ${filters.join(',')}`;
        expect(image, label).toBeDefined();
        expect(Buffer.from(image!.rgba).equals(await bySharp(bytes)), label).toBe(true);
      }
  });

  it('gives the corpus PNGs it takes the pixels sharp gives', async () => {
    const corpus = join(import.meta.dirname, '../../../shared/corpus');
    let files: string[] = [];
    try {
      files = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) =>
        f.endsWith('.png'),
      );
    } catch {
      return; // no corpus beside the checkout
    }
    for (const file of files.slice(0, 12)) {
      const bytes = readFileSync(join(corpus, file));
      const image = decodeSimplePng(bytes);
      if (image) expect(Buffer.from(image.rgba).equals(await bySharp(bytes)), file).toBe(true);
    }
  });

  it('leaves 16-bit, colour-keyed, interlaced and broken PNGs (a bad filter byte, a palette index past the palette) to sharp', async () => {
    const deep = await FORMAT_FIXTURES['deep-16bit.png']();
    const interlaced = await noisy(3).png({ progressive: true }).toBuffer();
    const broken = await brokenFixtures();
    const keyed = pngFile(2, 1, 8, 2, Buffer.from([0, 1, 2, 3, 4, 5, 6]));
    const badFilter = pngFile(2, 1, 8, 2, Buffer.from([7, 1, 2, 3, 4, 5, 6]));
    const outOfPalette = Buffer.concat([
      pngFile(2, 1, 8, 3, Buffer.from([0, 0, 5])).subarray(0, 33),
      chunk('PLTE', [9, 9, 9, 8, 8, 8]),
      pngFile(2, 1, 8, 3, Buffer.from([0, 0, 5])).subarray(33),
    ]);
    const withKey = Buffer.concat([
      keyed.subarray(0, 33),
      chunk('tRNS', [0, 1, 0, 2, 0, 3]),
      keyed.subarray(33),
    ]);
    for (const bytes of [
      deep,
      interlaced,
      broken['truncated.png'],
      broken['empty.png'],
      withKey,
      badFilter,
      outOfPalette,
    ])
      expect(decodeSimplePng(bytes)).toBeUndefined();
    expect(decodeSimplePng(keyed)).toBeDefined();
  });
});

/** A PNG chunk (its CRC is not checked by the fast path). */
function chunk(type: string, data: number[]): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  Buffer.from(data).copy(out, 8);
  return out;
}
