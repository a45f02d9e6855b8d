import type { Check } from '../check.js';
import { authChecks } from './auth.js';
import { cardChecks } from './card.js';
import { changeChecks } from './changes.js';
import { concurrencyChecks } from './concurrency.js';
import { errorChecks } from './errors.js';
import { historyChecks, personalDataChecks } from './history.js';
import { idempotencyChecks } from './idempotency.js';
import { isolationChecks } from './isolation.js';
import { notificationChecks } from './notifications.js';
import { operationChecks } from './operations.js';
import { paginationChecks } from './pagination.js';
import { privacyChecks } from './privacy.js';
import { relationChecks } from './relations.js';

/**
 * Every check, in the order they run. They run one after another: the change-feed checks assume that only
 * the run writes to the tenant while they look.
 */
export const checks: readonly Check[] = [
  ...authChecks,
  ...operationChecks,
  ...errorChecks,
  ...concurrencyChecks,
  ...idempotencyChecks,
  ...paginationChecks,
  ...changeChecks,
  ...relationChecks,
  ...cardChecks,
  ...privacyChecks,
  ...historyChecks,
  ...personalDataChecks,
  ...notificationChecks,
  ...isolationChecks,
];
