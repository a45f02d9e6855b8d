import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Me } from '../contract/index.js';
import { NetworkError, type RelationsClient, type TokenSource } from '../sdk/index.js';
import { absoluteUrl, partitionName } from './cache.js';

/**
 * Which cached partition belongs to which sign-in, so that a store can open without the network only for
 * the user who is signing in now. A sign-in is known by a keyed hash of the backend and the token: HMAC-SHA-256
 * under a key that is generated here once and never leaves this browser's IndexedDB (non-extractable: no
 * script can read it, so a proof cannot be computed elsewhere or reversed into the token). The token itself
 * is never stored. A user whose token this browser has not seen online gets no cached data offline.
 */

interface SignInSchema extends DBSchema {
  keys: { key: string; value: CryptoKey };
  signIns: { key: string; value: { proof: string; partition: string; me: Me }; indexes: { partition: string } };
}

const databaseName = 'relation-elements:sign-ins';
const keyName = 'hmac';

function openSignIns(): Promise<IDBPDatabase<SignInSchema>> {
  return openDB<SignInSchema>(databaseName, 1, {
    upgrade(db) {
      db.createObjectStore('keys');
      db.createObjectStore('signIns', { keyPath: 'proof' }).createIndex('partition', 'partition');
    },
  });
}

/** WebCrypto's subtle API exists only in secure contexts (https, localhost); elsewhere nothing is remembered. */
const subtle = (): SubtleCrypto | undefined => globalThis.crypto?.subtle;

async function hmacKey(db: IDBPDatabase<SignInSchema>, subtle: SubtleCrypto): Promise<CryptoKey> {
  const existing = await db.get('keys', keyName);
  if (existing) return existing;
  const generated = await subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  // Another tab may have stored its key meanwhile: the first one stored is the key of this browser.
  const tx = db.transaction('keys', 'readwrite');
  const raced = await tx.store.get(keyName);
  if (!raced) await tx.store.put(generated, keyName);
  await tx.done;
  return raced ?? generated;
}

async function proofOf(db: IDBPDatabase<SignInSchema>, subtle: SubtleCrypto, baseUrl: string, token: string): Promise<string> {
  const key = await hmacKey(db, subtle);
  const signature = await subtle.sign('HMAC', key, new TextEncoder().encode(`${absoluteUrl(baseUrl)}\n${token}`));
  return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function currentToken(getToken: TokenSource | undefined): Promise<string | null> {
  try {
    return (await getToken?.()) || null;
  } catch {
    return null;
  }
}

/** The backend confirmed who `getToken`'s token belongs to: remember it, replacing this user's older tokens. */
export async function rememberSignIn(baseUrl: string, getToken: TokenSource | undefined, me: Me): Promise<void> {
  // Earlier versions kept the last user here in plain text and opened their cache for anyone offline.
  localStorage.removeItem(`relation-elements:last-user:${baseUrl}`);
  const crypto = subtle();
  const token = await currentToken(getToken);
  if (!crypto || !token) return;
  const db = await openSignIns();
  try {
    const proof = await proofOf(db, crypto, baseUrl, token);
    const partition = partitionName(baseUrl, me);
    const tx = db.transaction('signIns', 'readwrite');
    for (const older of await tx.store.index('partition').getAllKeys(partition)) if (older !== proof) await tx.store.delete(older);
    await tx.store.put({ proof, partition, me });
    await tx.done;
  } finally {
    db.close();
  }
}

/** The user that `getToken`'s token signed in as on this backend before, if this browser saw it online. */
export async function recallSignIn(baseUrl: string, getToken: TokenSource | undefined): Promise<Me | undefined> {
  const crypto = subtle();
  const token = await currentToken(getToken);
  if (!crypto || !token) return undefined;
  const db = await openSignIns();
  try {
    return (await db.get('signIns', await proofOf(db, crypto, baseUrl, token)))?.me;
  } finally {
    db.close();
  }
}

/**
 * The user a store opens for: the one `getMe` names (`online`: to remember for offline starts), or without a
 * connection the one `getToken`'s token signed in as here before; else the NetworkError, and no one's data.
 */
export async function whoSignsIn(client: RelationsClient, getToken: TokenSource | undefined): Promise<{ me: Me; online: boolean }> {
  try {
    return { me: await client.getMe(), online: true };
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const known = await recallSignIn(client.baseUrl, getToken);
    if (!known) throw new NetworkError('getMe', new Error(`offline, and this browser holds no cache of the current sign-in (${error.message})`));
    return { me: known, online: false };
  }
}

/** Forgets every sign-in that opens `partition`: after a sign-out, no token opens it offline. */
export async function forgetSignIns(partition: string): Promise<void> {
  const db = await openSignIns();
  try {
    const tx = db.transaction('signIns', 'readwrite');
    for (const proof of await tx.store.index('partition').getAllKeys(partition)) await tx.store.delete(proof);
    await tx.done;
  } finally {
    db.close();
  }
}
