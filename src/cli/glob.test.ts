import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandBraces, glob, segmentRegExp } from './glob';
import { expandInputs } from './inputs';

const root = join(process.cwd(), '.tmp/cli/glob');
const FILES = [
  'assets/a.png',
  'assets/b.jpg',
  'assets/c.gif',
  'assets/.hidden.png',
  'assets/icons/d.png',
  'assets/icons/deep/e.PNG',
  'assets/icons/deep/f.jpg',
  'assets/.cache/g.png',
  'assets/photo[1].png',
  'other/h.png',
];

beforeAll(async () => {
  await rm(root, { recursive: true, force: true });
  for (const file of FILES) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), file);
  }
  await symlink('../other', join(root, 'assets/link'));
  process.chdir(root);
});
afterAll(() => process.chdir(join(root, '../../..')));

const paths = async (pattern: string) => (await glob(pattern)).map((match) => match.path);

describe('brace expansion', () => {
  it('expands alternatives, nested, and leaves lone braces alone', () => {
    expect(expandBraces('x.{png,jpg}')).toEqual(['x.png', 'x.jpg']);
    expect(expandBraces('{a,b}/{c,d}')).toEqual(['a/c', 'a/d', 'b/c', 'b/d']);
    expect(expandBraces('x.{png,jp{e,}g}')).toEqual(['x.png', 'x.jpeg', 'x.jpg']);
    expect(expandBraces('x{}.png')).toEqual(['x{}.png']);
    expect(expandBraces('{solo}.png')).toEqual(['{solo}.png']);
  });
});

describe('segment patterns', () => {
  it('matches *, ? and classes within a segment, not a leading dot', () => {
    expect(segmentRegExp('*.png').test('a.png')).toBe(true);
    expect(segmentRegExp('*.png').test('.a.png')).toBe(false);
    expect(segmentRegExp('.*.png').test('.a.png')).toBe(true);
    expect(segmentRegExp('?.jpg').test('ab.jpg')).toBe(false);
    expect(segmentRegExp('[ab].png').test('b.png')).toBe(true);
    expect(segmentRegExp('[!ab].png').test('b.png')).toBe(false);
    expect(segmentRegExp('a+(b).png').test('a+(b).png')).toBe(true);
  });
});

describe('glob', () => {
  it('matches one folder level with *', async () => {
    expect(await paths('assets/*.png')).toEqual(['assets/a.png', 'assets/photo[1].png']);
  });

  it('matches any depth with **, skipping hidden folders and symlinked folders', async () => {
    expect(await paths('assets/**/*.{png,jpg}')).toEqual([
      'assets/a.png',
      'assets/b.jpg',
      'assets/icons/d.png',
      'assets/icons/deep/f.jpg',
      'assets/photo[1].png',
    ]);
    expect(await paths('assets/**')).toHaveLength(7);
  });

  it('reports the literal base for --out-dir', async () => {
    expect(await glob('assets/icons/**/*.jpg')).toEqual([
      { path: 'assets/icons/deep/f.jpg', base: 'assets/icons' },
    ]);
    expect((await glob('*/a.png'))[0]).toEqual({ path: 'assets/a.png', base: '.' });
    expect((await glob(join(root, 'other/*.png')))[0].base).toBe(join(root, 'other'));
  });

  it('follows a symlinked folder named literally in the pattern', async () => {
    expect(await paths('assets/link/*.png')).toEqual(['assets/link/h.png']);
  });

  it('matches nothing in a missing folder', async () => {
    expect(await paths('nowhere/**/*.png')).toEqual([]);
  });
});

describe('input list', () => {
  it('takes existing files literally, de-duplicates, sorts and reports unmatched arguments', async () => {
    const { files, unmatched } = await expandInputs([
      'assets/photo[1].png',
      'assets/*.jpg',
      'assets/b.jpg',
      'missing.png',
      'assets/*.webp',
    ]);
    expect(files).toEqual([
      { path: 'assets/b.jpg', base: 'assets' },
      { path: 'assets/photo[1].png', base: 'assets' },
    ]);
    expect(unmatched).toEqual(['missing.png', 'assets/*.webp']);
  });
});
