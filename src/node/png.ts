/**
 * A small PNG decoder for the common case — 8-bit greyscale, grey + alpha, RGB, RGBA or palette
 * (1–8 bit), not interlaced, no colour-management chunks — so that converting such a file does
 * not wait for sharp (libvips) to load, which costs more than a small image's whole conversion.
 * It gives exactly the pixels sharp gives (tested against it); anything else returns `undefined`
 * and goes to sharp, which also reports broken files.
 */
import { inflateSync } from 'node:zlib';

export interface PngPixels {
  rgba: Uint8Array;
  width: number;
  height: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks after which sharp converts colours (ICC profile, gamma, primaries), rotates or animates. */
const HANDED_TO_SHARP = new Set(['iCCP', 'gAMA', 'cHRM', 'sBIT', 'eXIf', 'acTL']);
/** Channels per pixel by colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Header {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

/** Reverses the per-row filters; returns the rows without their filter bytes. */
function unfilter(data: Uint8Array, rowBytes: number, height: number, bpp: number): Uint8Array {
  // Written as flat loops over one output array, the first pixel of a row apart, because this
  // runs once per file, mostly before V8 optimises it: branches and subarrays per byte cost
  // more than the decoding itself.
  const out = new Uint8Array(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const src = y * (rowBytes + 1) + 1;
    const at = y * rowBytes;
    const up = at - rowBytes;
    const filter = data[src - 1];
    const first = y > 0;
    if (filter === 0 || (filter === 2 && !first)) {
      out.set(data.subarray(src, src + rowBytes), at);
    } else if (filter === 1 || (filter === 4 && !first)) {
      // Paeth with no row above predicts from the left, as Sub does.
      out.set(data.subarray(src, src + bpp), at);
      for (let x = bpp; x < rowBytes; x++) out[at + x] = data[src + x] + out[at + x - bpp];
    } else if (filter === 2) {
      for (let x = 0; x < rowBytes; x++) out[at + x] = data[src + x] + out[up + x];
    } else if (filter === 3) {
      for (let x = 0; x < bpp; x++) out[at + x] = data[src + x] + (first ? out[up + x] >> 1 : 0);
      for (let x = bpp; x < rowBytes; x++)
        out[at + x] = data[src + x] + ((out[at + x - bpp] + (first ? out[up + x] : 0)) >> 1);
    } else if (filter === 4) {
      for (let x = 0; x < bpp; x++) out[at + x] = data[src + x] + out[up + x];
      for (let x = bpp; x < rowBytes; x++) {
        const a = out[at + x - bpp];
        const b = out[up + x];
        const c = out[up + x - bpp];
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - c - c);
        out[at + x] = data[src + x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
    } else {
      throw new Error(`unknown filter ${filter}`);
    }
  }
  return out;
}

function toRgba(
  rows: Uint8Array,
  { width, height, bitDepth, colourType }: Header,
  palette: Uint8Array | undefined,
  alpha: Uint8Array | undefined,
): Uint8Array | undefined {
  if (colourType === 6) return rows; // 8-bit RGBA rows are the pixels already
  const rgba = new Uint8Array(width * height * 4);
  const rowBytes = Math.ceil((width * CHANNELS[colourType] * bitDepth) / 8);
  for (let y = 0; y < height; y++) {
    const row = rows.subarray(y * rowBytes, (y + 1) * rowBytes);
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      if (colourType === 3) {
        const perByte = 8 / bitDepth;
        const shift = 8 - bitDepth * ((x % perByte) + 1);
        const index = (row[Math.floor(x / perByte)] >> shift) & ((1 << bitDepth) - 1);
        if (!palette || index * 3 + 2 >= palette.length) return undefined;
        rgba.set(palette.subarray(index * 3, index * 3 + 3), o);
        rgba[o + 3] = alpha && index < alpha.length ? alpha[index] : 255;
      } else if (colourType === 0 || colourType === 4) {
        const grey = row[x * CHANNELS[colourType]];
        rgba[o] = rgba[o + 1] = rgba[o + 2] = grey;
        rgba[o + 3] = colourType === 4 ? row[x * 2 + 1] : 255;
      } else {
        const i = x * CHANNELS[colourType];
        rgba[o] = row[i];
        rgba[o + 1] = row[i + 1];
        rgba[o + 2] = row[i + 2];
        rgba[o + 3] = colourType === 6 ? row[i + 3] : 255;
      }
    }
  }
  return rgba;
}

/**
 * Above this many pixels sharp decodes faster than this code, and its start-up no longer
 * matters next to the conversion.
 */
export const SIMPLE_PNG_MAX_PIXELS = 4_200_000;

/** Straight-alpha 8-bit RGBA of a PNG in the common case, else `undefined` (use sharp). */
export function decodeSimplePng(bytes: Uint8Array): PngPixels | undefined {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Header | undefined;
  let palette: Uint8Array | undefined;
  let alpha: Uint8Array | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; at + 12 <= bytes.length && !ended;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (data.length !== length) return undefined;
    if (HANDED_TO_SHARP.has(type)) return undefined;
    if (type === 'IHDR') {
      const [bitDepth, colourType, , , interlace] = data.subarray(8, 13);
      if (interlace !== 0 || !(colourType in CHANNELS)) return undefined;
      // Greyscale below 8 bits is scaled and 16-bit samples are reduced by sharp: left to it.
      if (colourType === 3 ? ![1, 2, 4, 8].includes(bitDepth) : bitDepth !== 8) return undefined;
      header = {
        width: view.getUint32(at + 8),
        height: view.getUint32(at + 12),
        bitDepth,
        colourType,
      };
    } else if (type === 'PLTE') palette = data;
    else if (type === 'tRNS') {
      if (header?.colourType !== 3) return undefined; // a colour key: left to sharp
      alpha = data;
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') ended = true;
    at += 12 + length;
  }
  if (!header || !ended || idat.length === 0 || header.width < 1 || header.height < 1)
    return undefined;
  if (header.width * header.height > SIMPLE_PNG_MAX_PIXELS) return undefined;
  try {
    const channels = CHANNELS[header.colourType];
    const rowBytes = Math.ceil((header.width * channels * header.bitDepth) / 8);
    const data = inflateSync(idat.length === 1 ? idat[0] : Buffer.concat(idat));
    if (data.length < (rowBytes + 1) * header.height) return undefined;
    const bpp = Math.max(1, (channels * header.bitDepth) / 8);
    const rows = unfilter(data, rowBytes, header.height, bpp);
    const rgba = toRgba(rows, header, palette, alpha);
    return rgba && { rgba, width: header.width, height: header.height };
  } catch {
    return undefined;
  }
}
