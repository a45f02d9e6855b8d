import type { Me } from '../contract/index.js';
import type { RelationsClient, TokenSource } from '../sdk/index.js';
import { openCache, partitionName, type Cache } from './cache.js';
import { primeFirst, type PrimedFirst } from './queries/relations.js';
import { firstScreenRows } from './relation-blocks.js';
import { recallSignIn, rememberSignIn, whoSignsIn } from './sign-in.js';

export interface OpenOptions {
  /**
   * The token source the client uses. Without the network, the store opens a cached partition only when
   * this token signed in as its user here before; without it, the store never opens offline.
   */
  getToken?: TokenSource | undefined;
}

/** A user's cache, opened with what a store reads first: when it last synced, and the first screenful. */
export interface Partition {
  name: string;
  cache: Cache;
  lastSyncAt: string | null;
  first: PrimedFirst;
}

export async function openPartition(name: string, onBlocking: () => void): Promise<Partition> {
  const cache = await openCache(name, onBlocking);
  // All the kept first screen holds: more than a screenful, whatever the list's height.
  const first = primeFirst(cache, firstScreenRows);
  const lastSyncAt = ((await cache.get('meta', 'lastSyncAt')) as string | undefined) ?? null;
  return { name, cache, lastSyncAt, first };
}

/**
 * The signed-in user (`whoSignsIn`) and their partition, opened. While getMe travels, the partition of the
 * user this token signed in as here before is opened and its first screenful read, so a warm start waits for
 * the longer of the two instead of both in turn. Nothing of it is used before getMe confirms that user:
 * another user's answer closes it unread.
 */
export async function signedInPartition(
  client: RelationsClient, getToken: TokenSource | undefined, onBlocking: () => void,
): Promise<{ me: Me; partition: Partition; remembering?: Promise<void> | undefined }> {
  const recalled = recallSignIn(client.baseUrl, getToken).catch(() => undefined);
  const early = recalled.then((known) => (known ? openPartition(partitionName(client.baseUrl, known), onBlocking) : undefined));
  let signedIn: Awaited<ReturnType<typeof whoSignsIn>>;
  try {
    signedIn = await whoSignsIn(client, getToken);
  } catch (error) {
    void early.then((partition) => partition?.cache.close());
    throw error;
  }
  const name = partitionName(client.baseUrl, signedIn.me);
  const ready = await early.catch(() => undefined);
  if (ready && ready.name !== name) ready.cache.close();
  const partition = ready?.name === name ? ready : await openPartition(name, onBlocking);
  // Remembered already when this token's sign-in was recalled as this very user: nothing to write (a warm
  // start waited for the same record to be written again).
  const known = await recalled;
  const remembered = known !== undefined && sameJson(known, signedIn.me);
  const remembering = signedIn.online && !remembered ? rememberSignIn(client.baseUrl, getToken, signedIn.me) : undefined;
  return { me: signedIn.me, partition, remembering };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
