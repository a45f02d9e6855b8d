/** The version that this copy of relation-elements registers its tags under. */
export const VERSION = '0.1.0';

/** Brands a constructor with the package version that registered it. */
const versionKey = Symbol.for('relation-elements.version');

type Branded = CustomElementConstructor & { [versionKey]?: string };

/**
 * Defines `tag` once. Host pages often load more than one copy of a component library (a micro-frontend
 * here, an old bundle there), so a second definition must not throw: it is skipped, with a warning when
 * the tag belongs to another version, or to somebody else entirely.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(tag) as Branded | undefined;
  if (existing) {
    if (existing !== constructor) {
      const other = existing[versionKey];
      console.warn(
        other
          ? `relation-elements ${VERSION}: <${tag}> is already defined by relation-elements ${other}; keeping that one.`
          : `relation-elements ${VERSION}: <${tag}> is already defined by another library; keeping that one.`,
      );
    }
    return;
  }
  (constructor as Branded)[versionKey] = VERSION;
  customElements.define(tag, constructor);
}

/**
 * Defines each of `tags` the first time the page holds one: its module (a chunk of its own in the one-script-tag
 * bundle) loads when the tag is written into the document, by the host's HTML, a framework, or a script. An
 * element created before its definition arrives keeps the properties set on it and upgrades in place. Tags
 * inside our own shadow roots are loaded by the element that renders them. A load that fails (offline on first
 * use) is tried again the next time the tag appears.
 */
export function defineOnUse(tags: Record<string, () => Promise<unknown>>): void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  const pending = new Map(Object.entries(tags).filter(([tag]) => !customElements.get(tag)));
  const load = (tag: string) => {
    const loader = pending.get(tag);
    if (!loader) return;
    pending.delete(tag);
    loader().catch(() => pending.set(tag, loader));
  };
  const scan = (node: Element | Document) => {
    if (node instanceof Element && pending.has(node.localName)) load(node.localName);
    if (pending.size) for (const found of node.querySelectorAll([...pending.keys()].join(','))) load(found.localName);
  };
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (pending.size && node instanceof Element) scan(node);
  }).observe(document, { childList: true, subtree: true });
  scan(document);
}
