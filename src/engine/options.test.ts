import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  OPTION_SPECS,
  VectorizeError,
  errorCodeOf,
  presets,
  resolveOptions,
  type VectorizeOptionsInput,
} from './index';
import { encodeOptions } from './abi';

function invalid(input: unknown): string {
  try {
    resolveOptions(input as VectorizeOptionsInput);
  } catch (error) {
    expect(error).toBeInstanceOf(VectorizeError);
    expect(errorCodeOf(error)).toBe('INVALID_OPTION');
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('options', () => {
  it('resolves defaults, then the preset, then explicit values', () => {
    expect(resolveOptions()).toEqual(DEFAULT_OPTIONS);
    expect(resolveOptions({ preset: 'ultra' }).colors).toBe(presets.ultra.colors);
    expect(resolveOptions({ preset: 'fast', colors: 5 }).colors).toBe(5);
    expect(resolveOptions({ mode: 'pixel' })).toMatchObject({ minArea: 0, colors: 4096 });
    expect(resolveOptions({ palette: [' #E30 '] }).palette).toEqual(['#e30']);
  });

  it('presets keep the original service colour limits', () => {
    expect(
      [presets.fast, presets.balanced, presets.high, presets.ultra].map((p) => p.colors),
    ).toEqual([16, 32, 64, 128]);
  });

  it('rejects unknown names and out-of-range values, naming the option', () => {
    expect(invalid({ colours: 8 })).toContain('"colours"');
    expect(invalid({ preset: 'best' })).toContain('"preset"');
    expect(invalid({ mode: 'sepia' })).toContain('"mode"');
    expect(invalid({ colors: 1 })).toContain('"colors"');
    expect(invalid({ colors: 2.5 })).toContain('whole number');
    expect(invalid({ tolerance: 0 })).toContain('"tolerance"');
    expect(invalid({ tolerance: Number.NaN })).toContain('"tolerance"');
    expect(invalid({ threshold: 'half' })).toContain('"threshold"');
    expect(invalid({ denoise: 'yes' })).toContain('"denoise"');
    expect(invalid({ palette: [] })).toContain('"palette"');
    expect(invalid({ palette: ['#12345'] })).toContain('#12345');
    expect(invalid({ maxPixels: -1 })).toContain('"maxPixels"');
    expect(invalid({ drawStyle: 'outline' })).toContain('"drawStyle"');
    expect(invalid({ stacking: 'cut' })).toContain('"stacking"');
    expect(invalid({ groupBy: 'size' })).toContain('"groupBy"');
    expect(invalid({ strokeWidth: 0 })).toContain('"strokeWidth"');
    expect(invalid({ strokeWidth: 1e6 })).toContain('"strokeWidth"');
    expect(invalid({ gapFillerWidth: 0 })).toContain('"gapFillerWidth"');
    expect(invalid({ strokeColor: 'red' })).toContain('"strokeColor"');
    expect(invalid({ strokeColor: 0xff0000 })).toContain('"strokeColor"');
    expect(invalid(null)).toContain('object');
  });

  it('every option in the schema is encoded or handled outside the numeric block', () => {
    const numeric = OPTION_SPECS.filter(
      (s) => s.name !== 'preset' && s.name !== 'palette' && s.name !== 'paletteRemap',
    );
    expect(encodeOptions(resolveOptions()).length).toBe(numeric.length);
    expect(Array.from(encodeOptions(resolveOptions({ threshold: 'auto', precision: 2 })))).toEqual([
      0, 32, 8, 60, 0.6, -1, 0, 2, 40_000_000, 0, 0, 2, 0, -1, -1, 0, 1, 0,
    ]);
    const made = resolveOptions({
      stacking: 'cutouts',
      gapFiller: true,
      drawStyle: 'strokeEdges',
      strokeColor: '#E30',
      groupBy: 'layer',
      gradients: 'auto',
    });
    expect(made.strokeColor).toBe('#ee3300');
    expect(Array.from(encodeOptions(made)).slice(9)).toEqual([1, 1, 2, 2, -1, 0xee3300, 2, 1, 1]);
  });
});
