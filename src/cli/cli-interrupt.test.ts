// The built command interrupted, and on a terminal.
import { spawn, spawnSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeFormatFixtures } from '../node/image-fixtures';
import { CLI, ROOT, ensureBuilt, isCompleteSvg } from './cli-process';

const dir = join(ROOT, '.tmp/cli/interrupt');
const COPIES = 24;

beforeAll(async () => {
  ensureBuilt();
  await rm(dir, { recursive: true, force: true });
  await mkdir(join(dir, 'in'), { recursive: true });
  // Blurred noise: slow to trace and a multi-megabyte SVG, so a kill lands mid-batch.
  const noisy = await sharp({
    create: {
      width: 512,
      height: 512,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 60 },
    },
  })
    .blur(2)
    .png()
    .toBuffer();
  await Promise.all(
    Array.from({ length: COPIES }, (_, i) => writeFile(join(dir, 'in', `noise-${i}.png`), noisy)),
  );
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting for the run to make progress');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('vectorizer, interrupted', () => {
  it('leaves no partial SVG when killed with SIGKILL mid-run', async () => {
    const out = join(dir, 'out');
    const child = spawn(
      process.execPath,
      [CLI, 'in/*.png', '--out-dir', out, '--jobs', '2', '-q'],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const svgs = async () =>
      (await readdir(out).catch(() => [] as string[])).filter((name) => name.endsWith('.svg'));
    await waitFor(async () => (await svgs()).length >= 2, 60_000);
    child.kill('SIGKILL');
    await exited;

    const written = await svgs();
    expect(written.length).toBeLessThan(COPIES); // the kill landed mid-batch
    for (const name of written)
      expect(isCompleteSvg(await readFile(join(out, name), 'utf8'), 512, 512), name).toBe(true);
    // Whatever was being written is left only as a hidden temporary file.
    for (const name of await readdir(out))
      expect(name).toMatch(/^(noise-\d+\.svg|\.noise-\d+\.svg\..*\.tmp)$/);
  });
});

describe('vectorizer, Ctrl-C', () => {
  it('finishes the running files, reports, and exits with 130', async () => {
    const out = join(dir, 'sigint');
    const child = spawn(process.execPath, [CLI, 'in/*.png', '--out-dir', out, '--jobs', '2'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    await waitFor(async () => stderr.includes('Complete!'), 60_000);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/WARNING - Interrupted after \d+ of 24 files\./);
    expect(stderr).toMatch(/INFO - Done: \d+ ok, 0 failed of 24/);
    const names = await readdir(out);
    expect(names.length).toBeLessThan(COPIES);
    expect(names.every((name) => name.endsWith('.svg'))).toBe(true); // no temporary files left
  });
});

const hasScript = spawnSync('script', ['--version']).status === 0;

describe.skipIf(!hasScript)('vectorizer, on a terminal', () => {
  it('draws a progress bar with rate and ETA, then a summary', async () => {
    const tty = join(dir, 'tty');
    await writeFormatFixtures(tty);
    await copyFile(join(tty, 'rgb.png'), join(tty, 'again.png'));
    const command = `'${process.execPath}' '${CLI}' '${tty}/*.png' --out-dir '${tty}/out' --jobs 2`;
    // `script` runs the command on a pseudo-terminal.
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\[#+-*\] \d+\/5 \d+% {2}\d+\.\d img\/s {2}ETA /);
    expect(run.stdout).toMatch(/\[#{24}\] 5\/5 100%/);
    expect(run.stdout).toMatch(/INFO - Done: 5 ok, 0 failed of 5 in/);
  });
});
