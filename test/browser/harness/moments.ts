import type { ContactMomentLog } from '../../../src/elements/contact-moment-log/contact-moment-log.component.js';
import { allByRole, getByRole, queryByRole, type Name } from './roles.js';

/** The text a user sees in an element, through its shadow roots, white space squashed. */
export function shownText(root: Element | ShadowRoot): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element && node.shadowRoot) node.shadowRoot.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** The contact moment log as a user finds it: by roles and accessible names, through its parts' shadow roots. */
export function momentsHarness(log: ContactMomentLog) {
  const ui = {
    el: log,
    button: (name: Name) => getByRole<HTMLButtonElement>(log, 'button', name),
    maybeButton: (name: Name) => queryByRole<HTMLButtonElement>(log, 'button', name),
    buttons: (name?: Name) => allByRole<HTMLButtonElement>(log, 'button', name),
    textbox: (name: Name) => getByRole<HTMLInputElement | HTMLTextAreaElement>(log, 'textbox', name),
    combobox: (name: Name) => getByRole<HTMLSelectElement>(log, 'combobox', name),
    checkbox: (name: Name) => getByRole<HTMLInputElement>(log, 'checkbox', name),
    maybeCheckbox: (name: Name) => queryByRole<HTMLInputElement>(log, 'checkbox', name),
    search: () => getByRole<HTMLInputElement>(log, 'searchbox'),
    /** The moments in the timeline's DOM (a window of them when the log is long), each as its text. */
    rows: () => [...log.shadowRoot!.querySelectorAll<HTMLElement>('[role="feed"] > [role="article"]')],
    rowTexts: () => ui.rows().map((row) => shownText(row)),
    /** The row whose subject is `subject`. */
    row: (subject: string) => ui.rows().find((row) => row.querySelector('[part="subject"]')?.textContent === subject),
    /** The open agreements listed on top, each as its text. */
    openAgreements: () => {
      const section = log.shadowRoot!.querySelector('[part="agreements"]');
      return section ? allByRole(section.querySelector('contact-moment-agreements')!, 'listitem').map((item) => shownText(item)) : [];
    },
    statuses: () => allByRole(log, 'status').map((el) => shownText(el)),
    text: () => shownText(log.shadowRoot!),
    /** Types as a user does: the value, an input event, then leaving the field. */
    type(name: Name, value: string) {
      const input = ui.textbox(name);
      input.focus();
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new FocusEvent('blur'));
      return input;
    },
    /** Sets an input of another type (date, datetime-local) by its label. */
    setInput(label: string, value: string) {
      const compose = log.shadowRoot!.querySelector('contact-moment-compose')!.shadowRoot!;
      const input = [...compose.querySelectorAll('input')].find((el) => [...el.labels!].some((l) => l.textContent?.trim() === label))!;
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      input.dispatchEvent(new FocusEvent('blur'));
      return input;
    },
    choose(name: Name, value: string) {
      const select = ui.combobox(name);
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return select;
    },
    /** The error shown for a field, read as a screen reader reads it: through aria-describedby. */
    errorOf(name: Name): string {
      const input = ui.textbox(name);
      const root = input.getRootNode() as ShadowRoot;
      const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
      return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
    },
  };
  return ui;
}
