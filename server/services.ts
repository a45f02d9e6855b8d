import type { Database } from './db/database.js';
import type { Mailer } from './mail.js';
import type { NotificationHub } from './notification-hub.js';

/** What handlers may use besides the request's transaction. */
export interface Services {
  readonly db: Database;
  readonly mailer: Mailer;
  readonly hub: NotificationHub;
}
