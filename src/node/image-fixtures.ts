/**
 * Test images generated with sharp at test time: one small drawing (white background, a red
 * square, a blue disc) in every format and pixel layout the decoder must handle, plus broken
 * files. Used by the library's and the CLI's tests.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';

export const FIXTURE_WIDTH = 96;
export const FIXTURE_HEIGHT = 64;

const DRAWING = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" width="${FIXTURE_WIDTH}" height="${FIXTURE_HEIGHT}">` +
    '<rect width="100%" height="100%" fill="#fff"/>' +
    '<rect x="8" y="8" width="32" height="32" fill="#e30000"/>' +
    '<circle cx="68" cy="32" r="20" fill="#0040e0"/></svg>',
);

const drawing = () => sharp(DRAWING);

/** A two-frame animation: the drawing, then an all-black frame (which must not be decoded). */
async function animatedGif(): Promise<Buffer> {
  const black = sharp({
    create: { width: FIXTURE_WIDTH, height: FIXTURE_HEIGHT, channels: 3, background: '#000' },
  });
  const frames = [await drawing().png().toBuffer(), await black.png().toBuffer()];
  return sharp(frames, { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** Every decodable variant, by file name. */
export const FORMAT_FIXTURES: Record<string, () => Promise<Buffer>> = {
  'rgb.png': () => drawing().png().toBuffer(),
  'photo.jpg': () => drawing().jpeg({ quality: 90 }).toBuffer(),
  'lossless.webp': () => drawing().webp({ lossless: true }).toBuffer(),
  'first-frame.gif': animatedGif,
  'still.avif': () => drawing().avif({ lossless: true }).toBuffer(),
  'scan.tiff': () => drawing().tiff().toBuffer(),
  'deep-16bit.png': () => drawing().toColourspace('rgb16').png().toBuffer(),
  'grayscale.png': () => drawing().toColourspace('b-w').png().toBuffer(),
  'palette.png': () => drawing().png({ palette: true, colours: 8 }).toBuffer(),
  'cmyk.jpg': () => drawing().toColourspace('cmyk').jpeg({ quality: 95 }).toBuffer(),
};

/**
 * A 64×96 landscape drawing stored sideways with EXIF orientation 6 ("rotate 90° clockwise to
 * view"): decoded correctly it is 96 wide and 64 high, with the red square on the left.
 */
export async function rotatedJpeg(): Promise<Buffer> {
  const sideways = await drawing().rotate(-90).png().toBuffer();
  return sharp(sideways).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
}

/** Files every decoder must refuse, by file name. */
export async function brokenFixtures(): Promise<Record<string, Buffer>> {
  const png = await FORMAT_FIXTURES['rgb.png']();
  return {
    'empty.png': Buffer.alloc(0),
    'notes.png': Buffer.from('These are meeting notes, not an image.\n'),
    'truncated.png': png.subarray(0, Math.floor(png.length * 0.6)),
  };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}

/**
 * A PNG file written by hand: the header says `width`×`height` at `bitDepth` and `colourType`;
 * `scanlines` (each row a filter byte and its pixels) are deflated into one IDAT chunk.
 */
export function pngFile(
  width: number,
  height: number,
  bitDepth: number,
  colourType: number,
  scanlines: Buffer,
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([bitDepth, colourType, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(scanlines, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A valid PNG header claiming 60000×60000 pixels, followed by only one row of pixel data. */
export function hugeHeaderPng(): Buffer {
  return pngFile(60_000, 60_000, 8, 6, Buffer.alloc(1 + 60_000 * 4)); // 8-bit RGBA
}

/** A valid PNG of `size`×`size` black 1-bit pixels: a few hundred KB that decode to gigabytes. */
export function decompressionBomb(size: number): Buffer {
  return pngFile(size, size, 1, 0, Buffer.alloc((1 + Math.ceil(size / 8)) * size));
}

/** Writes every format fixture into `dir` and returns the file names. */
export async function writeFormatFixtures(dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const names = Object.keys(FORMAT_FIXTURES);
  await Promise.all(
    names.map(async (name) => writeFile(join(dir, name), await FORMAT_FIXTURES[name]())),
  );
  return names;
}
