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
