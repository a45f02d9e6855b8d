import type { Relation } from '../contract/index.js';
import type { RelationsStore } from '../store/index.js';

/*
 * Every event the elements fire, in one typed map. Each is dispatched through `emit` (core/events.ts):
 * it bubbles and is composed, so a host listens on its own container.
 */

/** The user opens a relation (Enter, double click, or its name). Cancelable: a host may veto it. */
export type RelationOpenEvent = CustomEvent<{ id: string }>;
/** The selection changed; `allMatching` when the user chose every relation the filters match. */
export type RelationSelectionChangeEvent = CustomEvent<{ ids: string[]; allMatching: boolean }>;
/** The labels to filter on changed. */
export type LabelFilterChangeEvent = CustomEvent<{ labelIds: string[]; mode: 'all' | 'any' }>;
/** A relation was created here (`id` is a local id until the backend accepts it; it keeps working after). */
export type RelationCreatedEvent = CustomEvent<{ id: string; relation: Relation }>;
/** An edit of a relation (its details, an address, a person, preferences, labels or status) was stored for sending. */
export type RelationSavedEvent = CustomEvent<{ id: string; relation: Relation }>;
/** The user opens a module's document (a quote, an invoice) from a card. Cancelable: a host may veto it. */
export type DocumentOpenEvent = CustomEvent<{ id: string; module: string; relationId: string }>;
/** The user opens a notification from the inbox. Cancelable: a host may veto it (then no `relation-open` follows). */
export type NotificationOpenEvent = CustomEvent<{ id: string; relationId: string | null; callbackRequestId: string | null }>;
/** A contact moment was written here (created, edited or deleted) and stored for sending. */
export type ContactMomentSavedEvent = CustomEvent<{ id: string; relationId: string; deleted: boolean }>;
/** A part of the card (the contact-moment log) asks for the callback dialog about a relation and contact person. */
export type CallbackRequestOpenEvent = CustomEvent<{ relationId: string; personId: string | null }>;
/** A callback request was sent to a colleague from here. */
export type CallbackRequestedEvent = CustomEvent<{ id: string; relationId: string; assigneeId: string }>;
/** The provider opened the store of the signed-in user. */
export type RelationStoreReadyEvent = CustomEvent<{ store: RelationsStore }>;
/** The provider could not open the store, e.g. the token was refused. */
export type RelationProviderErrorEvent = CustomEvent<{ error: unknown }>;

declare global {
  interface GlobalEventHandlersEventMap {
    'relation-open': RelationOpenEvent;
    'relation-created': RelationCreatedEvent;
    'relation-saved': RelationSavedEvent;
    'document-open': DocumentOpenEvent;
    'notification-open': NotificationOpenEvent;
    'contact-moment-saved': ContactMomentSavedEvent;
    'callback-requested': CallbackRequestedEvent;
    'callback-request-open': CallbackRequestOpenEvent;
    'relation-selection-change': RelationSelectionChangeEvent;
    'label-filter-change': LabelFilterChangeEvent;
    'relation-store-ready': RelationStoreReadyEvent;
    'relation-provider-error': RelationProviderErrorEvent;
  }
}
