import { fixture, html, oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl } from './backend.js';

/**
 * A host page as a test sees it: a provider signed in as `token` against the reference backend, its first
 * sync done, with `content` inside.
 */
export async function signedIn(content: TemplateResult, token = 'demo-anna', locale: 'nl' | 'en' = 'nl') {
  const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale=${locale}>${content}</relation-provider>`);
  const ready = oneEvent(provider, 'relation-store-ready');
  provider.getToken = () => token;
  const { store } = (await ready).detail as { store: RelationsStore };
  await store.sync();
  return { provider, store };
}

/** Waits until `check` holds, polling each frame; fails naming `what`. */
export async function until(check: () => boolean | Promise<boolean>, what: string, timeout = 8000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}

/**
 * The browser as a new user finds it: no cache and no remembered sign-in left by earlier test files, which
 * share this browser's IndexedDB. For tests that start from an empty cache.
 */
export async function freshBrowser(): Promise<void> {
  for (const { name } of await indexedDB.databases()) {
    if (!name?.startsWith('relation-elements:')) continue;
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error ?? new Error(`could not delete ${name}`));
    });
  }
}
