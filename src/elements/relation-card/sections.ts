import type { CardMessages } from '../../i18n/sections/card.js';

/** The card's own sections, in the order they show. */
export const cardSections = ['details', 'addresses', 'people', 'preferences', 'documents'] as const;
export type CardSection = (typeof cardSections)[number];

/** A section of the card: its own, or one a host adds as a child with `slot="section-<key>"`. */
export interface SectionEntry {
  key: string;
  label: string;
  /** A host's section, shown through its named slot. */
  slotted: boolean;
}

/** The attribute a host's section names its tab or heading by. */
export const hostSectionLabel = 'data-section-label';

/** The card's sections and then the host's, each child with `slot="section-<key>"` once. */
export function sectionsOf(host: Element, m: CardMessages): SectionEntry[] {
  const own = cardSections.map((key): SectionEntry => ({ key, label: m.sections[key], slotted: false }));
  const added = new Map<string, SectionEntry>();
  for (const child of host.children) {
    const slot = child.getAttribute('slot');
    if (!slot?.startsWith('section-')) continue;
    const key = slot.slice('section-'.length);
    if (!key || added.has(key) || (cardSections as readonly string[]).includes(key)) continue;
    added.set(key, { key, label: child.getAttribute(hostSectionLabel) ?? child.getAttribute('aria-label') ?? key, slotted: true });
  }
  return [...own, ...added.values()];
}
