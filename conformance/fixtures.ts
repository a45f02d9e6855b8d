import type {
  Address, Affiliation, CallbackRequest, ContactMoment, ContactMomentCreate, Label, Me, Notification, OperationId, Relation, RelationCreate,
} from '../src/contract/index.js';
import {
  addressBody, affiliationBody, callbackRequestBody, contactMomentBody, labelBody, organizationBody, personBody,
} from './bodies.js';
import { requestLine, type ApiClient, type Call } from './client.js';
import type { RunContext } from './context.js';
import { expectSuccess, fail, type ResponseOf } from './expect.js';

/** The kinds of resource an operation's `{id}` can name. */
export type TargetKind = 'relation' | 'address' | 'affiliation' | 'contactMoment' | 'callbackRequest' | 'notification' | 'label';

/** A resource a request acts on, with the version to send as `If-Match`. */
export interface Target {
  readonly id: string;
  readonly version: number | undefined;
}

/** Added to messages of requests that only prepare data, so a report tells them from the request under test. */
const preparing = ' (preparing test data)';

/**
 * Test data, created through the contract by the main user: shared resources are made once per run and only
 * read; `fresh` ones are made for a check that changes or deletes them.
 */
export class Fixtures {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(private readonly ctx: RunContext) {}

  me(client: ApiClient): Promise<Me> {
    return this.once(`me:${client.role}`, async () => expectSuccess(await client.send('getMe'), preparing));
  }

  /** The run's organization, which the shared address, affiliation, contact moment and callback request belong to. */
  relation(): Promise<Relation> {
    return this.once('relation', () => this.newRelation());
  }

  newRelation(extra: Partial<RelationCreate> = {}, name = this.ctx.name('B.V.')): Promise<Relation> {
    return this.create('createRelation', { body: organizationBody(name, extra) });
  }

  newPerson(): Promise<Relation> {
    return this.create('createRelation', { body: personBody(this.ctx.name('Persoon')) });
  }

  async address(fresh = false): Promise<Address> {
    const make = async () => this.create('createAddress', { params: { id: (await this.relation()).id }, body: addressBody() });
    return fresh ? make() : this.once('address', make);
  }

  /** A new address of `relationId`. */
  addressOf(relationId: string): Promise<Address> {
    return this.create('createAddress', { params: { id: relationId }, body: addressBody() });
  }

  async affiliation(fresh = false): Promise<Affiliation> {
    const make = async () => {
      const [person, organization] = await Promise.all([this.newPerson(), this.relation()]);
      return this.create('createAffiliation', { body: affiliationBody(person.id, organization.id) });
    };
    return fresh ? make() : this.once('affiliation', make);
  }

  async contactMoment(fresh = false, extra: Partial<ContactMomentCreate> = {}): Promise<ContactMoment> {
    const make = async () =>
      this.create('createContactMoment', { body: contactMomentBody((await this.relation()).id, this.ctx.name('gesprek'), extra) });
    return fresh ? make() : this.once('contactMoment', make);
  }

  /** Assigned to the main user themself, which needs no colleague and still causes a notification. */
  async callbackRequest(fresh = false, assignee: ApiClient = this.ctx.main): Promise<CallbackRequest> {
    const make = async () => {
      const [relation, me] = await Promise.all([this.relation(), this.me(assignee)]);
      return this.create('createCallbackRequest', { body: callbackRequestBody(relation.id, me.id, this.ctx.name('terugbellen')) });
    };
    return fresh ? make() : this.once(`callbackRequest:${assignee.role}`, make);
  }

  /** The main user's notification of their own callback request. */
  notification(): Promise<Notification> {
    return this.once('notification', async () => {
      const request = await this.callbackRequest();
      const found = await this.findNotification(this.ctx.main, request.id);
      return found ?? fail(`${requestLine('createCallbackRequest')} assigned to the current user left no notification about it in ${requestLine('listNotifications')}`);
    });
  }

  async findNotification(client: ApiClient, callbackRequestId: string): Promise<Notification | undefined> {
    const page = expectSuccess(await client.send('listNotifications', { query: { limit: '100' } }), preparing);
    return page.items.find((item) => item.callbackRequestId === callbackRequestId);
  }

  label(fresh = false): Promise<Label> {
    const make = () => this.create('createLabel', { body: labelBody(this.ctx.name('label')) });
    return fresh ? make() : this.once('label', make);
  }

  async target(kind: TargetKind, fresh: boolean): Promise<Target> {
    const resource = await this.resource(kind, fresh);
    return { id: resource.id, version: 'version' in resource ? resource.version : undefined };
  }

  private resource(kind: TargetKind, fresh: boolean): Promise<{ id: string; version?: number }> {
    switch (kind) {
      case 'relation':
        return fresh ? this.newRelation() : this.relation();
      case 'address':
        return this.address(fresh);
      case 'affiliation':
        return this.affiliation(fresh);
      case 'contactMoment':
        return this.contactMoment(fresh);
      case 'callbackRequest':
        return this.callbackRequest(fresh);
      case 'notification':
        return this.notification();
      case 'label':
        return this.label(fresh);
    }
  }

  private async create<K extends OperationId>(operationId: K, call: Call): Promise<ResponseOf<K>> {
    return expectSuccess(await this.ctx.main.send(operationId, call), preparing);
  }

  private once<T>(key: string, make: () => Promise<T>): Promise<T> {
    let value = this.memo.get(key) as Promise<T> | undefined;
    if (!value) {
      value = make();
      // Checks that never ask for it again must not turn its failure into an unhandled rejection.
      value.catch(() => undefined);
      this.memo.set(key, value);
    }
    return value;
  }
}
