/**
 * `--shard K/N`: run only the K-th of N shares of the inputs (K from 1 to N). A file's share is
 * fixed by a hash of its path, so every file lands in exactly one shard, independent of the order
 * files were found in and of which other files exist.
 */
import { UsageError } from './usage-error';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/8 (got "${text}").`);
  return { index, count };
}

/** 32-bit FNV-1a over the UTF-16 code units of the path. */
function pathHash(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) {
    hash ^= path.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export function shardOf(path: string, count: number): number {
  return (pathHash(path) % count) + 1;
}

export function selectShard<T>(
  items: readonly T[],
  shard: Shard,
  pathOf: (item: T) => string,
): T[] {
  return items.filter((item) => shardOf(pathOf(item), shard.count) === shard.index);
}
