import { nextTask } from '../sdk/next-task.js';

/**
 * Real time a slice of IndexedDB writes may take before the page gets the main thread back. Each `put` copies
 * its value on the main thread; on a phone (four times slower, as Lighthouse's mobile profile assumes) 10 ms
 * here is 40 ms there, under the 50 ms after which a task counts as blocking.
 */
export const sliceBudgetMs = 10;

/**
 * Cuts a run of writes in one transaction into slices of about `budgetMs`: after a write made past the budget,
 * `after` waits for that write's answer, which arrives in a task of its own, so the page handles input and
 * paints in between. The transaction stays open, since the next requests are made from a request's callback.
 */
export class WriteSlices {
  private started = performance.now();

  /** Without a document (the sync worker, Node) nothing on this thread paints or takes input: one slice. */
  constructor(private readonly budgetMs = typeof document === 'undefined' ? Number.POSITIVE_INFINITY : sliceBudgetMs) {}

  /** Call after each write: resolves at once within the budget, else once `write` is answered. */
  async after(write: Promise<unknown>): Promise<void> {
    if (performance.now() - this.started < this.budgetMs) return;
    await write;
    this.started = performance.now();
  }
}

/**
 * Runs `step` in tasks of about `sliceBudgetMs` until it reports nothing left (`step` works until the deadline
 * it is given, a `performance.now()`, and returns whether any is left), or until `live()` turns false.
 */
export async function inSlices(step: (deadline: number) => boolean, live: () => boolean): Promise<void> {
  while (live() && step(performance.now() + sliceBudgetMs)) await nextTask();
}
