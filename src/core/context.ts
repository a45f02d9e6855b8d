import { createContext } from '@lit/context';
import type { Locale } from '../i18n/messages.js';
import type { RelationsClient, TokenSource } from '../sdk/index.js';
import type { RelationsStore } from '../store/index.js';

/** Where the backend is and how to reach it, as the host configured it on `<relation-provider>`. */
export interface Connection {
  readonly baseUrl: string;
  readonly getToken: TokenSource | undefined;
  readonly fetch: typeof globalThis.fetch | undefined;
}

/*
 * The one home of the context keys the provider offers and every element consumes.
 * String keys, not symbols: a page that loads two copies of relation-elements still pairs each element
 * with the nearest provider, whichever copy defined it.
 */
export const localeContext = createContext<Locale>('relation-elements/locale');
export const connectionContext = createContext<Connection>('relation-elements/connection');
/** The client every element inside the provider shares; undefined until the provider is configured. */
export const clientContext = createContext<RelationsClient | undefined>('relation-elements/client');
/** The store every element reads and writes through; undefined until it has opened for the signed-in user. */
export const storeContext = createContext<RelationsStore | undefined>('relation-elements/store');
