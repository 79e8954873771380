/**
 * Test support: runs the built command (`node dist-node/cli.cjs`) as a real process. The package
 * is built once if dist-node/ is missing (under a lock, as test files run in parallel).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist-node/cli.cjs');

export function ensureBuilt(): void {
  if (existsSync(CLI)) return;
  mkdirSync(join(ROOT, '.tmp/cli'), { recursive: true });
  execFileSync(
    'flock',
    [
      join(ROOT, '.tmp/cli/build.lock'),
      'sh',
      '-c',
      'test -f dist-node/cli.cjs || npm run -s build:node',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  stdin?: Uint8Array;
  /** Added to this process's environment. */
  env?: Record<string, string>;
}

export function runCli(
  args: readonly string[],
  { cwd = ROOT, stdin, env }: CliOptions = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd,
      stdio: 'pipe',
      env: { ...process.env, ...env },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.end(stdin);
  });
}

/** The JSON lines of a `--json` run. */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** A complete SVG document of the given size (what an interrupted write would not be). */
export function isCompleteSvg(text: string, width?: number, height?: number): boolean {
  const size = width === undefined ? '' : `viewBox="0 0 ${width} ${height}"`;
  return text.startsWith('<svg') && text.includes(size) && text.trimEnd().endsWith('</svg>');
}
