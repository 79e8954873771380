/**
 * Where each input's SVG goes: `-o file` for a single input ('-' = standard output), `--out-dir`
 * mirroring the folders below the pattern's literal base ('assets/**\/*.png' --out-dir svg/ puts
 * assets/a/b.png at svg/a/b.svg), or else beside the input with the extension changed to .svg.
 */
import { posix } from 'node:path';
import type { GlobMatch } from './glob';

export const STDIO = '-';

export interface OutputChoice {
  output?: string;
  outDir?: string;
}

function withSvgExtension(path: string): string {
  const ext = posix.extname(path);
  return (ext ? path.slice(0, -ext.length) : path) + '.svg';
}

export function outputPath(input: GlobMatch, choice: OutputChoice): string {
  if (choice.output !== undefined) return choice.output;
  if (input.path === STDIO) return STDIO;
  if (choice.outDir === undefined) return withSvgExtension(input.path);
  const relative = posix.relative(input.base, input.path);
  // A file outside its base (only possible with '..' in a pattern) keeps just its name.
  const inside = relative.startsWith('..') ? posix.basename(input.path) : relative;
  return posix.join(choice.outDir, withSvgExtension(inside));
}
