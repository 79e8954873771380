/**
 * A small PNG decoder for the common case — 8-bit greyscale, grey + alpha, RGB, RGBA or palette
 * (1–8 bit), not interlaced, no colour-management chunks — so that converting such a file does
 * not wait for sharp (libvips) to load, which costs more than a small image's whole conversion.
 * It gives exactly the pixels sharp gives (tested against it); anything else returns `undefined`
 * and goes to sharp, which also reports broken files.
 */
import { inflateSync } from 'node:zlib';
import type { Engine, PngLayout } from '../engine';

export interface PngPixels {
  rgba: Uint8Array;
  width: number;
  height: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks after which sharp converts colours (ICC profile, gamma, primaries), rotates or animates. */
const HANDED_TO_SHARP = new Set(['iCCP', 'gAMA', 'cHRM', 'sBIT', 'eXIf', 'acTL']);
/** Colour types read here: grey, RGB, palette, grey + alpha, RGBA. */
const COLOUR_TYPES = new Set([0, 2, 3, 4, 6]);

/**
 * Above this many pixels sharp decodes faster than this code, and its start-up no longer
 * matters next to the conversion.
 */
export const SIMPLE_PNG_MAX_PIXELS = 4_200_000;

/**
 * Straight-alpha 8-bit RGBA of a PNG in the common case, else `undefined` (use sharp). The
 * chunks are read here and inflated by Node's zlib; the core reverses the row filters and
 * expands the samples (`Engine.pngRgba`).
 */
export function decodeSimplePng(bytes: Uint8Array, engine: Engine): PngPixels | undefined {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: PngLayout | undefined;
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
      if (interlace !== 0 || !COLOUR_TYPES.has(colourType)) return undefined;
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
    const data = inflateSync(idat.length === 1 ? idat[0] : Buffer.concat(idat));
    const rgba = engine.pngRgba(data, header, palette, alpha);
    return rgba && { rgba, width: header.width, height: header.height };
  } catch {
    return undefined;
  }
}
