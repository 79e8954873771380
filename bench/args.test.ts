import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from './args';

describe('parseBenchArgs', () => {
  it('defaults to the shared corpus, 3 runs, every category', () => {
    expect(parseBenchArgs([])).toEqual({
      corpus: resolve(import.meta.dirname, '../../shared/corpus'),
      skipLarge: false,
      noVector: false,
      runs: 3,
      slowMs: 2000,
      variants: [],
    });
  });

  it('reads a corpus folder and every flag', () => {
    expect(
      parseBenchArgs([
        'some/dir',
        '--only',
        'logo,photo',
        '--skip-large',
        '--no-vector',
        '--runs',
        '5',
      ]),
    ).toMatchObject({
      corpus: resolve('some/dir'),
      only: ['logo', 'photo'],
      skipLarge: true,
      noVector: true,
      runs: 5,
    });
  });

  it('reads tracer names and option variants', () => {
    expect(
      parseBenchArgs([
        '--tracers',
        'ours-balanced,x',
        '--with',
        'gradients=auto',
        '--with',
        'colors=12',
        '--with',
        'preset=ultra,gradients=auto',
      ]),
    ).toMatchObject({
      tracers: ['ours-balanced', 'x'],
      variants: [
        [['gradients', 'auto']],
        [['colors', '12']],
        [
          ['preset', 'ultra'],
          ['gradients', 'auto'],
        ],
      ],
    });
    expect(() => parseBenchArgs(['--with', 'gradients'])).toThrow('--with needs option=value');
    expect(() => parseBenchArgs(['--with', 'preset=ultra,x'])).toThrow('--with needs');
  });

  it('names the argument it cannot use', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow('unknown argument --fast');
    expect(() => parseBenchArgs(['a', 'b'])).toThrow('unknown argument b');
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow('--runs needs a positive integer');
    expect(() => parseBenchArgs(['--only'])).toThrow('--only needs');
  });
});
