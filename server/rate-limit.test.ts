import { describe, expect, it } from 'vitest';
import { TokenBucketLimiter } from './rate-limit.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst, then refills at the configured rate, per client', () => {
    let nowMs = 0;
    const limiter = new TokenBucketLimiter(2, 1, () => nowMs);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    nowMs += 1000;
    expect(limiter.take('a')).toBe(0);
  });

  it('forgets clients whose bucket is full again', () => {
    let nowMs = 0;
    const limiter = new TokenBucketLimiter(2, 1, () => nowMs);
    limiter.take('a');
    nowMs += 5000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});
