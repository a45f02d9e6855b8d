// The seed worker (see `seedInWorker`): makes each tenant's seed and posts it as CSV, chunk by chunk.
import { parentPort, workerData } from 'node:worker_threads';
import { csvLines } from '../../db/csv.js';
import type { SeedOptions } from '../generate.js';
import { seedHere, type SeedWorkerMessage } from './source.js';

const port = parentPort!;
const encoder = new TextEncoder();
for await (const chunk of seedHere(workerData as SeedOptions[])) {
  if (!('rows' in chunk)) continue;
  const csv = encoder.encode(csvLines(chunk.rows));
  const message: SeedWorkerMessage = { chunk: { tenant: chunk.tenant, table: chunk.table, columns: chunk.columns, csv } };
  port.postMessage(message, [csv.buffer]);
}
port.postMessage({ end: true } satisfies SeedWorkerMessage);
