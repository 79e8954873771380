import { describe, expect, it } from 'vitest';
import { imageTypeOf } from './file-type';

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
