import { describe, expect, it } from 'vitest';
import { resultNotices } from './notices';

describe('resultNotices', () => {
  it('says how many centerline strokes were left out, and nothing when none were', () => {
    expect(resultNotices({ paths: 20_000, strokesLeftOut: 312 })).toEqual([
      expect.stringMatching(
        /^Centerline mode wrote the 20000 longest strokes and left out 312 shorter ones/,
      ),
    ]);
    expect(resultNotices({ paths: 12, strokesLeftOut: 0 })).toEqual([]);
    // A result stored before the count existed.
    expect(resultNotices({ paths: 12 } as never)).toEqual([]);
  });
});
