// The export flags on the command line, and the export step of a conversion (in this thread,
// through the real engine and decoder, as a worker thread runs it).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { config, usageError } from './args.test-support';
import { planOutputs } from './batch-plan';
import { ROOT } from './cli-process';
import { convert } from './convert';

describe('export flags', () => {
  it('takes the format from -o, or from --format', () => {
    expect(config('a.png', '-o', 'out.pdf').export).toEqual({ format: 'pdf', options: {} });
    expect(config('a.png', '-o', 'OUT.DXF', '--dxf-curves', 'linesArcsSplines').export).toEqual({
      format: 'dxf',
      options: { dxfCurves: 'linesArcsSplines' },
    });
    expect(config('-', '--format=png', '--dpi', '300').export).toEqual({
      format: 'png',
      options: { dpi: 300 },
    });
    expect(config('a.png', '--width', '85mm', '--height=2in').export).toEqual({
      format: 'svg',
      options: { width: '85mm', height: '2in' },
    });
    // The engine's SVG as it is: no export step.
    expect(config('a.png', '-o', 'out.svg').export).toBeUndefined();
    expect(config('a.png', '-o', 'out.txt').export).toBeUndefined();
  });

  it('gives batches the format extension', () => {
    const { export: request, outDir } = config('in/*.png', '--out-dir', 'out', '--format', 'eps');
    const files = [
      { path: 'in/a.png', base: 'in' },
      { path: 'in/b/c.jpeg', base: 'in' },
    ];
    expect(planOutputs(files, { outDir, export: request }).map((f) => f.output)).toEqual([
      'out/a.eps',
      'out/b/c.eps',
    ]);
    expect(planOutputs(files, { export: { format: 'pdf' } }).map((f) => f.output)).toEqual([
      'in/a.pdf',
      'in/b/c.pdf',
    ]);
  });

  const cases: [string, string[], RegExp][] = [
    ['an unknown format', ['--format', 'tiff'], /--format must be one of svg, pdf, eps, dxf, png/],
    ['-o and --format disagree', ['-o', 'x.pdf', '--format', 'png'], /x.pdf names a .pdf file/],
    ['a zero width', ['--width', '0'], /--width must be a length above 0/],
    ['a unit typo', ['--height', '3inch'], /--height has the unit "inch"/],
    ['not a length', ['--width', 'wide'], /--width must be a length such as 85mm/],
    ['a bad dpi', ['--dpi', 'high'], /--dpi must be a number above 0/],
    ['a zero dpi', ['--dpi', '0'], /--dpi must be a number above 0/],
    ['a bad curve mode', ['-o', 'x.dxf', '--dxf-curves', 'arcs'], /--dxf-curves must be one of/],
    ['curves for a PDF', ['--format', 'pdf', '--dxf-curves', 'lines'], /DXF output only/],
    ['no value', ['--width'], /--width needs a value/],
  ];
  for (const [what, args, message] of cases)
    it(`refuses ${what}`, () => expect(usageError('a.png', ...args)).toMatch(message));
});

describe('the export step', () => {
  const dir = join(ROOT, '.tmp/cli/export');
  const input = join(dir, 'in.png');

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await sharp(join(ROOT, 'e2e/fixtures/logo/twemoji-rocket.png')).resize(96).toFile(input);
  });

  const run = (output: string, ...flags: string[]) => {
    const { options, export: request } = config(input, '-o', output, ...flags);
    return convert({ input, output, options, export: request, overwrite: true });
  };

  it('writes each format, sized', async () => {
    for (const [name, magic] of [
      ['out.pdf', '%PDF-1.4'],
      ['out.eps', '%!PS-Adobe-3.0 EPSF-3.0'],
      ['out.dxf', '0\nSECTION\n2\nHEADER'],
      ['out.png', '\x89PNG'],
      ['out.svg', '<svg width="85mm" height="85mm"'],
    ]) {
      const outcome = await run(join(dir, name), '--width', '85mm');
      expect(outcome.ok, name).toBe(true);
      const bytes = readFileSync(join(dir, name));
      expect(bytes.subarray(0, magic.length).toString('latin1'), name).toBe(magic);
      if (outcome.ok) expect(outcome.bytesOut).toBe(bytes.length);
    }
    const png = await sharp(join(dir, 'out.png')).metadata();
    expect([png.width, png.height]).toEqual([321, 321]); // 85 mm at 96 dpi
  });

  it('sends the exported bytes to standard output', async () => {
    const { options, export: request } = config(input, '--format', 'pdf');
    const outcome = await convert({
      input,
      output: '-',
      options,
      export: request,
      overwrite: true,
    });
    expect(outcome.ok && Buffer.from(outcome.svg as Uint8Array).toString('latin1', 0, 8)).toBe(
      '%PDF-1.4',
    );
  });

  it('says what a DXF cannot hold', async () => {
    const outcome = await run(join(dir, 'lines.dxf'), '--mode', 'centerline');
    expect(outcome.ok && outcome.warnings.join(' ')).toMatch(/DXF lines have no caps or joins/);
    const pdf = await run(join(dir, 'lines.pdf'), '--mode', 'centerline');
    expect(pdf.ok && pdf.warnings).toEqual([]);
  });

  it('fails a PNG over the pixel budget with TOO_LARGE', async () => {
    const outcome = await run(join(dir, 'big.png'), '--width', '100in', '--max-pixels', '100000');
    expect(outcome).toMatchObject({ ok: false, failure: { code: 'TOO_LARGE' } });
  });
});
