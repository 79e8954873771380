// The library through its public entry, on the real wasm core (built by `npm run build:wasm`).
import { describe, expect, it } from 'vitest';
import {
  DecodeError,
  OPTION_SPECS,
  VectorizeError,
  errorCodeOf,
  presets,
  vectorize,
  vectorizeFile,
  type Progress,
} from './index';
import { FORMAT_FIXTURES, hugeHeaderPng } from './image-fixtures';

/** 8×8 RGBA: left half black, right half white. */
function halves(): Uint8Array {
  const rgba = new Uint8Array(8 * 8 * 4);
  for (let i = 0; i < 64; i++) rgba.set(i % 8 < 4 ? [0, 0, 0, 255] : [255, 255, 255, 255], i * 4);
  return rgba;
}

describe('vectorize', () => {
  it('turns RGBA pixels into an SVG with stats, reporting progress', async () => {
    const seen: Progress[] = [];
    const { svg, stats } = await vectorize(halves(), 8, 8, { mode: 'bw' }, (p) => seen.push(p));
    expect(svg).toMatch(/^<svg[^>]*viewBox="0 0 8 8"/);
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    expect(stats).toMatchObject({ width: 8, height: 8, colors: 2, bytes: svg.length });
    expect(seen.length).toBeGreaterThan(0);
    const overall = seen.map((p) => p.overall);
    expect(overall).toEqual([...overall].sort((a, b) => a - b));
  });

  it('rejects a buffer of the wrong size and unknown options with typed errors', async () => {
    const short = await vectorize(new Uint8Array(10), 8, 8).catch((e) => e);
    expect(short).toBeInstanceOf(VectorizeError);
    expect(short.code).toBe('INVALID_INPUT');
    const unknown = await vectorize(halves(), 8, 8, { colours: 8 } as never).catch((e) => e);
    expect(unknown.code).toBe('INVALID_OPTION');
    expect(unknown.message).toMatch(/"colours"/);
    expect(unknown.option).toBe('colours');
  });
});

describe('vectorizeFile', () => {
  it('decodes a buffer and vectorizes it', async () => {
    const { svg, stats } = await vectorizeFile(await FORMAT_FIXTURES['photo.jpg'](), {
      preset: 'fast',
    });
    expect(stats).toMatchObject({ width: 96, height: 64 });
    expect(stats.colors).toBeGreaterThanOrEqual(3);
    expect(svg).toContain('<path');
  });

  it('checks options before reading the input', async () => {
    const error = await vectorizeFile(Buffer.from('not an image'), { colors: 1 }).catch((e) => e);
    expect(errorCodeOf(error)).toBe('INVALID_OPTION');
    expect(error.option).toBe('colors');
  });

  it('fails with decode errors and the pixel budget', async () => {
    const notImage = await vectorizeFile(Buffer.from('not an image')).catch((e) => e);
    expect(notImage).toBeInstanceOf(DecodeError);
    expect(notImage.code).toBe('NOT_AN_IMAGE');
    const huge = await vectorizeFile(hugeHeaderPng()).catch((e) => e);
    expect(huge).toBeInstanceOf(VectorizeError);
    expect(huge.code).toBe('TOO_LARGE');
  });

  it('shares the presets and the options schema with the engine', () => {
    expect(Object.keys(presets)).toEqual(['fast', 'balanced', 'high', 'ultra']);
    expect(OPTION_SPECS.map((spec) => spec.name)).toContain('maxPixels');
  });
});
