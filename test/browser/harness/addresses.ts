import type { RelationCardAddresses } from '../../../src/elements/internal/relation-card-addresses/relation-card-addresses.js';
import { accessibleName, allByRole, getByRole, queryByRole, type Name } from './roles.js';

/** A `<relation-card-addresses>` as a user finds its parts: by role and name. */
export function addressesHarness(el: RelationCardAddresses) {
  const root = el.shadowRoot!;
  /** The form named `name` (its address's first line, or "Nieuw adres"). */
  const form = (name: string) => {
    const found = [...root.querySelectorAll('form')].find((f) => f.getAttribute('aria-label') === name);
    if (!found) throw new Error(`no form named ${name}; there are: ${[...root.querySelectorAll('form')].map((f) => f.getAttribute('aria-label')).join(', ')}`);
    return found;
  };
  return {
    el,
    /** The listed addresses, each one list item. */
    items: () => {
      const list = queryByRole(el, 'list');
      return list ? allByRole(list, 'listitem') : [];
    },
    item: (text: string) => allByRole(el, 'listitem').find((item) => item.textContent!.includes(text)),
    button: (name: Name) => getByRole<HTMLButtonElement>(el, 'button', name),
    queryButton: (name: Name) => queryByRole<HTMLButtonElement>(el, 'button', name),
    form,
    queryForm: (name: string) => [...root.querySelectorAll('form')].find((f) => f.getAttribute('aria-label') === name),
    textbox: (formName: string, name: Name) => getByRole<HTMLInputElement>(form(formName), 'textbox', name),
    checkbox: (formName: string, name: Name) => getByRole<HTMLInputElement>(form(formName), 'checkbox', name),
    radio: (formName: string, name: Name) => getByRole<HTMLInputElement>(form(formName), 'radio', name),
    select: (formName: string, name: Name) => getByRole<HTMLSelectElement>(form(formName), 'combobox', name),
    dialog: (name?: Name) => getByRole<HTMLDialogElement>(el, 'dialog', name),
    queryDialog: (name?: Name) => queryByRole<HTMLDialogElement>(el, 'dialog', name),
    statuses: () => allByRole(el, 'status').map(accessibleName).filter(Boolean),
    /** The text of the error a field is described by, '' when it has none. */
    errorOf: (input: HTMLElement) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .map((id) => root.getElementById(id))
        .filter((node) => node?.classList.contains('error'))
        .map((node) => node!.textContent!.trim())
        .join(' '),
    /** What the live region last announced. */
    announcement: () => root.querySelector('[aria-live]')?.textContent?.trim() ?? '',
  };
}

export type AddressesHarness = ReturnType<typeof addressesHarness>;

/**
 * Counts the `pagehide` listeners on the window from now on, as a leak check: every form listens for
 * `pagehide` to keep what was typed, and a form that is let go must stop. Call `stop()` when done.
 */
export function watchPagehideListeners() {
  const active = new Set<EventListenerOrEventListenerObject>();
  const add = window.addEventListener;
  const remove = window.removeEventListener;
  window.addEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type === 'pagehide' && listener) active.add(listener);
    return add.call(this, type, listener as EventListenerOrEventListenerObject, options);
  } as typeof window.addEventListener;
  window.removeEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    if (type === 'pagehide' && listener) active.delete(listener);
    return remove.call(this, type, listener as EventListenerOrEventListenerObject, options);
  } as typeof window.removeEventListener;
  return {
    count: () => active.size,
    stop: () => {
      window.addEventListener = add;
      window.removeEventListener = remove;
    },
  };
}
