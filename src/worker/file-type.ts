/** Which files the app accepts: the raster formats browsers decode. */
export const ACCEPTED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/avif',
] as const;

const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  avif: 'image/avif',
};

/** The image type of a file from its MIME type, or from its extension when the type is empty. */
export function imageTypeOf(file: { name: string; type: string }): string | undefined {
  const type = file.type.toLowerCase();
  if ((ACCEPTED_TYPES as readonly string[]).includes(type)) return type;
  if (type !== '') return undefined;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return EXTENSION_TYPES[extension];
}

const SIGNATURES: [string, (bytes: Uint8Array) => boolean][] = [
  ['image/png', (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', (b) => starts(b, [0xff, 0xd8, 0xff])],
  ['image/gif', (b) => ascii(b, 'GIF87a') || ascii(b, 'GIF89a')],
  ['image/bmp', (b) => ascii(b, 'BM')],
  ['image/webp', (b) => ascii(b, 'RIFF') && ascii(b, 'WEBP', 8)],
  ['image/avif', (b) => ascii(b, 'ftyp', 4)],
  ['image/tiff', (b) => ascii(b, 'II*\0') || ascii(b, 'MM\0*')],
];

function starts(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return bytes.length >= at + prefix.length && prefix.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, text: string, at = 0): boolean {
  return starts(
    bytes,
    [...text].map((char) => char.charCodeAt(0)),
    at,
  );
}

/**
 * The image type a file's first bytes announce (its magic number), or undefined when they
 * announce none: so a file that failed to decode is told apart as CORRUPT (an image, damaged)
 * or NOT_AN_IMAGE, as the Node library's decoder tells them apart.
 */
export function imageSignatureOf(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find(([, matches]) => matches(bytes))?.[0];
}

/** The `accept` attribute for file inputs. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_TYPES, '.png,.jpg,.jpeg,.webp,.gif,.bmp,.avif'].join(
  ',',
);
