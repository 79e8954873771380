/**
 * The palette remap as text, for the CLI flag and text fields: `#ff0000->#00ff00,#fff->transparent`
 * (entries split by commas, `from->to` each). The entries' values are checked by the options
 * schema (`validateOption`), not here.
 */
import type { PaletteRemapEntry } from './options';

const ARROW = '->';

/** Reads `from->to` entries; an entry without an arrow keeps an empty `to` (rejected later). */
export function parsePaletteRemapText(text: string): PaletteRemapEntry[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const arrow = entry.indexOf(ARROW);
      if (arrow < 0) return { from: entry, to: '' };
      return { from: entry.slice(0, arrow).trim(), to: entry.slice(arrow + ARROW.length).trim() };
    });
}

/** The entries as `from->to,…` (what `parsePaletteRemapText` reads back). */
export function formatPaletteRemapText(entries: readonly PaletteRemapEntry[]): string {
  return entries.map(({ from, to }) => `${from}${ARROW}${to}`).join(',');
}
