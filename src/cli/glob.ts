/**
 * A small glob matcher for input patterns (Node 20 has no fs.glob): `*` and `?` within one path
 * segment, `[abc]` / `[!abc]` classes, `**` for any number of folders, and `{a,b}` alternatives
 * (nested allowed). As in shells, `*` and `?` do not match a leading dot, and `**` does not descend
 * into hidden folders or follow symbolic links to folders. Paths use `/`.
 */
import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { posix } from 'node:path';

const MAGIC = /[*?[{]/;

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Expands `{a,b}` alternatives: 'x.{png,jp{e,}g}' → ['x.png', 'x.jpeg', 'x.jpg']. */
export function expandBraces(pattern: string): string[] {
  for (let open = pattern.indexOf('{'); open !== -1; open = pattern.indexOf('{', open + 1)) {
    const parts: string[] = [];
    let depth = 0;
    let start = open + 1;
    for (let i = open + 1; i < pattern.length; i++) {
      const char = pattern[i];
      if (char === '{') depth++;
      else if (char === '}' && depth > 0) depth--;
      else if (char === ',' && depth === 0) {
        parts.push(pattern.slice(start, i));
        start = i + 1;
      } else if (char === '}') {
        if (parts.length === 0) break; // '{x}' has no alternatives: literal braces
        parts.push(pattern.slice(start, i));
        const before = pattern.slice(0, open);
        const after = pattern.slice(i + 1);
        return parts.flatMap((part) => expandBraces(before + part + after));
      }
    }
  }
  return [pattern];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A RegExp for one path segment (no '/'), e.g. '*.png' or 'img-[0-9]?.jpg'. */
export function segmentRegExp(segment: string): RegExp {
  let source = segment.startsWith('.') ? '' : '(?!\\.)';
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '[' && segment.indexOf(']', i + 2) !== -1) {
      const close = segment.indexOf(']', i + 2);
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      source += (negate ? '[^/' : '[') + body.replace(/[\\\]^]/g, '\\$&') + ']';
      i = close;
    } else source += escapeRegExp(char);
  }
  return new RegExp(`^${source}$`);
}

export interface GlobMatch {
  path: string;
  /** The pattern's literal leading folder ('assets' for 'assets/**\/*.png'; '.' if none). */
  base: string;
}

/** Code-unit order of paths: the same on every machine, whatever the locale. */
export function byPath(a: GlobMatch, b: GlobMatch): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return []; // a missing or unreadable folder matches nothing
  }
}

async function kind(path: string, entry: Dirent): Promise<'file' | 'dir' | 'other'> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return 'other';
  try {
    const target = await stat(path);
    return target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
  } catch {
    return 'other';
  }
}

function join(dir: string, name: string): string {
  if (dir === '.') return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

async function walk(dir: string, segments: string[], found: string[]): Promise<void> {
  const [head, ...tail] = segments;
  if (head === '**') {
    if (tail.length === 0) return walk(dir, ['**', '*'], found);
    await walk(dir, tail, found);
    for (const entry of await entries(dir))
      if (entry.isDirectory() && !entry.name.startsWith('.'))
        await walk(join(dir, entry.name), segments, found);
    return;
  }
  const matcher = segmentRegExp(head);
  for (const entry of await entries(dir)) {
    if (!matcher.test(entry.name)) continue;
    const path = join(dir, entry.name);
    const type = await kind(path, entry);
    if (tail.length === 0 && type === 'file') found.push(path);
    else if (tail.length > 0 && type === 'dir') await walk(path, tail, found);
  }
}

/** The files one pattern matches, sorted. A pattern without magic matches itself if it is a file. */
export async function glob(pattern: string): Promise<GlobMatch[]> {
  const found: GlobMatch[] = [];
  for (const alternative of expandBraces(pattern)) {
    const segments = alternative.split('/').filter((segment, i) => segment !== '' || i === 0);
    const firstMagic = segments.findIndex(hasMagic);
    if (firstMagic === -1) {
      const isFile = await stat(alternative).then(
        (s) => s.isFile(),
        () => false,
      );
      if (isFile) found.push({ path: alternative, base: posix.dirname(alternative) });
      continue;
    }
    const base = segments.slice(0, firstMagic).join('/') || (segments[0] === '' ? '/' : '.');
    const paths: string[] = [];
    await walk(base, segments.slice(firstMagic), paths);
    for (const path of paths) found.push({ path, base });
  }
  return found.sort(byPath);
}
