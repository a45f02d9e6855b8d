import type { Locale, Module } from '../../../contract/index.js';
import { NetworkError } from '../../../sdk/index.js';
import type { RelationsStore } from '../../../store/index.js';

/** The modules the backend declares, and whether they are the answer kept from an earlier request. */
export interface ModuleList {
  modules: Module[];
  /** The backend could not be reached: these are the modules of an earlier answer. */
  kept: boolean;
}

/**
 * The last answer per backend, user's cache partition and language, in memory for as long as the page
 * lives: enough to keep the card's preferences and documents usable when the connection drops after the
 * page fetched them once. Keyed by the partition too, so that after a switch of user (another tenant, whose
 * host may have other modules) the previous user's list is never shown. It is not written to IndexedDB (the
 * store's cache has no module table); a page opened offline has none.
 */
const lastAnswer = new Map<string, Module[]>();

/**
 * The host's modules (`GET /modules`, every page); without a connection the last answer for this store's
 * user, when there is one. Given only a client (no user known), nothing is kept or served from memory.
 */
export async function loadModules(
  source: Pick<RelationsStore, 'client' | 'name'> | RelationsStore['client'],
  locale: Locale,
  signal?: AbortSignal,
): Promise<ModuleList> {
  const [client, partition] = 'client' in source ? [source.client, source.name] : [source, undefined];
  const key = partition === undefined ? undefined : `${client.baseUrl}\n${partition}\n${locale}`;
  try {
    const modules: Module[] = [];
    for await (const page of client.pages('listModules', {}, signal ? { signal } : {})) modules.push(...page.items);
    if (key !== undefined) lastAnswer.set(key, modules);
    return { modules, kept: false };
  } catch (error) {
    const kept = key === undefined ? undefined : lastAnswer.get(key);
    if (error instanceof NetworkError && kept) return { modules: kept, kept: true };
    throw error;
  }
}

/** Whether an error means "no connection" rather than a refusal or a fault of the backend. */
export const isOffline = (error: unknown): boolean => error instanceof NetworkError;
