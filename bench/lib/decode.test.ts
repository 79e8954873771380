import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_HEIGHT,
  FIXTURE_WIDTH,
  hugeHeaderPng,
  rotatedJpeg,
} from '../../src/node/image-fixtures';
import { convertImage } from '../../src/node/vectorize-file';
import { decodeImage } from './decode';

const rgba = Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 255]);

async function encode(
  pixels: Uint8Array,
  channels: 1 | 3 | 4,
  format: 'png' | 'jpeg' | 'webp',
): Promise<Uint8Array> {
  const image = sharp(pixels, { raw: { width: 2, height: 2, channels } });
  return format === 'png'
    ? image.png().toBuffer()
    : format === 'webp'
      ? image.webp({ lossless: true }).toBuffer()
      : image.jpeg({ quality: 100 }).toBuffer();
}

describe('decodeImage', () => {
  it('returns straight-alpha RGBA exactly as stored in a PNG', async () => {
    const image = await decodeImage(await encode(rgba, 4, 'png'));
    expect(image).toMatchObject({ width: 2, height: 2 });
    expect(Array.from(image.data)).toEqual(Array.from(rgba));
  });

  it('keeps the pixels of a lossless WebP', async () => {
    const image = await decodeImage(await encode(rgba, 4, 'webp'));
    expect(Array.from(image.data.subarray(0, 8))).toEqual(Array.from(rgba.subarray(0, 8)));
  });

  it('expands greyscale to RGB with opaque alpha', async () => {
    const image = await decodeImage(await encode(Uint8Array.from([0, 128, 255, 64]), 1, 'png'));
    expect(Array.from(image.data)).toEqual([
      0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255, 64, 64, 64, 255,
    ]);
  });

  it('gives a JPEG four channels, all opaque', async () => {
    const rgb = Uint8Array.from([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200]);
    const image = await decodeImage(await encode(rgb, 3, 'jpeg'));
    expect(image.data.length).toBe(16);
    for (let i = 0; i < 4; i++) {
      expect(image.data[i * 4 + 3]).toBe(255);
      expect(Math.abs(image.data[i * 4] - 200)).toBeLessThanOrEqual(2);
    }
  });

  it('reads a file path', async () => {
    const dir = join(import.meta.dirname, '../../.tmp/bench');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'decode-test.png');
    writeFileSync(file, await encode(rgba, 4, 'png'));
    const image = await decodeImage(file);
    expect(Array.from(image.data)).toEqual(Array.from(rgba));
  });

  it('rejects bytes that are not an image', async () => {
    await expect(decodeImage(Uint8Array.from([1, 2, 3, 4]))).rejects.toThrow();
  });
});

describe('decodeImage, as the CLI decodes', () => {
  it('gives an EXIF-rotated JPEG the pixels the CLI converts', async () => {
    const jpeg = await rotatedJpeg(); // stored 64×96 with orientation 6
    const bench = await decodeImage(jpeg);
    const cli = (await convertImage(jpeg)).image;
    expect([bench.width, bench.height]).toEqual([FIXTURE_WIDTH, FIXTURE_HEIGHT]);
    expect([cli.width, cli.height]).toEqual([bench.width, bench.height]);
    expect(Buffer.from(bench.data).equals(Buffer.from(cli.rgba))).toBe(true);
    // Upright: the red square is on the left.
    const at = (24 * bench.width + 24) * 4;
    expect(bench.data[at]).toBeGreaterThan(150);
    expect(bench.data[at + 2]).toBeLessThan(90);
  });

  it('refuses an image over the default pixel budget from its header', async () => {
    const error = await decodeImage(hugeHeaderPng()).catch((e) => e);
    expect(error.name).toBe('VectorizeError:TOO_LARGE');
  });
});
