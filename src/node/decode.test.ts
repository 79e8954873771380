import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode';
import { errorCodeOf } from '../engine';
import {
  FIXTURE_HEIGHT,
  FIXTURE_WIDTH,
  FORMAT_FIXTURES,
  brokenFixtures,
  hugeHeaderPng,
  rotatedJpeg,
} from './image-fixtures';

const BUDGET = 40_000_000;

function pixel(rgba: Uint8Array, width: number, x: number, y: number): number[] {
  const at = (y * width + x) * 4;
  return Array.from(rgba.subarray(at, at + 4));
}

describe('decodeImage', () => {
  for (const [name, make] of Object.entries(FORMAT_FIXTURES)) {
    it(`decodes ${name} to 8-bit sRGB RGBA`, async () => {
      const image = await decodeImage(await make(), BUDGET);
      expect([image.width, image.height]).toEqual([FIXTURE_WIDTH, FIXTURE_HEIGHT]);
      expect(image.rgba.length).toBe(FIXTURE_WIDTH * FIXTURE_HEIGHT * 4);
      expect(pixel(image.rgba, image.width, 2, 2).every((v) => v > 230)).toBe(true);
      const [r, g, b, a] = pixel(image.rgba, image.width, 24, 24);
      const [r2, g2, b2] = pixel(image.rgba, image.width, 68, 32);
      expect(a).toBe(255);
      if (name.startsWith('grayscale')) {
        expect([r === g && g === b, r2 === g2 && g2 === b2]).toEqual([true, true]);
      } else {
        // CMYK without a profile shifts hues a little: check which primary dominates.
        expect(r > 150 && g < 90 && b < 90).toBe(true);
        expect(b2 > 120 && r2 < 90 && b2 > g2).toBe(true);
      }
    });
  }

  it('applies the EXIF orientation', async () => {
    const image = await decodeImage(await rotatedJpeg(), BUDGET);
    expect([image.width, image.height]).toEqual([FIXTURE_WIDTH, FIXTURE_HEIGHT]);
    const [r, g, b] = pixel(image.rgba, image.width, 24, 24);
    expect(r > 150 && g < 90 && b < 90).toBe(true);
  });

  it('reads a file by path and names file-system problems', async () => {
    const path = join(process.cwd(), '.tmp/cli/node/rgb.png');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, await FORMAT_FIXTURES['rgb.png']());
    expect((await decodeImage(path, BUDGET)).format).toBe('png');
    const missing = await decodeImage('.tmp/cli/does-not-exist.png', BUDGET).catch((e) => e);
    expect(errorCodeOf(missing)).toBe('UNREADABLE');
    expect(missing.message).toMatch(/no such file/);
    const folder = await decodeImage('src', BUDGET).catch((e) => e);
    expect(folder.message).toMatch(/folder/);
  });

  it('refuses empty, non-image and truncated files with a reason', async () => {
    const broken = await brokenFixtures();
    const codes: Record<string, string | undefined> = {};
    for (const [name, bytes] of Object.entries(broken))
      codes[name] = errorCodeOf(await decodeImage(bytes, BUDGET).catch((e) => e));
    expect(codes).toEqual({
      'empty.png': 'EMPTY',
      'notes.png': 'NOT_AN_IMAGE',
      'truncated.png': 'CORRUPT',
    });
  });

  it('checks the pixel budget from the header, before decoding', async () => {
    // The file has no pixel data: decoding would fail as CORRUPT, so TOO_LARGE proves the order.
    const error = await decodeImage(hugeHeaderPng(), BUDGET).catch((e) => e);
    expect(errorCodeOf(error)).toBe('TOO_LARGE');
    expect(error.message).toMatch(/60000×60000 \(3600\.0 MP\), over the pixel budget of 40\.0 MP/);
    const small = await decodeImage(await FORMAT_FIXTURES['rgb.png'](), 100).catch((e) => e);
    expect(errorCodeOf(small)).toBe('TOO_LARGE');
  });
});
