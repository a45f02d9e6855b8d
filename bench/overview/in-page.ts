/**
 * Measuring helpers both bench pages share (bundled into each page; they never run in Node). The same
 * definitions of "painted", "elements", "heap" and "frame" apply to ours and to the peer.
 */
import type { AtRest, FrameStats, PageConfig } from './protocol.js';

export const now = (): number => performance.now();

export function pageConfig(): PageConfig {
  const element = document.getElementById('bench-config');
  if (!element?.textContent) throw new Error('the bench page has no #bench-config');
  return JSON.parse(element.textContent) as PageConfig;
}

/**
 * Resolves with the time right after the next frame is painted: rendering follows the animation frame
 * callbacks, so a task queued from one runs after that frame's paint.
 */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve(now());
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Resolves with the time `check` first holds, re-checked after every DOM mutation under `root`. */
export function waitFor(root: Node, check: () => boolean, what: string, timeoutMs = 60_000): Promise<number> {
  if (check()) return Promise.resolve(now());
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!check()) return;
      clearTimeout(timer);
      observer.disconnect();
      resolve(now());
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function countIn(parent: ParentNode): number {
  let count = 0;
  for (const element of Array.from(parent.querySelectorAll('*'))) {
    count++;
    if (element.shadowRoot) count += countIn(element.shadowRoot);
  }
  return count;
}

/** Elements of `root` and below, the contents of every (open) shadow root included. */
export function countElements(root: Element): number {
  return 1 + (root.shadowRoot ? countIn(root.shadowRoot) : 0) + countIn(root);
}

/** The JS heap after two full collections (needs `--js-flags=--expose-gc` and precise memory info). */
export async function heapAfterGc(): Promise<number | null> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await sleep(50);
    gc();
  }
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return gc && memory ? memory.usedJSHeapSize : null;
}

export async function atRest(list: Element, rows: readonly Element[], parts: Record<string, readonly Element[]> = {}): Promise<AtRest> {
  return {
    parts: Object.fromEntries(Object.entries(parts).map(([name, elements]) => [name, elements.reduce((sum, element) => sum + countElements(element), 0)])),
    listElements: countElements(list),
    pageElements: countElements(document.documentElement),
    rowsInDom: rows.length,
    rowElements: rows.reduce((sum, row) => sum + countElements(row), 0),
    heapBytes: await heapAfterGc(),
  };
}

/** The element that scrolls the list: the one below `root` that can scroll furthest. */
export function scrollerIn(root: ParentNode): HTMLElement {
  let best: HTMLElement | undefined;
  let bestRange = 0;
  const visit = (parent: ParentNode) => {
    for (const element of Array.from(parent.querySelectorAll<HTMLElement>('*'))) {
      const range = element.scrollHeight - element.clientHeight;
      const overflow = getComputedStyle(element).overflowY;
      if (range > bestRange && (overflow === 'auto' || overflow === 'scroll')) {
        best = element;
        bestRange = range;
      }
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root);
  if (!best) throw new Error('no scrolling element in the list');
  return best;
}

/**
 * Scrolls `scroller` from top to bottom in equal steps, one per animation frame, sized so that at 60 frames
 * a second it takes `seconds`; records every frame's timestamp and, before each step, whether the row at the
 * scroll position is in the DOM (`rowShownAt`).
 */
export async function scrollThrough(scroller: HTMLElement, seconds: number, rowShownAt: (scrollTop: number) => boolean, lastRowShown: () => boolean): Promise<FrameStats> {
  scroller.scrollTop = 0;
  await afterNextPaint();
  await afterNextPaint();
  const distance = scroller.scrollHeight - scroller.clientHeight;
  const steps = Math.max(1, Math.round(seconds * 60));
  const step = distance / steps;
  const stamps: number[] = [];
  let rowsShown = 0;
  let checked = 0;
  const started = now();
  await new Promise<void>((resolve) => {
    let i = 0;
    const frame = (stamp: number) => {
      stamps.push(stamp);
      if (i > 0) {
        checked++;
        if (rowShownAt(scroller.scrollTop)) rowsShown++;
      }
      if (i === steps) {
        resolve();
        return;
      }
      i++;
      scroller.scrollTop = Math.min(distance, Math.round(step * i));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const ms = now() - started;
  await afterNextPaint();
  await afterNextPaint();
  const deltas = stamps.slice(1).map((stamp, i) => stamp - stamps[i]!);
  return { deltas, rowsShown, checked, reachedEnd: lastRowShown(), distancePx: distance, stepPx: step, ms };
}

/** The same frame record on a page doing nothing: what this machine's compositor gives at best. */
export async function idleFrames(seconds: number): Promise<FrameStats> {
  const stamps: number[] = [];
  const started = now();
  await new Promise<void>((resolve) => {
    const frame = (stamp: number) => {
      stamps.push(stamp);
      if (stamp - stamps[0]! >= seconds * 1000) resolve();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  const deltas = stamps.slice(1).map((stamp, i) => stamp - stamps[i]!);
  return { deltas, rowsShown: 0, checked: 0, reachedEnd: true, distancePx: 0, stepPx: 0, ms: now() - started };
}
