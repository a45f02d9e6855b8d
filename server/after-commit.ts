import type { Queryable } from './db/database.js';

/** Work that must happen only once a write transaction has committed, by transaction (see `holdAfterCommit`). */
const waiting = new WeakMap<Queryable, (() => Promise<void>)[]>();

/**
 * From now on `afterCommit` on `tx` keeps its work until `takeAfterCommit`, whose caller runs it once the
 * transaction has committed. An e-mail then goes out for a write that is stored, once: not for one that rolls
 * back, and not again when an aborted transaction (a deadlock broken by PostgreSQL) runs a second time.
 */
export function holdAfterCommit(tx: Queryable): void {
  waiting.set(tx, []);
}

/** Runs `work` after the commit of `tx`, or at once where nobody holds it (scripts and tests). */
export async function afterCommit(tx: Queryable, work: () => Promise<void>): Promise<void> {
  const held = waiting.get(tx);
  if (held) held.push(work);
  else await work();
}

/** The work held for `tx`, to run after it committed. */
export function takeAfterCommit(tx: Queryable): (() => Promise<void>)[] {
  const held = waiting.get(tx) ?? [];
  waiting.delete(tx);
  return held;
}
