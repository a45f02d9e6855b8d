/**
 * The nearest `lang` attribute at or above `node`, crossing shadow roots, else the browser's language.
 * This is how HTML itself decides a node's language, so a host that sets `lang` on a section gets it there.
 */
export function languageOf(node: Node): string {
  return languageBelow(node, () => false) ?? navigator.language;
}

/**
 * The nearest `lang` attribute at or above `node`, crossing shadow roots, up to but not including the first
 * element for which `stop` holds; undefined when there is none.
 */
export function languageBelow(node: Node, stop: (element: Element) => boolean): string | undefined {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element && stop(current)) return undefined;
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    const root: Node = current.getRootNode();
    current = current.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return undefined;
}

type Listener = () => void;
const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

/**
 * Calls `listener` whenever a `lang` attribute changes anywhere in the document. One observer serves every
 * element, and it exists only while somebody listens. Returns the function that stops listening.
 */
export function observeLanguage(listener: Listener): () => void {
  listeners.add(listener);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((l) => l()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
