import { sendKeys } from '@web/test-runner-commands';
import type { CallbackRequest, Relation } from '../../../src/contract/index.js';
import type { CallbackList } from '../../../src/elements/callback-list/callback-list.component.js';
import type { RelationCallbackDialog } from '../../../src/elements/internal/relation-callback-dialog/relation-callback-dialog.component.js';
import type { NotificationInbox } from '../../../src/elements/notification-inbox/notification-inbox.component.js';
import type { RelationsClient } from '../../../src/sdk/index.js';
import { clientFor } from '../backend.js';
import { accessibleName, allByRole, focused, getByRole, queryByRole, type Name } from './roles.js';

/** The bell's name in either language: "Meldingen, 3 ongelezen", "Notifications, none unread". */
const bellName = /^(Meldingen|Notifications), /;

/** The inbox as a user finds it: the bell by its name, the notifications as list items. */
export function inboxHarness(inbox: NotificationInbox) {
  return {
    bell: () => getByRole<HTMLButtonElement>(inbox, 'button', bellName),
    bellName: () => accessibleName(getByRole(inbox, 'button', bellName)),
    button: (name: Name) => getByRole<HTMLButtonElement>(inbox, 'button', name),
    maybeButton: (name: Name) => queryByRole<HTMLButtonElement>(inbox, 'button', name),
    items: () => allByRole(inbox, 'listitem'),
    /** The button that opens the `i`-th notification listed (newest first), named by its title. */
    opener: (i: number) => allByRole<HTMLButtonElement>(inbox, 'listitem')[i]!.querySelector<HTMLButtonElement>('button')!,
    /** The `i`-th notification's button that marks it read, found by its name. */
    reader: (i: number) => {
      const item = allByRole(inbox, 'listitem')[i]!;
      return allByRole<HTMLButtonElement>(inbox, 'button', /^(Markeer als gelezen|Mark as read): /).find((button) => item.contains(button));
    },
    /** The titles of the listed notifications, as their open buttons name them. */
    titles: () => allByRole(inbox, 'listitem').map((item) => accessibleName(item.querySelector('button')!)),
    statuses: () => allByRole(inbox, 'status').map((el) => el.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
  };
}

/** The callback list as a user finds it. */
export function callbackListHarness(list: CallbackList) {
  return {
    button: (name: Name) => getByRole<HTMLButtonElement>(list, 'button', name),
    maybeButton: (name: Name) => queryByRole<HTMLButtonElement>(list, 'button', name),
    filter: (name: Name) => getByRole<HTMLButtonElement>(list, 'button', name),
    items: () => allByRole(list, 'listitem'),
    /** The list item that holds `text` (its message), if any. */
    itemWith: (text: string) => allByRole(list, 'listitem').find((item) => item.textContent?.includes(text)),
    text: () => list.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '',
  };
}

/** The callback request dialog as a keyboard user works it. */
export function callbackDialogHarness(dialog: RelationCallbackDialog) {
  return {
    control: (role: string, name: Name) => getByRole<HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement>(dialog, role, name),
    /** Presses Tab until `target` has focus (at most 20 times). */
    async tabTo(target: Element) {
      for (let i = 0; i < 20 && focused() !== target; i++) await sendKeys({ press: 'Tab' });
      if (focused() !== target) throw new Error(`could not reach ${accessibleName(target)} with Tab`);
    },
    errorOf(control: Element): string {
      const root = control.getRootNode() as ShadowRoot;
      const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
      return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
    },
  };
}

/** The people of a callback: Anna asks, Bram is asked, about Bedrijf Uno; each with their own client. */
export interface CallbackScene {
  anna: RelationsClient;
  bram: RelationsClient;
  bramId: string;
  uno: Relation;
  /** Anna asks Bram, through the API, to call Bedrijf Uno back. */
  requestForBram(message: string, extra?: { dueAt?: string; phone?: string }): Promise<CallbackRequest>;
}

export async function callbackScene(): Promise<CallbackScene> {
  const anna = await clientFor('demo-anna');
  const bram = await clientFor('demo-bram');
  const bramId = (await bram.getMe()).id;
  const uno = (await anna.listRelations({ q: 'Bedrijf Uno' })).items[0]!;
  return {
    anna, bram, bramId, uno,
    requestForBram: (message, extra = {}) => anna.createCallbackRequest({ body: { relationId: uno.id, assigneeId: bramId, message, ...extra } }),
  };
}
