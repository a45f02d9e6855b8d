/*
 * The store's query modules a list's first paint does not need (the card's, the log's, the inbox's and the
 * callbacks'): each loads on first use, as a chunk of its own, so the one-script bundle stays within its budget.
 */

/** A module imported on first use, once; a failed import (offline before it ever loaded) is tried again. */
function onFirstUse<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load().catch((error: unknown) => {
    loading = undefined;
    throw error;
  }));
}

export const lazy = {
  affiliations: onFirstUse(() => import('./affiliations.js')),
  callbacks: onFirstUse(() => import('./callbacks.js')),
  contactMoments: onFirstUse(() => import('./contact-moments.js')),
  drafts: onFirstUse(() => import('./drafts.js')),
  duplicates: onFirstUse(() => import('./duplicates.js')),
  notifications: onFirstUse(() => import('./notifications.js')),
};
