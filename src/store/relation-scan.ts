/** Positions tested between two looks at the clock. */
const stride = 1024;

/**
 * A search over candidate positions (already filtered and in the query's order) that runs only as far as it
 * is asked: a list needs its first screenful now, and the count of the rest can follow in idle time. Matches
 * are kept in place in the candidates' own buffer (a match is never written ahead of the position being
 * tested), so a scan allocates nothing as it goes.
 */
export class RelationScan {
  private tested = 0;
  private found = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * `positions` is the scan's own buffer; its first `length` entries are the candidates. `valid` turns false
   * when the index changes under the scan (its positions then mean other relations): the scan stops there.
   */
  constructor(
    private readonly positions: Int32Array,
    private readonly length: number,
    private readonly accepts: (position: number) => boolean,
    private readonly valid: () => boolean,
  ) {}

  /** Matches found so far: the total once `done`. */
  get count(): number {
    return this.found;
  }

  get done(): boolean {
    return this.tested >= this.length;
  }

  /** Tests candidates until `wanted` matches are known, `deadline` (`performance.now()`) passes, or none are left. */
  advance(wanted = Number.POSITIVE_INFINITY, deadline = Number.POSITIVE_INFINITY): void {
    if (!this.valid()) this.tested = this.length;
    const { positions, accepts } = this;
    let tested = this.tested;
    let found = this.found;
    while (tested < this.length && found < wanted) {
      const end = Math.min(this.length, tested + stride);
      for (; tested < end && found < wanted; tested++) {
        const at = positions[tested]!;
        if (accepts(at)) positions[found++] = at;
      }
      if (deadline !== Number.POSITIVE_INFINITY && performance.now() >= deadline) break;
    }
    this.tested = tested;
    this.found = found;
    if (this.done) for (const resolve of this.waiting.splice(0)) resolve();
  }

  /** The matches found so far, in order. */
  matches(): Int32Array {
    return this.positions.subarray(0, this.found);
  }

  /**
   * What can still match a narrower search: the matches so far, then the candidates not yet tested. A copy,
   * since this scan keeps using its own buffer.
   */
  narrowed(): Int32Array {
    const rest = this.positions.subarray(this.tested, this.length);
    const next = new Int32Array(this.found + rest.length);
    next.set(this.matches());
    next.set(rest, this.found);
    return next;
  }

  /** Resolves once every candidate is tested (counted in idle time by `countInIdleTime`). */
  whenDone(): Promise<void> {
    if (this.done) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Finishes the scan in slices while the page is idle, so that counting never delays a frame or a keystroke. */
  countInIdleTime(): void {
    if (this.done) return;
    const slice = (budgetMs: number) => {
      this.advance(Number.POSITIVE_INFINITY, performance.now() + budgetMs);
      if (!this.done) later(slice);
    };
    later(slice);
  }
}

/** Runs `work` with a budget in milliseconds: in the browser's idle time where it has one, else after a task. */
function later(work: (budgetMs: number) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => work(Math.max(1, Math.min(deadline.timeRemaining(), 8))), { timeout: 200 });
  } else {
    setTimeout(() => work(5));
  }
}
