import type * as z from 'zod/mini';
import type { Locale, OperationId, Operations, UserRole } from '../src/contract/index.js';
import type { Queryable } from './db/database.js';
import type { Services } from './services.js';

/** The signed-in user a request acts for; every query is scoped to `tenantId`. */
export interface Actor {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly email: string;
  readonly locale: Locale;
  readonly role: UserRole;
}

export interface RequestContext {
  /** The database, inside the request's transaction for writes. */
  readonly tx: Queryable;
  readonly actor: Actor;
  readonly locale: Locale;
  readonly now: Date;
  readonly services: Services;
}

type Output<S> = S extends z.core.$ZodType ? z.output<S> : undefined;

/** What a handler receives: params, query and body already validated and normalised by the contract. */
export interface HandlerInput<K extends OperationId> {
  readonly params: Output<Operations[K] extends { params: infer P } ? P : undefined>;
  readonly query: Output<Operations[K] extends { query: infer Q } ? Q : undefined>;
  readonly body: Output<Operations[K] extends { body: infer B } ? B : undefined>;
  /** The version named by `If-Match`, on operations that require it. */
  readonly ifMatch: number;
}

/** What a handler returns: the body (checked against the response schema) and, for one resource, its version. */
export interface HandlerResult<K extends OperationId> {
  readonly body: Operations[K] extends { response: infer R } ? (R extends z.core.$ZodType ? z.input<R> : never) : undefined;
  readonly version?: number;
}

export type Handler<K extends OperationId> = (input: HandlerInput<K>, ctx: RequestContext) => Promise<HandlerResult<K>>;

/** Every JSON operation of the contract, each with exactly one handler. */
export type Handlers = { [K in Exclude<OperationId, 'streamNotifications'>]: Handler<K> };
