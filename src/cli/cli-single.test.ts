// The built command on a single small file, which converts in the main thread.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rotatedJpeg, writeFormatFixtures } from '../node/image-fixtures';
import { ROOT, ensureBuilt, runCli } from './cli-process';

const dir = join(ROOT, '.tmp/cli/single');
let formats: string[];

beforeAll(async () => {
  ensureBuilt();
  await rm(dir, { recursive: true, force: true });
  formats = await writeFormatFixtures(join(dir, 'in'));
  await writeFile(join(dir, 'in/rotated.jpg'), await rotatedJpeg());
  formats.push('rotated.jpg');
});

describe('vectorizer, one small file', () => {
  it('writes the SVG the worker threads of a batch write, for every format', async () => {
    const batch = await runCli(['in/*', '--out-dir', 'batch', '-q'], { cwd: dir });
    expect(batch.code).toBe(0);
    for (const name of formats) {
      const svg = name.replace(/\.\w+$/, '.svg');
      const single = await runCli([`in/${name}`, '-o', `single/${svg}`, '-q'], { cwd: dir });
      expect(single.code, name).toBe(0);
      const [a, b] = await Promise.all(
        [`single/${svg}`, `batch/${svg}`].map((path) => readFile(join(dir, path), 'utf8')),
      );
      expect(a, name).toBe(b);
    }
  });

  it('prints where the time went with VECTORIZER_TIMINGS=1', async () => {
    const run = await runCli(['in/rgb.png', '-o', 'timed.svg', '-q'], {
      cwd: dir,
      env: { VECTORIZER_TIMINGS: '1' },
    });
    expect(run.code).toBe(0);
    const line = run.stderr.split('\n').find((l) => l.startsWith('vectorizer-timings '));
    const timings = JSON.parse(line?.slice('vectorizer-timings '.length) ?? '{}');
    for (const key of [
      'node',
      'modules',
      'compile',
      'read',
      'decode',
      'job',
      'write',
      'end',
      'cpu',
    ])
      expect(typeof timings[key], key).toBe('number');
    expect(timings.job).toBeGreaterThan(0);
    expect(timings.end).toBeGreaterThanOrEqual(timings.node);
    // Without the variable there is no such line.
    const quiet = await runCli(['in/rgb.png', '-o', 'timed.svg', '-q', '--force'], { cwd: dir });
    expect(quiet.stderr).toBe('');
  });
});
