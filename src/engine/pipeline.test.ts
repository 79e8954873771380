import { describe, expect, it, vi } from 'vitest';
import type { Engine } from './engine';
import { errorCodeOf } from './errors';
import { decodeWithinBudget, vectorizeFile, type ImageDecoder, type Pixels } from './pipeline';

/** The first 24 bytes of a PNG: signature and IHDR with the given size (no pixel data). */
function pngHeader(width: number, height: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  bytes.set(
    [...'IHDR'].map((c) => c.charCodeAt(0)),
    12,
  );
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

const pixels = (width: number, height: number): Pixels => ({
  rgba: new Uint8Array(width * height * 4).fill(255),
  width,
  height,
});

function fakeDecoder(image = pixels(4, 3)) {
  return {
    check: vi.fn((bytes: Uint8Array) => {
      if (bytes.length === 0) throw new Error('empty');
    }),
    dimensions: vi.fn(async () => ({ width: image.width, height: image.height })),
    decode: vi.fn(async () => image),
  } satisfies ImageDecoder<Uint8Array>;
}

function fakeEngine() {
  return {
    pngRgba: () => undefined,
    renderPng: () => new Uint8Array(),
    vectorize: vi.fn(
      async (_rgba: Uint8Array | Uint8ClampedArray, width: number, height: number) => ({
        svg: `<svg viewBox="0 0 ${width} ${height}"/>`,
        stats: { width, height } as never,
      }),
    ),
  } satisfies Engine;
}

describe('decodeWithinBudget', () => {
  it('refuses an over-budget header before calling the decoder', async () => {
    const decoder = fakeDecoder();
    const error = await decodeWithinBudget(pngHeader(60_000, 60_000), decoder, 40_000_000).catch(
      (e) => e,
    );
    expect(errorCodeOf(error)).toBe('TOO_LARGE');
    expect(error.message).toMatch(/60000×60000 \(3600\.0 MP\), over the pixel budget of 40\.0 MP/);
    expect(decoder.decode).not.toHaveBeenCalled();
    // The pipeline read the PNG header itself: the decoder's slower probe was not needed.
    expect(decoder.dimensions).not.toHaveBeenCalled();
  });

  it('reads the header of a Blob without reading the whole file', async () => {
    const decoder: ImageDecoder<Blob> = { decode: vi.fn(async () => pixels(1, 1)) };
    const file = new Blob([pngHeader(5000, 5000), new Uint8Array(1_000_000)]);
    const slice = vi.spyOn(file, 'slice');
    const error = await decodeWithinBudget(file, decoder, 1_000_000).catch((e) => e);
    expect(errorCodeOf(error)).toBe('TOO_LARGE');
    expect(slice).toHaveBeenCalledWith(0, expect.any(Number));
    expect(decoder.decode).not.toHaveBeenCalled();
  });

  it('asks the decoder for the size of a format it does not know (TIFF, …)', async () => {
    const decoder = fakeDecoder(pixels(300, 300));
    const tiff = Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]);
    const error = await decodeWithinBudget(tiff, decoder, 1000).catch((e) => e);
    expect(errorCodeOf(error)).toBe('TOO_LARGE');
    expect(decoder.dimensions).toHaveBeenCalledOnce();
    expect(decoder.decode).not.toHaveBeenCalled();
  });

  it("runs the decoder's own refusals first, then decodes an image within budget", async () => {
    const decoder = fakeDecoder();
    await expect(decodeWithinBudget(new Uint8Array(0), decoder, 10)).rejects.toThrow('empty');
    expect(decoder.decode).not.toHaveBeenCalled();
    const image = await decodeWithinBudget(pngHeader(4, 3), decoder, 12);
    expect([image.width, image.height]).toEqual([4, 3]);
  });
});

describe('vectorizeFile', () => {
  it('decodes, then runs the engine on the decoded pixels with the options', async () => {
    const decoder = fakeDecoder();
    const engine = fakeEngine();
    const onProgress = vi.fn();
    const result = await vectorizeFile(pngHeader(4, 3), {
      decoder,
      engine: Promise.resolve(engine),
      options: { colors: 4 },
      onProgress,
    });
    expect(result.svg).toBe('<svg viewBox="0 0 4 3"/>');
    expect(result.image).toBe(await decoder.decode.mock.results[0].value);
    expect(engine.vectorize).toHaveBeenCalledWith(
      result.image.rgba,
      4,
      3,
      { colors: 4 },
      onProgress,
    );
    expect(result.decodeMs).toBeGreaterThanOrEqual(0);
    expect(result.vectorizeMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses bad options before reading anything', async () => {
    const decoder = fakeDecoder();
    const error = await vectorizeFile(pngHeader(4, 3), {
      decoder,
      engine: fakeEngine(),
      options: { colors: 1 },
    }).catch((e) => e);
    expect(errorCodeOf(error)).toBe('INVALID_OPTION');
    expect(error.message).toMatch(/colors/);
    expect(decoder.check).not.toHaveBeenCalled();
  });

  it("checks the header against the options' budget, never calling the decoder or engine", async () => {
    const decoder = fakeDecoder();
    const engine = fakeEngine();
    const error = await vectorizeFile(pngHeader(200, 200), {
      decoder,
      engine,
      options: { maxPixels: 10_000 },
    }).catch((e) => e);
    expect(errorCodeOf(error)).toBe('TOO_LARGE');
    expect(decoder.decode).not.toHaveBeenCalled();
    expect(engine.vectorize).not.toHaveBeenCalled();
  });
});
