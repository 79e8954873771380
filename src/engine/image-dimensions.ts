/**
 * An image's width and height read from its first bytes, without decoding it, so that an image
 * over the pixel budget is refused before the browser allocates its pixels. Knows PNG, GIF, BMP,
 * JPEG, WebP and AVIF; anything else (or a header cut short) gives `undefined`.
 */
export interface ImageDimensions {
  width: number;
  height: number;
}

/** How much of a file to read: enough for JPEG's metadata segments before the frame header. */
export const HEADER_BYTES = 256 * 1024;

type Reader = (bytes: Uint8Array, view: DataView) => ImageDimensions | undefined;

const startsWith = (bytes: Uint8Array, text: string, at = 0) =>
  bytes.length >= at + text.length &&
  [...text].every((char, i) => bytes[at + i] === char.charCodeAt(0));

const png: Reader = (bytes, view) =>
  startsWith(bytes, '\x89PNG\r\n\x1a\n') && startsWith(bytes, 'IHDR', 12) && bytes.length >= 24
    ? { width: view.getUint32(16), height: view.getUint32(20) }
    : undefined;

const gif: Reader = (bytes, view) =>
  (startsWith(bytes, 'GIF87a') || startsWith(bytes, 'GIF89a')) && bytes.length >= 10
    ? { width: view.getUint16(6, true), height: view.getUint16(8, true) }
    : undefined;

const bmp: Reader = (bytes, view) => {
  if (!startsWith(bytes, 'BM') || bytes.length < 26) return undefined;
  if (view.getUint32(14, true) === 12)
    return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  // Height is negative for rows stored top-down.
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
};

/** Start-of-frame markers (baseline, progressive, lossless, arithmetic); not DHT, JPG or DAC. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

const jpeg: Reader = (bytes, view) => {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (isStartOfFrame(marker))
      return { width: view.getUint16(at + 7), height: view.getUint16(at + 5) };
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end, or scan data before a frame
    at += 2 + view.getUint16(at + 2);
  }
  return undefined;
};

const webp: Reader = (bytes, view) => {
  if (!startsWith(bytes, 'RIFF') || !startsWith(bytes, 'WEBP', 8) || bytes.length < 30)
    return undefined;
  if (startsWith(bytes, 'VP8 ', 12))
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  if (startsWith(bytes, 'VP8L', 12)) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (startsWith(bytes, 'VP8X', 12)) {
    const u24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    return { width: u24(24) + 1, height: u24(27) + 1 };
  }
  return undefined;
};

/** AVIF (ISO BMFF): the largest image spatial extent (`ispe`) property in the header. */
const avif: Reader = (bytes, view) => {
  if (!startsWith(bytes, 'ftyp', 4)) return undefined;
  let largest: ImageDimensions | undefined;
  for (let at = 8; at + 16 <= bytes.length; at++) {
    if (!startsWith(bytes, 'ispe', at)) continue;
    const found = { width: view.getUint32(at + 8), height: view.getUint32(at + 12) };
    if (!largest || found.width * found.height > largest.width * largest.height) largest = found;
  }
  return largest;
};

export function readImageDimensions(bytes: Uint8Array): ImageDimensions | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const reader of [png, jpeg, webp, gif, bmp, avif]) {
    const found = reader(bytes, view);
    if (found) return found.width > 0 && found.height > 0 ? found : undefined;
  }
  return undefined;
}
