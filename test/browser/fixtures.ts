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
