import type { Section } from '../messages.js';

/** The words of <notification-inbox>, in every language. */
export interface NotificationsMessages {
  /** The element's accessible name, and the heading of its list. */
  label: string;
  /** The bell's accessible name: the label and how many are unread (`more` when there are more than counted). */
  bell: (unread: number, more: boolean) => string;
  loading: string;
  empty: string;
  /** Shown when the inbox comes from the cache because the backend could not be reached. */
  notCurrent: string;
  /** The marker of a notification not read yet. */
  unread: string;
  /** The button that marks one notification read; names it. */
  markRead: (title: string) => string;
  markAllRead: string;
  /** Read out politely when a notification arrives. */
  arrived: (title: string) => string;
  /** A write (marking read) that did not reach the backend. */
  failed: string;
}

const bellNl = (unread: number, more: boolean) =>
  `Meldingen, ${more ? 'meer dan 99' : unread === 0 ? 'geen' : unread} ongelezen`;
const bellEn = (unread: number, more: boolean) =>
  `Notifications, ${more ? 'more than 99' : unread === 0 ? 'none' : unread} unread`;

export const notifications: Section<NotificationsMessages> = {
  nl: {
    label: 'Meldingen',
    bell: bellNl,
    loading: 'Meldingen laden…',
    empty: 'Geen meldingen.',
    notCurrent: 'Geen verbinding: dit zijn de meldingen van de laatste keer, ze zijn mogelijk niet actueel.',
    unread: 'Ongelezen',
    markRead: (title) => `Markeer als gelezen: ${title}`,
    markAllRead: 'Alles als gelezen markeren',
    arrived: (title) => `Nieuwe melding: ${title}`,
    failed: 'Dat lukte niet; probeer het opnieuw als er verbinding is.',
  },
  en: {
    label: 'Notifications',
    bell: bellEn,
    loading: 'Loading notifications…',
    empty: 'No notifications.',
    notCurrent: 'No connection: these are the notifications from last time and may not be current.',
    unread: 'Unread',
    markRead: (title) => `Mark as read: ${title}`,
    markAllRead: 'Mark all as read',
    arrived: (title) => `New notification: ${title}`,
    failed: 'That did not work; try again when there is a connection.',
  },
};
