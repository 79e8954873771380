import { describe, expect, it } from 'vitest';
import { OPTION_SPECS } from '../engine';
import { parseArgs } from './args';
import { config, usageError } from './args.test-support';
import { flagName, specForFlag } from './option-flags';

describe('option flags from the schema', () => {
  it('has one kebab-case flag per option', () => {
    expect(flagName('minArea')).toBe('--min-area');
    expect(flagName('maxPixels')).toBe('--max-pixels');
    for (const spec of OPTION_SPECS) expect(specForFlag(flagName(spec.name))).toBe(spec);
  });

  it('parses each kind of value', () => {
    const { options } = config(
      'in.png',
      '--preset',
      'ultra',
      '--mode=bw',
      '--colors',
      '8',
      '--palette',
      '#000, #FFF,#e30',
      '--min-area',
      '0',
      '--corner-angle',
      '42.5',
      '--tolerance=0.3',
      '--threshold',
      'auto',
      '--denoise',
      '--precision',
      '2',
      '--max-pixels',
      '1000',
    );
    expect(options).toEqual({
      preset: 'ultra',
      mode: 'bw',
      colors: 8,
      palette: ['#000', '#fff', '#e30'],
      minArea: 0,
      cornerAngle: 42.5,
      tolerance: 0.3,
      threshold: 'auto',
      denoise: true,
      precision: 2,
      maxPixels: 1000,
    });
  });

  it('parses --palette-remap into { from, to } entries', () => {
    const { options } = config(
      'in.png',
      '--palette',
      '#f00,#fff,#00f',
      '--palette-remap',
      '#ff0000->#00ff00,#ffffff->transparent',
    );
    expect(options.paletteRemap).toEqual([
      { from: '#ff0000', to: '#00ff00' },
      { from: '#ffffff', to: 'transparent' },
    ]);
    expect(usageError('a.png', '--palette', '#f00', '--palette-remap', '#f00')).toMatch(
      /^--palette-remap has to "", which is neither a hex colour nor "transparent"/,
    );
  });

  it('accepts --no-denoise and --denoise=false', () => {
    expect(config('a.png', '--no-denoise').options.denoise).toBe(false);
    expect(config('a.png', '--denoise=false').options.denoise).toBe(false);
  });

  it('names the flag and the accepted range in errors', () => {
    expect(usageError('a.png', '--colors', '1')).toMatch(
      /^--colors must be from 2 to \d+ \(got 1\)/,
    );
    expect(usageError('a.png', '--colors', 'many')).toMatch(/^--colors must be a number/);
    expect(usageError('a.png', '--colors', '2.5')).toMatch(/^--colors must be a whole number/);
    expect(usageError('a.png', '--mode', 'sepia')).toMatch(
      /^--mode must be one of color, bw, pixel/,
    );
    expect(usageError('a.png', '--palette', '#000,red')).toMatch(/^--palette has "red"/);
    expect(usageError('a.png', '--tolerance')).toMatch(/^--tolerance needs a value/);
    expect(usageError('a.png', '--denoise=maybe')).toMatch(/^--denoise takes no value, or =true/);
    expect(usageError('a.png', '--colour', '8')).toBe('Unknown flag --colour.');
  });
});

describe('batch flags', () => {
  it('has defaults', () => {
    const parsed = config('a.png');
    expect(parsed).toMatchObject({ inputs: ['a.png'], json: false, verbosity: 'normal' });
    expect(parsed.jobs).toBeGreaterThanOrEqual(1);
    expect(parsed.shard).toBeUndefined();
  });

  it('parses outputs, jobs, shard, verbosity and overwrite flags', () => {
    expect(
      config(
        'a/*.png',
        'b.jpg',
        '--out-dir',
        'svg',
        '-j',
        '3',
        '--shard=2/5',
        '--json',
        '--quiet',
        '--skip-existing',
      ),
    ).toMatchObject({
      inputs: ['a/*.png', 'b.jpg'],
      outDir: 'svg',
      jobs: 3,
      shard: { index: 2, count: 5 },
      json: true,
      verbosity: 'quiet',
      skipExisting: true,
      force: false,
    });
    expect(config('-', '-o', 'x.svg', '--force', '--verbose')).toMatchObject({
      inputs: ['-'],
      output: 'x.svg',
      force: true,
      verbosity: 'verbose',
    });
    expect(config('--', '--odd-name.png').inputs).toEqual(['--odd-name.png']);
  });

  it('answers --help and --version', () => {
    expect(parseArgs(['--help']).kind).toBe('help');
    expect(parseArgs(['a.png', '-h']).kind).toBe('help');
    expect(parseArgs(['--version']).kind).toBe('version');
  });

  it('refuses bad combinations and values', () => {
    expect(usageError()).toMatch(/^No input given/);
    expect(usageError('a.png', '-o', 'a.svg', '--out-dir', 'svg')).toMatch(/not both/);
    expect(usageError('a.png', '--force', '--skip-existing')).toMatch(/not both/);
    expect(usageError('-', 'b.png')).toMatch(/only input/);
    expect(usageError('-', '--out-dir', 'svg')).toMatch(/not --out-dir/);
    expect(usageError('-', '--json')).toMatch(/--json writes to standard output/);
    expect(usageError('a.png', '--jobs', '0')).toMatch(/^--jobs must be a whole number/);
    expect(usageError('a.png', '--shard', '3/2')).toMatch(/^--shard must be K\/N/);
    expect(usageError('a.png', '--json=yes')).toBe('--json takes no value (got "yes").');
  });
});
