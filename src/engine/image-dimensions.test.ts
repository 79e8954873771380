import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { readImageDimensions } from './image-dimensions';

const [width, height] = [123, 45];
const image = (alpha = false) =>
  sharp({
    create: {
      width,
      height,
      channels: alpha ? 4 : 3,
      background: { r: 200, g: 30, b: 90, alpha: 0.5 },
    },
  });

function bmpHeader(dibSize: number, w: number, h: number): Uint8Array {
  const bytes = new Uint8Array(54);
  const view = new DataView(bytes.buffer);
  bytes.set([0x42, 0x4d]);
  view.setUint32(14, dibSize, true);
  if (dibSize === 12) {
    view.setUint16(18, w, true);
    view.setUint16(20, h, true);
  } else {
    view.setInt32(18, w, true);
    view.setInt32(22, h, true);
  }
  return bytes;
}

describe('readImageDimensions', () => {
  it.each([
    ['PNG', () => image().png().toBuffer()],
    ['baseline JPEG', () => image().jpeg().toBuffer()],
    ['progressive JPEG', () => image().jpeg({ progressive: true }).toBuffer()],
    ['lossy WebP (VP8)', () => image().webp().toBuffer()],
    ['lossless WebP (VP8L)', () => image().webp({ lossless: true }).toBuffer()],
    ['WebP with alpha (VP8X)', () => image(true).webp().toBuffer()],
    ['GIF', () => image().gif().toBuffer()],
    ['AVIF', () => image().avif().toBuffer()],
  ])('reads %s', async (_format, encode) => {
    expect(readImageDimensions(new Uint8Array(await encode()))).toEqual({ width, height });
  });

  it('reads BMP headers, bottom-up, top-down and the old core header', () => {
    expect(readImageDimensions(bmpHeader(40, 300, 200))).toEqual({ width: 300, height: 200 });
    expect(readImageDimensions(bmpHeader(40, 300, -200))).toEqual({ width: 300, height: 200 });
    expect(readImageDimensions(bmpHeader(12, 64, 32))).toEqual({ width: 64, height: 32 });
  });

  it('finds the JPEG frame behind large metadata segments', async () => {
    const jpeg = new Uint8Array(await image().jpeg().toBuffer());
    const app1 = new Uint8Array(60_000);
    app1.set([0xff, 0xe1]);
    new DataView(app1.buffer).setUint16(2, 60_000 - 2);
    const padded = new Uint8Array([...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)]);
    expect(readImageDimensions(padded)).toEqual({ width, height });
  });

  it('answers undefined for other formats, text and headers cut short', async () => {
    const png = new Uint8Array(await image().png().toBuffer());
    expect(readImageDimensions(png.subarray(0, 20))).toBeUndefined();
    expect(readImageDimensions(new Uint8Array(await image().tiff().toBuffer()))).toBeUndefined();
    expect(readImageDimensions(new TextEncoder().encode('not an image at all'))).toBeUndefined();
    expect(readImageDimensions(new Uint8Array(0))).toBeUndefined();
  });
});
