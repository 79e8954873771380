/**
 * Turns the positional arguments into the sorted, de-duplicated list of input files. An argument
 * that names an existing file is taken literally (even with glob characters in its name);
 * otherwise it is a glob pattern. Arguments that match no file are reported back.
 */
import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { byPath, glob, hasMagic, type GlobMatch } from './glob';

export interface InputList {
  files: GlobMatch[];
  /** Arguments that matched no file (a missing literal file or an empty glob). */
  unmatched: string[];
}

const isFile = (path: string) =>
  stat(path).then(
    (s) => s.isFile(),
    () => false,
  );

export async function expandInputs(args: readonly string[]): Promise<InputList> {
  const found = new Map<string, GlobMatch>();
  const unmatched: string[] = [];
  for (const arg of args) {
    let matches: GlobMatch[] = [];
    if (await isFile(arg)) matches = [{ path: arg, base: posix.dirname(arg) }];
    else if (hasMagic(arg)) matches = await glob(arg);
    if (matches.length === 0) unmatched.push(arg);
    for (const match of matches) if (!found.has(match.path)) found.set(match.path, match);
  }
  return { files: [...found.values()].sort(byPath), unmatched };
}
