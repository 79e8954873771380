import { describe, expect, it } from 'vitest';
import { imageSignatureOf, imageTypeOf } from './file-type';

describe('imageTypeOf', () => {
  it('accepts the raster types browsers decode, by MIME type or by extension', () => {
    expect(imageTypeOf({ name: 'a.png', type: 'image/png' })).toBe('image/png');
    expect(imageTypeOf({ name: 'photo', type: 'image/avif' })).toBe('image/avif');
    expect(imageTypeOf({ name: 'scan.JPG', type: '' })).toBe('image/jpeg');
  });

  it('refuses anything else', () => {
    expect(imageTypeOf({ name: 'notes.txt', type: 'text/plain' })).toBeUndefined();
    expect(imageTypeOf({ name: 'icon.svg', type: 'image/svg+xml' })).toBeUndefined();
    expect(imageTypeOf({ name: 'noextension', type: '' })).toBeUndefined();
  });
});

describe('imageSignatureOf', () => {
  const bytes = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

  it('names the image type a file starts with', () => {
    expect(imageSignatureOf(bytes('\x89PNG\r\n\x1a\n\0\0'))).toBe('image/png');
    expect(imageSignatureOf(bytes('\xff\xd8\xff\xe0'))).toBe('image/jpeg');
    expect(imageSignatureOf(bytes('GIF89a'))).toBe('image/gif');
    expect(imageSignatureOf(bytes('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(imageSignatureOf(bytes('\0\0\0\x1cftypavif'))).toBe('image/avif');
  });

  it('names none for text or nothing', () => {
    expect(imageSignatureOf(bytes('These are meeting notes'))).toBeUndefined();
    expect(imageSignatureOf(new Uint8Array(0))).toBeUndefined();
    expect(imageSignatureOf(bytes('\x89PN'))).toBeUndefined();
  });
});
