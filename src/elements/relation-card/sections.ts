import type { CardMessages } from '../../i18n/sections/card.js';

/** The card's own sections, in the order they show. */
export const cardSections = ['details', 'addresses', 'people', 'contact', 'preferences', 'documents', 'history'] as const;
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

/**
 * The sections past the details load when first shown, as chunks of their own: the card's first paint
 * needs only its header and details, and the one-script-tag bundle stays within its budget. An element
 * rendered before its definition arrives keeps the properties set on it and upgrades in place.
 */
const lazySections: Partial<Record<string, () => Promise<unknown>>> = {
  addresses: () => import('../internal/relation-card-addresses/relation-card-addresses.js'),
  people: () => import('../internal/relation-card-people/relation-card-people.js'),
  contact: () => import('../contact-moment-log/contact-moment-log.js'),
  preferences: () => import('../internal/relation-card-preferences/relation-card-preferences.js'),
  documents: () => import('../internal/relation-card-documents/relation-card-documents.js'),
  history: () => import('../relation-history/relation-history.js'),
};

const loading = new Map<string, Promise<unknown>>();

/** Loads a section's element once; a failed load (offline on first use) is forgotten, to try again. */
export function loadSection(key: string): Promise<unknown> {
  const load = lazySections[key];
  if (!load) return Promise.resolve();
  let pending = loading.get(key);
  if (!pending) {
    pending = load().catch((error: unknown) => {
      loading.delete(key);
      throw error;
    });
    loading.set(key, pending);
  }
  return pending;
}
