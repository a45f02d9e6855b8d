/**
 * The browser side of the moments benchmark (`bench/moments/run.ts`): `<contact-moment-log>` in a provider
 * (ours), and beside it the baseline: the same moments as one plain list without virtualization, each row the
 * same text, rendered with Lit as a log that renders everything would.
 */
import { html, render } from 'lit';
import '../../src/index.js';
import type { RelationProvider } from '../../src/index.js';
import type { ContactMoment } from '../../src/contract/index.js';
import type { RelationsStore } from '../../src/store/index.js';

const config = JSON.parse(document.getElementById('bench-config')!.textContent!) as { token: string };
const provider = document.querySelector('relation-provider') as RelationProvider;
let store: RelationsStore | undefined;
provider.addEventListener('relation-store-ready', (event) => (store = event.detail.store));
provider.getToken = () => config.token;

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** Resolves once the frame after the current one has been painted. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

export interface Side {
  /** From the start to the first painted frame showing the newest moment's subject. */
  openMs: number;
  /** Elements in the list's DOM, shadow roots included. */
  elements: number;
  /** Frames without a missed vsync while scrolling top to bottom; and how many frames it took. */
  smooth: number;
  frames: number;
}

export interface MomentsBench {
  ready(timeoutMs: number): Promise<number>;
  ours(relationId: string, newest: string, scrollFrames: number): Promise<Side>;
  baseline(relationId: string, newest: string, scrollFrames: number): Promise<Side>;
  clear(): Promise<void>;
}

async function scroll(scroller: Element, steps: number): Promise<{ smooth: number; frames: number }> {
  const max = scroller.scrollHeight - scroller.clientHeight;
  let last = await frame();
  let smooth = 0;
  for (let i = 1; i <= steps; i++) {
    scroller.scrollTop = (max * i) / steps;
    const now = await frame();
    if (now - last < 20) smooth++;
    last = now;
  }
  return { smooth, frames: steps };
}

async function until(check: () => boolean, what: () => string, timeoutMs = 60_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out; the page shows: ${what().slice(0, 500)}`);
    await frame();
  }
}

/** Every text under `root`, shadow roots included. */
function deepText(root: ParentNode): string {
  return [...deep(root)].map((el) => [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' ')).join(' ').replace(/\s+/g, ' ');
}

const host = document.getElementById('host')!;

const bench: MomentsBench = {
  async ready(timeoutMs) {
    const end = performance.now() + timeoutMs;
    while (!(store && (await store.isComplete()))) {
      if (performance.now() > end) throw new Error('not synced');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return performance.now();
  },
  async ours(relationId, newest, steps) {
    const start = performance.now();
    const log = document.createElement('contact-moment-log');
    log.setAttribute('relation-id', relationId);
    // The tag loads on first use (the one-script-tag bundle's defineOnUse), as on a host page: its load is timed.
    host.append(log);
    await until(
      () => !!log.shadowRoot && [...deep(log.shadowRoot)].some((el) => el.getAttribute('part') === 'subject' && el.textContent?.includes(newest)),
      () => (log.shadowRoot ? deepText(log.shadowRoot) : 'no shadow root'),
    );
    await painted();
    const openMs = performance.now() - start;
    const scroller = log.shadowRoot!.querySelector('[part="list"]')!;
    const elements = [...deep(log.shadowRoot!)].length;
    return { openMs, elements, ...(await scroll(scroller, steps)) };
  },
  async baseline(relationId, newest, steps) {
    const start = performance.now();
    const moments: ContactMoment[] = await store!.contactMomentsOf(relationId);
    const list = document.createElement('div');
    list.style.cssText = 'height:28rem;overflow:auto';
    host.append(list);
    render(
      html`<ol>${moments.map((moment) => html`<li><h4>${moment.subject}</h4><p>${moment.kind} · ${new Date(moment.occurredAt).toLocaleString('nl-NL')}</p><p>${moment.body}</p></li>`)}</ol>`,
      list,
    );
    await until(() => list.textContent!.includes(newest), () => list.textContent ?? '');
    await painted();
    const openMs = performance.now() - start;
    return { openMs, elements: list.querySelectorAll('*').length, ...(await scroll(list, steps)) };
  },
  async clear() {
    host.replaceChildren();
    await painted();
  },
};
(globalThis as unknown as { bench: MomentsBench }).bench = bench;
