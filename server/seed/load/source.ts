import { Worker } from 'node:worker_threads';
import { generateSeed, type SeedOptions } from '../generate.js';
import { seedTables } from './tables.js';

/**
 * A part of the seed as the loader takes it: rows of one table of one tenant, either as values (inserted with
 * bound parameters, or turned into CSV by the loader) or already as the CSV `Queryable.copyCsv` takes, encoded.
 */
export type SeedChunk = { tenant: { id: string; name: string }; table: string; columns: readonly string[] } &
  ({ rows: unknown[][] } | { csv: Uint8Array<ArrayBuffer> });

/** The seed of every tenant, chunk by chunk in load order; `close` stops whatever is still making it. */
export interface SeedSource extends AsyncIterable<SeedChunk> {
  close(): void;
}

/** The demo tenant with `relations` relations, and the small second tenant `acme` that proves isolation. */
export function seedTenants(relations: number): SeedOptions[] {
  return [{ tenant: 'demo', relations }, { tenant: 'acme', relations: Math.min(200, relations) }];
}

/** Rows per chunk, so a COPY of one chunk can run while the next is being made: a few megabytes of CSV. */
export const rowsPerChunk = 20_000;

/** Chunks of `tenants`' seeds made here, when iterated. */
export function seedHere(tenants: readonly SeedOptions[]): SeedSource {
  return {
    async *[Symbol.asyncIterator]() {
      for (const options of tenants) {
        const seed = generateSeed(options);
        const tenant = { id: seed.tenant.id, name: seed.tenant.name };
        for (const { table, columns, count, rows } of seedTables(seed)) {
          for (let start = 0; start < count; start += rowsPerChunk) yield { tenant, table, columns, rows: rows(start, start + rowsPerChunk) };
        }
      }
    },
    close() {},
  };
}

/** What the worker posts: a chunk as CSV, or the end of the seed. */
export type SeedWorkerMessage = { chunk: SeedChunk & { csv: Uint8Array<ArrayBuffer> } } | { end: true };

/**
 * The seeds made in a worker thread, started now and as CSV: generating 100,000 relations and writing them as
 * CSV is ~6 s of JavaScript, which then runs beside opening a new data dir and beside each COPY of the chunk
 * before (the database runs on this thread) instead of before them. The worker needs the loader this process
 * runs TypeScript with (tsx), which it inherits with the process's `execArgv`.
 */
export function seedInWorker(tenants: readonly SeedOptions[]): SeedSource {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), { workerData: tenants });
  const received: SeedWorkerMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: SeedWorkerMessage) => {
    received.push(message);
    notify();
  });
  worker.on('error', (error) => {
    failure = error;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the seed worker stopped (exit code ${code}) before the seed was complete`);
    notify();
  });
  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const message = received.shift();
        if (message && 'end' in message) return;
        if (message) {
          yield message.chunk;
          continue;
        }
        if (failure) throw failure;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    close() {
      failure ??= new Error('the seed was closed');
      void worker.terminate();
    },
  };
}
