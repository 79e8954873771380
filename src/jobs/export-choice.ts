/**
 * The "Download as" choice: a format and a size, kept in settings. A size is the image's own
 * (times `scale`, at `dpi`), or a width or a height with a unit, the other side following the
 * drawing's aspect ratio (src/engine/export/units.ts).
 */
import type { ExportFormat, ExportOptions } from '../engine';
import { EXPORT_FORMATS, UNITS, type Unit } from '../engine/export';

export const SIZE_SIDES = ['original', 'width', 'height'] as const;
export type SizeSide = (typeof SIZE_SIDES)[number];

export interface ExportChoice {
  format: ExportFormat;
  /** Which side is given; `original` keeps the image's pixel size (times `scale`). */
  side: SizeSide;
  /** The given side's length in `unit` (unused for `original`). */
  length: number;
  unit: Unit;
  /** Pixels per inch: for `px` lengths, the original size and PNG output. */
  dpi: number;
  /** Multiplies the original size (PNG 2× and the like). */
  scale: number;
}

export const DEFAULT_EXPORT_CHOICE: ExportChoice = {
  format: 'svg',
  side: 'original',
  length: 100,
  unit: 'mm',
  dpi: 96,
  scale: 1,
};

const positive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/** A saved choice read back: anything missing or no longer valid takes its default. */
export function readExportChoice(saved: unknown): ExportChoice {
  const input = (typeof saved === 'object' && saved !== null ? saved : {}) as Partial<
    Record<keyof ExportChoice, unknown>
  >;
  const d = DEFAULT_EXPORT_CHOICE;
  const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
    list.includes(value as T) ? (value as T) : fallback;
  return {
    format: oneOf(EXPORT_FORMATS, input.format, d.format),
    side: oneOf(SIZE_SIDES, input.side, d.side),
    length: positive(input.length) ? input.length : d.length,
    unit: oneOf(UNITS, input.unit, d.unit),
    dpi: positive(input.dpi) ? input.dpi : d.dpi,
    scale: positive(input.scale) ? input.scale : d.scale,
  };
}

/** The engine's export options for a choice (`rasterize` is the worker's to add). */
export function exportOptionsFor(choice: ExportChoice): Omit<ExportOptions, 'rasterize'> {
  const size =
    choice.side === 'original'
      ? { scale: choice.scale }
      : { [choice.side]: `${choice.length}${choice.unit}` };
  return { ...size, dpi: choice.dpi };
}

/**
 * The side that follows, for a drawing of `width`×`height` pixels: `{ side: 'height', length }`
 * in the choice's unit, or undefined for the original size.
 */
export function followingSide(
  choice: ExportChoice,
  width: number,
  height: number,
): { side: 'width' | 'height'; length: number } | undefined {
  if (choice.side === 'original' || !(width > 0 && height > 0)) return undefined;
  return choice.side === 'width'
    ? { side: 'height', length: (choice.length * height) / width }
    : { side: 'width', length: (choice.length * width) / height };
}
