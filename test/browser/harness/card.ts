import type { RelationCard } from '../../../src/elements/relation-card/relation-card.component.js';
import { allByRole, getByRole, queryByRole, type Name } from './roles.js';

/** Every element under `root`, shadow roots included. */
function* deepElements(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deepElements(el.shadowRoot);
  }
}

/** The card as a user finds it: by roles and accessible names, through its sections' shadow roots. */
export function cardHarness(card: RelationCard) {
  return {
    headings: () => allByRole(card, 'heading').map((h) => h.textContent?.trim() ?? ''),
    field: (name: Name) => getByRole<HTMLInputElement>(card, 'textbox', name),
    button: (name: Name) => getByRole<HTMLButtonElement>(card, 'button', name),
    maybeButton: (name: Name) => queryByRole<HTMLButtonElement>(card, 'button', name),
    tab: (name: Name) => getByRole<HTMLButtonElement>(card, 'tab', name),
    radio: (name: Name) => getByRole<HTMLInputElement>(card, 'radio', name),
    statuses: () => allByRole(card, 'status').map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    /** Types as a user does: the value, an input event, then leaving the field. */
    type(name: Name, value: string) {
      const input = getByRole<HTMLInputElement>(card, 'textbox', name);
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new FocusEvent('blur'));
      return input;
    },
    /** The error shown for a field, read as a screen reader reads it: through aria-describedby. */
    errorOf(name: Name): string {
      const input = getByRole<HTMLInputElement>(card, 'textbox', name);
      const root = input.getRootNode() as ShadowRoot;
      const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
      return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
    },
    /** All text a user can see, through every shadow root. */
    text(): string {
      const parts: string[] = [];
      for (const el of deepElements(card.shadowRoot!)) {
        for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      }
      return parts.join(' ').replace(/\s+/g, ' ');
    },
    /** Elements of a tag anywhere inside the card; every element without one. */
    all: (tag?: string) => [...deepElements(card.shadowRoot!)].filter((el) => tag === undefined || el.localName === tag),
  };
}
