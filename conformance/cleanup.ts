import type { CallbackRequest, OperationId } from '../src/contract/index.js';
import { describeRequest, type ApiClient, type Reply } from './client.js';
import { versionOf } from './expect.js';
import type { Created, Tracker } from './tracker.js';

/**
 * How to get rid of what each create operation made, in the order that frees references first: moments,
 * links and addresses before the relations they point at. Callback requests cannot be deleted in the
 * contract, so they are closed; a relation that something still refers to (409) is archived instead.
 */
const disposal: readonly { createdBy: OperationId; dispose: (entry: Created) => Promise<string | undefined> }[] = [
  { createdBy: 'createCallbackRequest', dispose: closeCallbackRequest },
  { createdBy: 'createContactMoment', dispose: (entry) => remove(entry, 'deleteContactMoment') },
  { createdBy: 'createAffiliation', dispose: (entry) => remove(entry, 'deleteAffiliation') },
  { createdBy: 'createAddress', dispose: (entry) => remove(entry, 'deleteAddress') },
  { createdBy: 'createLabel', dispose: (entry) => remove(entry, 'deleteLabel') },
  { createdBy: 'createRelation', dispose: deleteOrArchiveRelation },
];

/** Removes or archives everything the run created; returns what could not be cleaned up, one line each. */
export async function cleanUp(tracker: Tracker, readers: readonly ApiClient[]): Promise<string[]> {
  const leftovers: string[] = [];
  await markNotificationsRead(tracker, readers).catch((error: unknown) => leftovers.push(`notifications: ${String(error)}`));
  for (const { createdBy, dispose } of disposal) {
    for (const entry of tracker.created.values()) {
      if (entry.createdBy !== createdBy || entry.gone) continue;
      const problem = await dispose(entry).catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
      if (problem) leftovers.push(`${entry.id} (from ${createdBy}): ${problem}`);
    }
  }
  return leftovers;
}

/** Sends a versioned change; when someone (an earlier check) moved the version on, once more with the current one. */
async function withCurrentVersion(version: number | undefined, send: (ifMatch: string) => Promise<Reply>): Promise<Reply> {
  const first = await send(`"${version ?? 1}"`);
  if (first.status !== 412) return first;
  const current = versionOf((first.json as { current?: unknown } | undefined)?.current);
  return current === undefined ? first : send(`"${current}"`);
}

function outcome(reply: Reply, expected: number): string | undefined {
  return reply.status === expected || reply.status === 404 ? undefined : `${describeRequest(reply)} answered ${reply.status}`;
}

async function remove(entry: Created, operationId: OperationId): Promise<string | undefined> {
  const reply = await withCurrentVersion(entry.version, (ifMatch) =>
    entry.client.send(operationId, { params: { id: entry.id }, headers: { 'If-Match': ifMatch } }));
  if (reply.status === 204) entry.gone = true;
  return outcome(reply, 204);
}

async function deleteOrArchiveRelation(entry: Created): Promise<string | undefined> {
  const deleted = await withCurrentVersion(entry.version, (ifMatch) =>
    entry.client.send('deleteRelation', { params: { id: entry.id }, headers: { 'If-Match': ifMatch } }));
  if (deleted.status !== 409) return outcome(deleted, 204);
  const current = await entry.client.send('getRelation', { params: { id: entry.id } });
  if ((current.json as { status?: unknown } | undefined)?.status === 'archived') return undefined;
  const archived = await entry.client.send('updateRelation', {
    params: { id: entry.id }, body: { status: 'archived' }, headers: { 'If-Match': `"${versionOf(current.json) ?? 1}"` },
  });
  return outcome(archived, 200);
}

async function closeCallbackRequest(entry: Created): Promise<string | undefined> {
  const reply = await withCurrentVersion(entry.version, (ifMatch) =>
    entry.client.send('updateCallbackRequest', { params: { id: entry.id }, body: { status: 'done' }, headers: { 'If-Match': ifMatch } }));
  return outcome(reply, 200);
}

/** The notifications the run's callback requests caused would otherwise sit unread in demo users' bells. */
async function markNotificationsRead(tracker: Tracker, readers: readonly ApiClient[]): Promise<void> {
  const requests = new Set([...tracker.created.values()].filter((entry) => entry.createdBy === 'createCallbackRequest').map((entry) => entry.id));
  if (requests.size === 0) return;
  for (const reader of readers) {
    const page = await reader.send('listNotifications', { query: { unread: 'true', limit: '100' } });
    const items = (page.json as { items?: { id: string; callbackRequestId: CallbackRequest['id'] | null }[] } | undefined)?.items ?? [];
    for (const notification of items) {
      if (notification.callbackRequestId && requests.has(notification.callbackRequestId)) {
        await reader.send('readNotification', { params: { id: notification.id } });
      }
    }
  }
}
