/**
 * Where each input's output goes: `-o file` for a single input ('-' = standard output),
 * `--out-dir` mirroring the folders below the pattern's literal base ('assets/**\/*.png' --out-dir
 * svg/ puts assets/a/b.png at svg/a/b.svg), or else beside the input with the extension changed
 * to the output format's (.svg unless `--format` says otherwise: --format pdf writes b.pdf).
 */
import { posix } from 'node:path';
import type { GlobMatch } from './glob';

export const STDIO = '-';

export interface OutputChoice {
  output?: string;
  outDir?: string;
  /** The output format (its name is the extension); svg when not given. */
  export?: { format: string };
}

function withExtension(path: string, format: string): string {
  const ext = posix.extname(path);
  return (ext ? path.slice(0, -ext.length) : path) + '.' + format;
}

export function outputPath(input: GlobMatch, choice: OutputChoice): string {
  if (choice.output !== undefined) return choice.output;
  if (input.path === STDIO) return STDIO;
  const format = choice.export?.format ?? 'svg';
  if (choice.outDir === undefined) return withExtension(input.path, format);
  const relative = posix.relative(input.base, input.path);
  // A file outside its base (only possible with '..' in a pattern) keeps just its name.
  const inside = relative.startsWith('..') ? posix.basename(input.path) : relative;
  return posix.join(choice.outDir, withExtension(inside, format));
}
