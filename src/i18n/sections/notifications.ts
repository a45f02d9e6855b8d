import type { Locale } from '../../contract/locale.js';

/** The words of <notification-inbox>, in every language. */
export interface NotificationsMessages {
  /** The element's accessible name. */
  label: string;
}

export const notifications: Record<Locale, NotificationsMessages> = {
  nl: {
    label: 'TODO',
  },
  en: {
    label: 'TODO',
  },
};
