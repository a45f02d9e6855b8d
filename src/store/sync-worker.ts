/*
 * The sync worker: fetches each page of the change feed and reads it off the main thread (decoding, parsing
 * and checking its megabytes of JSON), and writes it into the cache, so a first sync's long tasks happen here
 * and the page stays free to type and scroll (issue 11). The page gives the token for each request; a host
 * whose own `fetch` carries its requests fetches on the page and hands over the bytes. What comes back is
 * what the in-memory index needs: each relation log record, and the page's summary. Pages are applied one at
 * a time, in order, while the next one is fetched. See `sync-worker-link.ts` for the other side.
 */
import { readChangePage } from '../sdk/change-page.js';
import { createRelationsClient } from '../sdk/client.js';
import { ApiError, ContractError, NetworkError } from '../sdk/errors.js';
import { compactAddresses } from './address-blocks.js';
import { applyChanges, pageInfo } from './apply.js';
import { openCache, type Cache } from './cache.js';
import { compactRelations } from './relation-blocks.js';
import type { FetchRequest, WorkerFailure, WorkerReply, WorkerRequest } from './sync-worker-link.js';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

let open: { name: string; cache: Promise<Cache> } | undefined;

function cacheNamed(name: string): Promise<Cache> {
  if (open?.name === name) return open.cache;
  void open?.cache.then((cache) => cache.close(), () => undefined);
  const opening = { name, cache: Promise.resolve<Cache>(undefined as never) };
  // Deleted (a sign-out) or upgraded elsewhere: let go at once; the next request opens it again.
  opening.cache = openCache(name, () => {
    void opening.cache.then((cache) => cache.close());
    if (open === opening) open = undefined;
  });
  open = opening;
  return opening.cache;
}

/** Pages fetched here and not applied yet, by the id of the request that fetched them. */
const fetched = new Map<number, ArrayBuffer>();

async function fetchPage({ id, client, since, limit }: FetchRequest): Promise<void> {
  const body = await createRelationsClient({ ...client, getToken: () => client.token }).listChangesBody({ since, limit });
  fetched.set(id, body);
  // Pages are applied in order, one fetched ahead: older ones were left by a pull that stopped.
  for (const older of fetched.keys()) if (fetched.size > 2) fetched.delete(older);
  scope.postMessage({ id, fetched: true });
}

async function handle(request: Exclude<WorkerRequest, FetchRequest>): Promise<void> {
  const { id } = request;
  const cache = await cacheNamed(request.cache);
  if (request.type === 'compact') {
    // The log is read back here rather than kept: a first sync's log is every relation, and keeping them in
    // this worker's heap as well as the page's made the first sync of 100,000 take 69.5 s instead of 57.4 s
    // (bench/store, one run each), most likely in collecting a heap that large; reading back takes ~2 s.
    await compactRelations(cache);
    await compactAddresses(cache);
    scope.postMessage({ id, compacted: true });
    return;
  }
  const body = typeof request.body === 'number' ? fetched.get(request.body) : request.body;
  if (typeof request.body === 'number') fetched.delete(request.body);
  if (!body) throw new Error(`no page was fetched as ${request.body}`);
  const page = readChangePage(new TextDecoder().decode(body));
  scope.postMessage({ id, parsed: pageInfo(page) });
  const applied = await applyChanges(cache, page.items, page.nextCursor);
  // A record per message: the page deserialises each on its own, never a page's worth in one task.
  for (const [key, record] of applied.logged) scope.postMessage({ id, record: [key, record] });
  scope.postMessage({ id, applied: { touched: [...applied.touched], addresses: applied.addresses } });
}

function failure(error: unknown): WorkerFailure {
  if (error instanceof ApiError) return { kind: 'api', status: error.status, problem: error.problem };
  if (error instanceof NetworkError) return { kind: 'network', message: error.cause instanceof Error ? error.cause.message : String(error.cause) };
  if (error instanceof ContractError) return { kind: 'contract', issues: error.issues.map(({ path, message }) => ({ path: path.map(String), message })) };
  return { kind: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}

let queue = Promise.resolve();
scope.onmessage = ({ data }) => {
  const failed = (error: unknown) => scope.postMessage({ id: data.id, failed: failure(error) });
  // A fetch starts at once, beside the page being written; writes wait for each other.
  if (data.type === 'fetch') fetchPage(data).catch(failed);
  else queue = queue.then(() => handle(data)).catch(failed);
};
