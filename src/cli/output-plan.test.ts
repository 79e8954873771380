import { describe, expect, it } from 'vitest';
import { outputPath } from './output-plan';

describe('output paths', () => {
  it('mirrors folders below the glob base under --out-dir', () => {
    const input = { path: 'assets/icons/a.png', base: 'assets' };
    expect(outputPath(input, { outDir: 'svg' })).toBe('svg/icons/a.svg');
    expect(outputPath({ path: 'b.photo.jpeg', base: '.' }, { outDir: 'out/' })).toBe(
      'out/b.photo.svg',
    );
    expect(outputPath({ path: '../x/c.png', base: '.' }, { outDir: 'svg' })).toBe('svg/c.svg');
  });

  it('writes beside the input, to -o, or to standard output', () => {
    expect(outputPath({ path: 'assets/a.png', base: 'assets' }, {})).toBe('assets/a.svg');
    expect(outputPath({ path: 'noext', base: '.' }, {})).toBe('noext.svg');
    expect(outputPath({ path: 'a.png', base: '.' }, { output: 'x.svg' })).toBe('x.svg');
    expect(outputPath({ path: '-', base: '.' }, {})).toBe('-');
  });
});
