import type { Address, AddressCreate, Relation, RelationCreate, RelationPatch, RelationStatus } from '../src/contract/index.js';
import type { RelationsStore } from '../src/store/index.js';

/**
 * Data for stories, straight from the reference backend Storybook serves at /api/v1 (see .storybook/main.ts;
 * `npm start` serves it next to a built Storybook). Loaders find seeded relations by name, or create the
 * relation a story needs, so the story shows real data and real answers of the backend.
 */

const api = '/api/v1';

/** One of the seeded demo users; Anna is the one the stories' provider signs in as. */
export type DemoUser = 'demo-anna' | 'demo-bram';

async function call<T>(path: string, init: RequestInit & { as?: DemoUser; ifMatch?: number } = {}): Promise<T> {
  const { as = 'demo-anna', ifMatch, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('Authorization', `Bearer ${as}`);
  if (rest.body !== undefined) headers.set('Content-Type', 'application/json');
  if (ifMatch !== undefined) headers.set('If-Match', `"${ifMatch}"`);
  const response = await fetch(`${api}${path}`, { ...rest, headers });
  if (!response.ok) throw new Error(`${rest.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The first relation a search finds (optionally of one status), as Anna sees it; an error when none is. */
export async function findRelation(q: string, status?: RelationStatus): Promise<Relation> {
  const query = new URLSearchParams({ limit: '1', sort: 'name' });
  if (q) query.set('q', q);
  if (status) query.set('status', status);
  const { items } = await call<{ items: Relation[] }>(`/relations?${query}`);
  if (!items[0]) throw new Error(`No relation found for "${q}"${status ? ` with status ${status}` : ''}`);
  return items[0];
}

/** Creates a relation on the backend, as Anna unless told otherwise. */
export function createRelation(body: RelationCreate, as: DemoUser = 'demo-anna'): Promise<Relation> {
  return call<Relation>('/relations', { method: 'POST', body: JSON.stringify(body), as });
}

/** Changes a relation on the backend as a colleague would: at `version`, as `as`. */
export function patchRelation(id: string, version: number, body: RelationPatch, as: DemoUser): Promise<Relation> {
  return call<Relation>(`/relations/${id}`, { method: 'PATCH', body: JSON.stringify(body), as, ifMatch: version });
}

/** Adds an address to a relation on the backend, as Anna. */
export function addAddress(relationId: string, body: AddressCreate): Promise<Address> {
  return call<Address>(`/relations/${relationId}/addresses`, { method: 'POST', body: JSON.stringify(body) });
}

/** A name no earlier visit of the story used, so every visit starts from a relation of its own. */
export function fresh(name: string): string {
  return `${name} ${new Date().toISOString().slice(11, 19)}`;
}

/**
 * Runs `then` once with the store of the provider the story renders, after its first sync, and the provider
 * itself (to find the story's element in): listen with `@relation-store-ready=${whenReady(...)}` on an
 * element around the provider (the event bubbles).
 */
export function whenReady(
  then: (store: RelationsStore, provider: HTMLElement) => Promise<void> | void,
): (event: CustomEvent<{ store: RelationsStore }>) => void {
  let done = false;
  return (event) => {
    if (done) return;
    done = true;
    const { store } = event.detail;
    const provider = event.target as HTMLElement;
    void store
      .sync()
      .catch(() => undefined)
      .then(() => then(store, provider))
      .catch((error: unknown) => console.error('story setup failed', error));
  };
}
