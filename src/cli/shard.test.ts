import { describe, expect, it } from 'vitest';
import { parseShard, selectShard, shardOf } from './shard';
import { UsageError } from './usage-error';

const paths = Array.from({ length: 500 }, (_, i) => `assets/set-${i % 7}/image-${i}.png`);

describe('--shard', () => {
  it('parses K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('4/8')).toEqual({ index: 4, count: 8 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '1/2/3', '-1/2'])
      expect(() => parseShard(bad)).toThrow(UsageError);
  });

  it('puts every input in exactly one shard', () => {
    for (const count of [1, 2, 3, 8]) {
      const shards = Array.from({ length: count }, (_, i) =>
        selectShard(paths, { index: i + 1, count }, (path) => path),
      );
      const union = shards.flat();
      expect(union.length).toBe(paths.length);
      expect(new Set(union)).toEqual(new Set(paths));
      // Hash-based shares are roughly even on a large set.
      for (const shard of shards) expect(shard.length).toBeGreaterThan(paths.length / count / 2);
    }
  });

  it('does not depend on the order or on the other files', () => {
    const shuffled = [...paths].reverse();
    const shard = { index: 2, count: 3 };
    expect(new Set(selectShard(shuffled, shard, (p) => p))).toEqual(
      new Set(selectShard(paths, shard, (p) => p)),
    );
    expect(selectShard(['assets/set-0/image-0.png'], shard, (p) => p).length).toBe(
      shardOf('assets/set-0/image-0.png', 3) === 2 ? 1 : 0,
    );
  });
});
