/*
 * Every element: the provider, the overview and its label filter defined at once, the others when the page
 * first holds their tag. The provider comes first so that it is defined before any element that consumes
 * its context.
 */
import { defineOnUse } from './core/define.js';

export * from './elements/relation-provider/relation-provider.js';
export { define, defineOnUse, VERSION } from './core/define.js';
export { emit, type CustomEventName, type EventDetail } from './core/events.js';
export { LocaleController } from './i18n/locale-controller.js';
export { locales, toLocale, type Locale, type Messages } from './i18n/messages.js';
export { tokens, type Theme, type TokenName } from './theme/tokens.js';
export { StoreQueryController, type QueryState, type QueryStatus, type StoreQueryOptions } from './elements/controllers/store-query.js';
export type {
  CallbackRequestOpenEvent, CallbackRequestedEvent, ContactMomentSavedEvent, DocumentOpenEvent, LabelFilterChangeEvent, NotificationOpenEvent, RelationCreatedEvent, RelationOpenEvent, RelationProviderErrorEvent, RelationSavedEvent,
  RelationSelectionChangeEvent, RelationStoreReadyEvent,
} from './core/event-map.js';
export * from './elements/label-filter/label-filter.js';
export * from './elements/relation-overview/relation-overview.js';

/*
 * The other elements load on first use, as chunks of their own, so the one script tag holds only what a
 * list's first paint needs (issue 11: at most 60 kB gzip). Their classes are exported here as types; bundler
 * users who need a class import its own entry point (`relation-elements/relation-card`).
 */
export type { RelationCard } from './elements/relation-card/relation-card.js';
export type { RelationCreateElement } from './elements/relation-create/relation-create.js';
export type { RelationPicker } from './elements/relation-picker/relation-picker.js';
export type { ContactMomentLog } from './elements/contact-moment-log/contact-moment-log.js';
export type { NotificationInbox } from './elements/notification-inbox/notification-inbox.js';
export type { CallbackList } from './elements/callback-list/callback-list.js';
export type { CallbackListFilter } from './elements/callback-list/callback-data.js';
export type { RelationHistory } from './elements/relation-history/relation-history.js';
export type { RelationDuplicates } from './elements/relation-duplicates/relation-duplicates.js';
export type { RelationMerge } from './elements/relation-merge/relation-merge.js';
defineOnUse({
  'relation-card': () => import('./elements/relation-card/relation-card.js'),
  'relation-create': () => import('./elements/relation-create/relation-create.js'),
  'relation-picker': () => import('./elements/relation-picker/relation-picker.js'),
  'contact-moment-log': () => import('./elements/contact-moment-log/contact-moment-log.js'),
  'notification-inbox': () => import('./elements/notification-inbox/notification-inbox.js'),
  'callback-list': () => import('./elements/callback-list/callback-list.js'),
  'relation-history': () => import('./elements/relation-history/relation-history.js'),
  'relation-duplicates': () => import('./elements/relation-duplicates/relation-duplicates.js'),
  'relation-merge': () => import('./elements/relation-merge/relation-merge.js'),
});
