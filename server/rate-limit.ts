/** Per-client token bucket. Buckets that have refilled completely are forgotten. */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedMs: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token; returns 0 when allowed, else the seconds until a token is available. */
  take(client: string): number {
    const nowMs = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, updatedMs: nowMs };
    const refilled = ((nowMs - bucket.updatedMs) / 1000) * this.perSecond;
    bucket.tokens = Math.min(this.burst, bucket.tokens + refilled);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.buckets.set(client, bucket);
      return 0;
    }
    this.buckets.set(client, bucket);
    if (this.perSecond <= 0) return 60;
    return Math.ceil((1 - bucket.tokens) / this.perSecond);
  }

  /** Drops buckets that are full again, keeping memory bounded by recent clients. */
  sweep(): void {
    const nowMs = this.now();
    for (const [client, bucket] of this.buckets) {
      const tokens = bucket.tokens + ((nowMs - bucket.updatedMs) / 1000) * this.perSecond;
      if (tokens >= this.burst) this.buckets.delete(client);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
