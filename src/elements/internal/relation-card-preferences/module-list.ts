import type { Locale, Module } from '../../../contract/index.js';
import { NetworkError, type RelationsClient } from '../../../sdk/index.js';

/** The modules the backend declares, and whether they are the answer kept from an earlier request. */
export interface ModuleList {
  modules: Module[];
  /** The backend could not be reached: these are the modules of an earlier answer. */
  kept: boolean;
}

/**
 * The last answer per backend and language, in memory for as long as the page lives: enough to keep the
 * card's preferences and documents usable when the connection drops after the page fetched them once. It
 * is not written to IndexedDB (the store's cache has no module table); a page opened offline has none.
 */
const lastAnswer = new Map<string, Module[]>();

/** The host's modules (`GET /modules`, every page); without a connection the last answer, when there is one. */
export async function loadModules(client: RelationsClient, locale: Locale, signal?: AbortSignal): Promise<ModuleList> {
  const key = `${client.baseUrl}\n${locale}`;
  try {
    const modules: Module[] = [];
    for await (const page of client.pages('listModules', {}, signal ? { signal } : {})) modules.push(...page.items);
    lastAnswer.set(key, modules);
    return { modules, kept: false };
  } catch (error) {
    const kept = lastAnswer.get(key);
    if (error instanceof NetworkError && kept) return { modules: kept, kept: true };
    throw error;
  }
}

/** Whether an error means "no connection" rather than a refusal or a fault of the backend. */
export const isOffline = (error: unknown): boolean => error instanceof NetworkError;
