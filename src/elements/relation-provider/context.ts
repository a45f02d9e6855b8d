import { createContext } from '@lit/context';
import type { Locale } from '../../i18n/messages.js';

/** Returns the bearer token for the next request; called before every request, so it may refresh. */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

/** Where the backend is and how to reach it, as the host configured it on `<relation-provider>`. */
export interface Connection {
  readonly baseUrl: string;
  readonly getToken: TokenSource | undefined;
  readonly fetch: typeof globalThis.fetch | undefined;
}

/*
 * String keys, not symbols: a page that loads two copies of relation-elements still pairs each element
 * with the nearest provider, whichever copy defined it.
 */
export const localeContext = createContext<Locale>('relation-elements/locale');
export const connectionContext = createContext<Connection>('relation-elements/connection');
