import { describe, expect, it } from 'vitest';
import { markdownTable } from './table';

describe('markdownTable', () => {
  it('pads columns to one width, numbers to the right', () => {
    expect(
      markdownTable(
        ['tracer', '>ms'],
        [
          ['ours', '9.5'],
          ['vtracer-native', '17.25'],
        ],
      ),
    ).toBe(
      [
        '| tracer         |    ms |',
        '|----------------|------:|',
        '| ours           |   9.5 |',
        '| vtracer-native | 17.25 |',
      ].join('\n'),
    );
  });

  it('counts characters, not bytes, and fills missing cells', () => {
    expect(markdownTable(['ΔSSIM', 'b'], [['≥']])).toBe(
      ['| ΔSSIM | b   |', '|-------|-----|', '| ≥     |     |'].join('\n'),
    );
  });
});
