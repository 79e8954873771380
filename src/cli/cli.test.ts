// The built `vectorizer` command as a real process on real files.
import { copyFile, mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTION_SPECS } from '../engine';
import {
  FIXTURE_HEIGHT,
  FIXTURE_WIDTH,
  brokenFixtures,
  rotatedJpeg,
  writeFormatFixtures,
} from '../node/image-fixtures';
import { CLI, ROOT, ensureBuilt, isCompleteSvg, jsonLines, runCli } from './cli-process';
import { flagName } from './option-flags';

const dir = join(ROOT, '.tmp/cli/process');
const LOG_LINE = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\] (DEBUG|INFO|WARNING|ERROR) - /;
let formats: string[];

beforeAll(async () => {
  ensureBuilt();
  await rm(dir, { recursive: true, force: true });
  formats = await writeFormatFixtures(join(dir, 'formats'));
  await writeFile(join(dir, 'formats/rotated.jpg'), await rotatedJpeg());
  await mkdir(join(dir, 'mixed'), { recursive: true });
  for (const [name, bytes] of Object.entries(await brokenFixtures()))
    await writeFile(join(dir, 'mixed', name), bytes);
  for (const name of ['a.png', 'b.png'])
    await copyFile(join(dir, 'formats/rgb.png'), join(dir, 'mixed', name));
});

const read = (path: string) => readFile(path, 'utf8');

describe('vectorizer, one file', () => {
  it('converts in.png -o out.svg and logs in the product format', async () => {
    const run = await runCli([join(dir, 'formats/rgb.png'), '-o', join(dir, 'single/out.svg')]);
    expect(run.code).toBe(0);
    expect(isCompleteSvg(await read(join(dir, 'single/out.svg')), 96, 64)).toBe(true);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(LOG_LINE);
    expect(lines[0]).toMatch(/INFO - \[JOB [0-9a-f]{8}\] Complete! Time: \d+\.\d\ds \(/);
  });

  it('applies --palette-remap: the removed white ground leaves no shape, a recolour its fill', async () => {
    const svg = join(dir, 'single/remapped.svg');
    const run = await runCli([
      join(dir, 'formats/rgb.png'),
      '-o',
      svg,
      '-q',
      '--palette',
      '#fff,#e30000,#0040e0',
      '--palette-remap',
      '#ffffff->transparent, #e30000->#00aa00',
    ]);
    expect(run.code).toBe(0);
    const text = await read(svg);
    expect(isCompleteSvg(text, 96, 64)).toBe(true);
    expect(text).not.toMatch(/fill="#fff"|fill="#ffffff"/);
    expect(text).not.toMatch(/#e30000|#e00/);
    expect(text).toMatch(/fill="#0a0"/);
  });

  it('writes beside the input without -o, and is silent with --quiet', async () => {
    await mkdir(join(dir, 'beside'), { recursive: true });
    await copyFile(join(dir, 'formats/photo.jpg'), join(dir, 'beside/photo.jpg'));
    const run = await runCli(['beside/photo.jpg', '--quiet'], { cwd: dir });
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(isCompleteSvg(await read(join(dir, 'beside/photo.svg')))).toBe(true);
  });

  it('reads standard input and writes standard output with -', async () => {
    const png = await readFile(join(dir, 'formats/rgb.png'));
    const run = await runCli(['-', '--mode', 'bw'], { stdin: png });
    expect(run.code).toBe(0);
    expect(isCompleteSvg(run.stdout, 96, 64)).toBe(true);
    expect(run.stderr).toMatch(/\(stdin → stdout, 96×64/);
  });

  it('prints --help with every option, its range and default, and --version', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const spec of OPTION_SPECS) expect(help.stdout).toContain(flagName(spec.name));
    expect(help.stdout).toMatch(/--colors <2–\d+>/);
    expect(help.stdout).toMatch(/--max-pixels <1–\d+>[\s\S]*Default: 40000000/);
    const version = await runCli(['--version']);
    const pkg = JSON.parse(await read(join(ROOT, 'package.json'))) as { version: string };
    expect(version.stdout.trim()).toBe(pkg.version);
  });
});

describe('vectorizer, bad command lines', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['a.png', '--colour', '8'], /Unknown flag --colour/],
    ['a value out of range', ['a.png', '--colors', '1'], /--colors must be from 2 to/],
    ['a non-number', ['a.png', '--tolerance', 'fine'], /--tolerance must be a number/],
    ['a bad enum', ['a.png', '--preset', 'max'], /--preset must be one of fast, balanced/],
    ['a bad palette', ['a.png', '--palette', '#000,#ggg'], /--palette has "#ggg"/],
    [
      'a remap colour not in the palette',
      ['a.png', '--palette', '#000,#fff', '--palette-remap', '#f00->#fff'],
      /--palette-remap has #ff0000, which is not in the palette/,
    ],
    [
      'a remap without a palette',
      ['a.png', '--palette-remap', '#f00->#fff'],
      /--palette-remap needs a fixed palette/,
    ],
    ['a missing value', ['a.png', '--jobs'], /--jobs needs a value/],
    ['no input', [], /No input given/],
    ['-o with several inputs', [join(dir, 'formats/*.png'), '-o', 'x.svg'], /-o takes one input/],
  ];
  for (const [what, args, message] of cases)
    it(`exits 2 with one line for ${what}`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^vectorizer: .*\n$/);
      expect(run.stderr).toMatch(message);
    });
});

describe('vectorizer, batches', () => {
  it('decodes every format (PNG, JPEG, WebP, GIF, AVIF, TIFF, 16-bit, grey, palette, CMYK, EXIF)', async () => {
    const out = join(dir, 'formats-out');
    const run = await runCli([join(dir, 'formats/*'), '--out-dir', out, '--json', '--jobs', '2']);
    expect(run.code).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines.map((line) => line.status)).toEqual(lines.map(() => 'ok'));
    expect(lines).toHaveLength(formats.length + 1);
    for (const name of [...formats, 'rotated.jpg']) {
      const svg = await read(join(out, name.replace(/\.[^.]+$/, '.svg')));
      expect(isCompleteSvg(svg, FIXTURE_WIDTH, FIXTURE_HEIGHT), name).toBe(true);
    }
  });

  it('expands a quoted glob and mirrors its folders under --out-dir', async () => {
    const run = await runCli(
      ['formats/{rgb,palette}.png', 'mixed/[ab].png', '--out-dir', 'glob-out'],
      {
        cwd: dir,
      },
    );
    expect(run.code).toBe(0);
    expect((await readdir(join(dir, 'glob-out'))).sort()).toEqual([
      'a.svg',
      'b.svg',
      'palette.svg',
      'rgb.svg',
    ]);
    expect(run.stderr).toMatch(/INFO - Done: 4 ok, 0 failed of 4 in \d+\.\d\ds; .* in, .* out\./);
  });

  it('fails a corrupt, empty or non-image file alone, names it, and exits 1', async () => {
    const run = await runCli(['mixed/*.png', '--out-dir', 'mixed-out', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    const byInput = Object.fromEntries(jsonLines(run.stdout).map((line) => [line.input, line]));
    expect(byInput['mixed/a.png']).toMatchObject({ status: 'ok', output: 'mixed-out/a.svg' });
    expect(byInput['mixed/b.png'].status).toBe('ok');
    expect(byInput['mixed/empty.png']).toMatchObject({
      status: 'failed',
      error: { code: 'EMPTY' },
    });
    expect(byInput['mixed/notes.png']).toMatchObject({
      status: 'failed',
      error: { code: 'NOT_AN_IMAGE' },
    });
    expect(byInput['mixed/truncated.png']).toMatchObject({
      status: 'failed',
      error: { code: 'CORRUPT' },
    });
    expect(run.stderr).toMatch(/ERROR - \[JOB \w+\] Failed: mixed\/empty.png: The file is empty\./);
    expect(run.stderr).toMatch(/Failed: mixed\/notes.png: Not an image/);
    expect(run.stderr).toMatch(/Failed: mixed\/truncated.png: The image is corrupt or truncated/);
    expect((await readdir(join(dir, 'mixed-out'))).sort()).toEqual(['a.svg', 'b.svg']);
    for (const line of run.stderr.trimEnd().split('\n')) expect(line).toMatch(LOG_LINE);
  });

  it('refuses an image over --max-pixels by its header', async () => {
    const run = await runCli(['formats/rgb.png', '-o', 'big/rgb.svg', '--max-pixels', '6000'], {
      cwd: dir,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /Failed: formats\/rgb.png: The image is 96×64 \(6144 pixels\), over the pixel budget of 6000 pixels/,
    );
  });

  it('prints one parseable --json line per file with its stats', async () => {
    const run = await runCli(
      ['formats/rgb.png', 'missing.png', '--out-dir', 'json-out', '--json'],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const [missing, ok] = jsonLines(run.stdout);
    expect(missing).toMatchObject({
      status: 'failed',
      input: 'missing.png',
      error: { code: 'NO_INPUT' },
    });
    expect(ok).toMatchObject({
      status: 'ok',
      input: 'formats/rgb.png',
      output: 'json-out/rgb.svg',
    });
    expect(ok.stats).toMatchObject({ width: 96, height: 64 });
    expect(ok.bytesOut).toBe((await stat(join(dir, 'json-out/rgb.svg'))).size);
    expect(typeof ok.ms).toBe('number');
  });

  it('keeps existing outputs unless --force; --skip-existing resumes', async () => {
    const out = join(dir, 'resume');
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'a.svg'), 'kept');
    const args = ['mixed/[ab].png', '--out-dir', out, '--json'];
    const refused = await runCli(args, { cwd: dir });
    expect(refused.code).toBe(1);
    expect(jsonLines(refused.stdout)[0]).toMatchObject({
      status: 'failed',
      error: { code: 'OUTPUT_EXISTS' },
    });
    expect(await read(join(out, 'a.svg'))).toBe('kept');

    await rm(join(out, 'b.svg'));
    const resumed = await runCli([...args, '--skip-existing'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(jsonLines(resumed.stdout).map((line) => line.status)).toEqual(['skipped', 'ok']);
    expect(await read(join(out, 'a.svg'))).toBe('kept');

    const forced = await runCli([...args, '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(isCompleteSvg(await read(join(out, 'a.svg')))).toBe(true);
  });

  it('splits inputs with --shard K/N: the union is the input set, with no overlap', async () => {
    const inputs = [...formats.map((name) => `formats/${name}`), 'formats/rotated.jpg'].sort();
    const seen: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const run = await runCli(
        ['formats/*', `--shard=${k}/3`, '--out-dir', `shard-${k}`, '--json'],
        {
          cwd: dir,
        },
      );
      expect(run.code).toBe(0);
      seen.push(...jsonLines(run.stdout).map((line) => String(line.input)));
    }
    expect(seen.sort()).toEqual(inputs);
  });
});

describe('vectorizer, built package', () => {
  it('is an executable with a node shebang', async () => {
    expect((await readFile(CLI, 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect((await stat(CLI)).mode & 0o111).not.toBe(0);
  });
});
