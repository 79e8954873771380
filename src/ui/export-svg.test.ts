import { describe, expect, it } from 'vitest';
import { svgFileName } from '../jobs/job';
import { zipEntryNames } from './export-svg';

describe('SVG file names', () => {
  it('follow the input name', () => {
    expect(svgFileName('logo.png')).toBe('logo.svg');
    expect(svgFileName('my.photo.jpeg')).toBe('my.photo.svg');
    expect(svgFileName('.png')).toBe('image.svg');
  });

  it('are unique inside a ZIP', () => {
    expect(zipEntryNames(['a.png', 'a.jpg', 'b.png', 'a.webp'])).toEqual([
      'a.svg',
      'a-2.svg',
      'b.svg',
      'a-3.svg',
    ]);
  });
});
