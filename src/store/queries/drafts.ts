import type { Cache } from '../cache.js';

/**
 * What a user typed and has not saved yet, kept in their own cache partition (so never offered to another
 * user) under a key the element chooses, e.g. `relation:<id>:details`. It survives a reload or a crash.
 */
export interface Draft<V = Record<string, unknown>> {
  values: V;
  /** The version of the entity the user was editing, to tell whether it changed meanwhile. */
  baseVersion: number | null;
  savedAt: string;
}

const prefix = 'draft:';

export async function draftOf<V>(cache: Cache, key: string): Promise<Draft<V> | undefined> {
  return (await cache.get('meta', prefix + key)) as Draft<V> | undefined;
}

export async function saveDraft<V>(cache: Cache, key: string, values: V, baseVersion: number | null): Promise<void> {
  const draft: Draft<V> = { values, baseVersion, savedAt: new Date().toISOString() };
  await cache.put('meta', draft, prefix + key);
}

export async function discardDraft(cache: Cache, key: string): Promise<void> {
  await cache.delete('meta', prefix + key);
}
