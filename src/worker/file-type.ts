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

/** The `accept` attribute for file inputs. */
export const ACCEPT_ATTRIBUTE = [...ACCEPTED_TYPES, '.png,.jpg,.jpeg,.webp,.gif,.bmp,.avif'].join(
  ',',
);
