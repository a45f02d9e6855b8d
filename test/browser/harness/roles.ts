/*
 * Finds elements as assistive technology and users do: by role and accessible name, across shadow roots.
 * A small part of WAI-ARIA's implicit roles and of the accessible name computation, enough for our
 * elements and written from the specifications, not from our components: a control that loses its role or
 * name is not found, and the test fails.
 */

export type Name = string | RegExp;

const inputRoles: Record<string, string> = {
  button: 'button', submit: 'button', reset: 'button', checkbox: 'checkbox', radio: 'radio', search: 'searchbox',
  text: 'textbox', email: 'textbox', tel: 'textbox', url: 'textbox', number: 'spinbutton', range: 'slider',
};

const tagRoles: Record<string, string> = {
  BUTTON: 'button', DIALOG: 'dialog', FIELDSET: 'group', PROGRESS: 'progressbar', TEXTAREA: 'textbox', UL: 'list',
  OL: 'list', LI: 'listitem', OPTION: 'option', OUTPUT: 'status', TABLE: 'table', H1: 'heading', H2: 'heading', H3: 'heading',
};

/** The element's role: its `role` attribute, else the one its tag implies; '' when it has none. */
export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  if (explicit) return explicit;
  if (el instanceof HTMLInputElement) return inputRoles[el.type] ?? '';
  if (el instanceof HTMLSelectElement) return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
  if (el instanceof HTMLAnchorElement) return el.hasAttribute('href') ? 'link' : '';
  return tagRoles[el.tagName] ?? '';
}

/** Roles whose name comes from their content when nothing else names them. */
const nameFromContent = new Set(['button', 'tab', 'link', 'option', 'row', 'gridcell', 'columnheader', 'cell', 'heading', 'listitem', 'checkbox', 'radio', 'status', 'alert']);

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The text a subtree contributes to a name: text nodes, and a nested control's own name in its place. */
function textOf(node: Node, skip?: Element): string {
  if (node === skip) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node instanceof HTMLElement && node.hidden) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  const label = node.getAttribute('aria-label');
  if (label && node !== skip) return ` ${label} `;
  if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) return '';
  const children = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : [...node.childNodes];
  return children.map((child) => textOf(child, skip)).join(node instanceof HTMLElement && getComputedStyle(node).display === 'block' ? ' ' : '');
}

/** The accessible name: aria-labelledby, aria-label, a label or legend, the content where the role allows, title, placeholder. */
export function accessibleName(el: Element): string {
  const root = el.getRootNode() as Document | ShadowRoot;
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    return squash(labelledBy.split(/\s+/).map((id) => { const ref = root.getElementById(id); return ref ? textOf(ref) : ''; }).join(' '));
  }
  const label = el.getAttribute('aria-label');
  if (label?.trim()) return squash(label);
  if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) && el.labels?.length) {
    return squash([...el.labels].map((l) => textOf(l, el)).join(' '));
  }
  if (el instanceof HTMLFieldSetElement) {
    const legend = el.querySelector(':scope > legend');
    if (legend) return squash(textOf(legend));
  }
  if (nameFromContent.has(roleOf(el))) {
    const content = squash([...el.childNodes].map((child) => textOf(child)).join(''));
    if (content) return content;
  }
  return squash(el.getAttribute('title') ?? el.getAttribute('placeholder') ?? '');
}

/** Every element under `root`, shadow trees included, hosts before their shadow content. */
function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

/** The element's parent in the flat tree: its slot when slotted, its host at the top of a shadow tree. */
function flatParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

function within(el: Element, container: Element): boolean {
  for (let node: Element | null = el; node; node = flatParent(node)) if (node === container) return true;
  return false;
}

/** An open modal dialog makes everything outside it inert: nobody can reach it until the dialog closes. */
function modalDialog(): Element | undefined {
  for (const el of deep(document)) if (el instanceof HTMLDialogElement && el.matches(':modal')) return el;
  return undefined;
}

function shown(el: Element, modal: Element | undefined): boolean {
  return el.checkVisibility() && !el.closest('[aria-hidden="true"]') && (!modal || el.ownerDocument !== document || within(el, modal));
}

function matches(name: string, wanted: Name | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? name === wanted : wanted.test(name);
}

/** Every shown element of `role` (and `name`) inside `scope`, its shadow root included. */
export function allByRole<T extends Element = HTMLElement>(scope: Element | ShadowRoot | Document, role: string, name?: Name): T[] {
  const roots: ParentNode[] = scope instanceof Element && scope.shadowRoot ? [scope.shadowRoot] : [scope];
  if (scope instanceof Element && scope.shadowRoot) roots.push(scope);
  const found: T[] = [];
  const modal = modalDialog();
  for (const root of roots) {
    for (const el of deep(root)) {
      if (roleOf(el) === role && shown(el, modal) && matches(accessibleName(el), name)) found.push(el as T);
    }
  }
  return found;
}

/** The one shown element of `role` and `name`; undefined when there is none; an error when there are more. */
export function queryByRole<T extends Element = HTMLElement>(scope: Element | ShadowRoot | Document, role: string, name?: Name): T | undefined {
  const found = allByRole<T>(scope, role, name);
  if (found.length > 1) throw new Error(`${found.length} elements with role ${role} and name ${String(name)}: ${found.map(accessibleName).join(' | ')}`);
  return found[0];
}

/** The one shown element of `role` and `name`; an error naming what there is instead when it is missing. */
export function getByRole<T extends Element = HTMLElement>(scope: Element | ShadowRoot | Document, role: string, name?: Name): T {
  const el = queryByRole<T>(scope, role, name);
  if (el) return el;
  const others = allByRole(scope, role).map(accessibleName);
  throw new Error(`no ${role} named ${String(name)}; there are: ${others.map((n) => JSON.stringify(n)).join(', ') || 'none'}`);
}

/** The element that has focus, looking into shadow roots. */
export function focused(): Element | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
