import type { Handlers } from '../context.js';
import { addressLookupHandlers } from './address-lookup.js';
import { addressHandlers } from './addresses.js';
import { affiliationHandlers } from './affiliations.js';
import { callbackRequestHandlers } from './callback-requests.js';
import { changeHandlers } from './changes.js';
import { contactMomentHandlers } from './contact-moments.js';
import { duplicateHandlers, duplicatePairHandlers } from './duplicates.js';
import { historyHandlers } from './history.js';
import { labelHandlers } from './labels.js';
import { mergeHandlers } from './merge.js';
import { moduleHandlers } from './modules.js';
import { notificationHandlers } from './notifications.js';
import { personalDataHandlers } from './personal-data.js';
import { relationHandlers } from './relations.js';
import { userHandlers } from './users.js';

/** One handler per operation of the contract; the type makes a missing one a compile error. */
export const handlers: Handlers = {
  ...relationHandlers,
  ...duplicateHandlers,
  ...duplicatePairHandlers,
  ...mergeHandlers,
  ...historyHandlers,
  ...personalDataHandlers,
  ...addressHandlers,
  ...addressLookupHandlers,
  ...affiliationHandlers,
  ...contactMomentHandlers,
  ...callbackRequestHandlers,
  ...notificationHandlers,
  ...labelHandlers,
  ...moduleHandlers,
  ...userHandlers,
  ...changeHandlers,
};
