// Counting per key (a client's address) in fixed windows: `hit` says whether the key is still
// under its limit in the current window. Nothing is written to disk; old windows are forgotten.
export class RateLimiter {
  private counts = new Map<string, number>();
  private windowStart: number;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.windowStart = now();
  }

  private roll(): void {
    const t = this.now();
    if (t - this.windowStart >= this.windowMs) {
      this.counts.clear();
      this.windowStart = t;
    }
  }

  /** Counts one for `key`; false once it is past the limit in this window. */
  hit(key: string): boolean {
    this.roll();
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.limit;
  }

  /** Whether `key` is already past the limit (counts nothing). */
  blocked(key: string): boolean {
    this.roll();
    return (this.counts.get(key) ?? 0) >= this.limit;
  }

  /** Seconds until the window turns. */
  retryAfter(): number {
    return Math.max(1, Math.ceil((this.windowStart + this.windowMs - this.now()) / 1000));
  }
}
