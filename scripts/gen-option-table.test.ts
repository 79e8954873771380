import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPTION_TABLE_PATH, renderOptionTable } from './gen-option-table';

describe('gen:options', () => {
  it('the checked-in Rust option table is what the schema generates now (else: npm run gen:options)', () => {
    expect(readFileSync(OPTION_TABLE_PATH, 'utf8')).toBe(renderOptionTable());
  });

  it('writes one row per value of the numeric block, with the schema defaults', () => {
    const text = renderOptionTable();
    expect(text).toContain('pub const OPTION_COUNT: usize = 18;');
    expect(text).toMatch(/name: "tolerance",\n\s+min: 0\.05,\n\s+max: 10\.0,\n\s+whole: false,/);
    expect(text).toMatch(/name: "threshold",[^}]*auto: true,\n\s+default: -1\.0,/);
    expect(text).toContain('values: &["color", "bw", "pixel", "centerline"],');
    expect(text).not.toContain('"preset"');
    // A colour is 0xRRGGBB in the block, or -1 for auto.
    expect(text).toMatch(
      /name: "strokeColor",\n\s+min: 0\.0,\n\s+max: 16777215\.0,\n\s+whole: true,\n\s+auto: true,\n\s+default: -1\.0,/,
    );
  });
});
