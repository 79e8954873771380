import { describe, expect, it } from 'vitest';
import { validateExportOptions } from '../engine';
import {
  DEFAULT_EXPORT_CHOICE,
  exportOptionsFor,
  followingSide,
  readExportChoice,
  type ExportChoice,
} from './export-choice';

const choice = (changes: Partial<ExportChoice>): ExportChoice => ({
  ...DEFAULT_EXPORT_CHOICE,
  ...changes,
});

describe('export choice', () => {
  it('becomes the engine’s size options, which the engine accepts', () => {
    const cases: [Partial<ExportChoice>, object][] = [
      [{}, { scale: 1, dpi: 96 }],
      [
        { format: 'png', scale: 2 },
        { scale: 2, dpi: 96 },
      ],
      [
        { side: 'width', length: 85, unit: 'mm' },
        { width: '85mm', dpi: 96 },
      ],
      [
        { side: 'height', length: 3.5, unit: 'in', dpi: 300 },
        { height: '3.5in', dpi: 300 },
      ],
    ];
    for (const [changes, options] of cases) {
      const c = choice(changes);
      expect(exportOptionsFor(c)).toEqual(options);
      expect(() => validateExportOptions(c.format, exportOptionsFor(c))).not.toThrow();
    }
  });

  it('names the side that follows the aspect, in the same unit', () => {
    expect(followingSide(choice({ side: 'width', length: 85 }), 200, 100)).toEqual({
      side: 'height',
      length: 42.5,
    });
    expect(followingSide(choice({ side: 'height', length: 10 }), 200, 100)).toEqual({
      side: 'width',
      length: 20,
    });
    expect(followingSide(choice({}), 200, 100)).toBeUndefined();
  });

  it('reads anything saved: unknown fields and bad values fall back to the defaults', () => {
    expect(readExportChoice(null)).toEqual(DEFAULT_EXPORT_CHOICE);
    expect(readExportChoice('pdf')).toEqual(DEFAULT_EXPORT_CHOICE);
    expect(
      readExportChoice({ format: 'eps', side: 'diagonal', unit: 'ft', scale: Infinity, dpi: 0 }),
    ).toEqual(choice({ format: 'eps' }));
  });
});
