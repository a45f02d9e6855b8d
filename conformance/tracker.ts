import { operations, type OperationId } from '../src/contract/index.js';
import type { ApiClient, Reply } from './client.js';
import { versionOf } from './expect.js';

/** Something the run created, remembered with the identity that created it and the latest version seen. */
export interface Created {
  readonly createdBy: OperationId;
  readonly id: string;
  readonly client: ApiClient;
  version: number | undefined;
  gone: boolean;
}

/**
 * Watches every reply: what a POST created (so cleanup cannot miss it, whichever check made it), the latest
 * version of each of those resources (so cleanup sends a current If-Match), and which operations answered
 * their success status at least once (coverage).
 */
export class Tracker {
  readonly created = new Map<string, Created>();
  readonly answered = new Set<OperationId>();
  /** Optional operations the backend answered 404 or 501: it does not offer them. */
  readonly notOffered = new Set<OperationId>();

  observe(reply: Reply, client: ApiClient): void {
    const spec = operations[reply.operationId];
    if (reply.status === spec.status) this.answered.add(reply.operationId);
    if (spec.method === 'delete' && reply.status === 204) {
      const entry = reply.params['id'] === undefined ? undefined : this.created.get(reply.params['id']);
      if (entry) entry.gone = true;
    }
    if (spec.method === 'post' && reply.status === 201) {
      const id = (reply.json as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && !this.created.has(id)) {
        this.created.set(id, { createdBy: reply.operationId, id, client, version: versionOf(reply.json), gone: false });
      }
    }
    this.noteVersions(reply.json);
  }

  ids(): Set<string> {
    return new Set(this.created.keys());
  }

  /** Resources, list items and the `current` of a 412 all tell a newer version. */
  private noteVersions(json: unknown): void {
    if (json === null || typeof json !== 'object') return;
    const body = json as { id?: unknown; items?: unknown; current?: unknown };
    if (Array.isArray(body.items)) body.items.forEach((item) => this.noteVersions(item));
    if (body.current !== undefined) this.noteVersions(body.current);
    const entry = typeof body.id === 'string' ? this.created.get(body.id) : undefined;
    const version = versionOf(body);
    if (entry && version !== undefined && (entry.version === undefined || version > entry.version)) entry.version = version;
  }
}
