import type * as z from 'zod/mini';
import type { OperationId, Operations } from '../contract/index.js';

type Out<S> = S extends z.core.$ZodType ? z.output<S> : never;
type In<S> = S extends z.core.$ZodType ? z.input<S> : never;
type Op<K extends OperationId> = Operations[K];

/** The operations with a JSON response (every one but the notification stream). */
export type JsonOperationId = Exclude<OperationId, 'streamNotifications'>;

/**
 * What a method takes, derived from the operation table: path parameters and query parameters as plain
 * fields (numbers as numbers, lists as arrays), `body`, `ifMatch` where the contract requires it, and an
 * optional `idempotencyKey` on every POST.
 */
export type RequestOf<K extends OperationId> = (Op<K> extends { params: infer P } ? Out<P> : unknown) &
  (Op<K> extends { query: infer Q } ? Out<Q> : unknown) &
  (Op<K> extends { body: infer B } ? { body: In<B> } : unknown) &
  (Op<K> extends { ifMatch: true } ? { ifMatch: number } : unknown) &
  (Op<K> extends { method: 'post' } ? { idempotencyKey?: string } : unknown);

/** What a method resolves to: the response, parsed and checked against the contract. */
export type ResponseOf<K extends OperationId> = Op<K> extends { response: infer R } ? Out<R> : void;

export interface CallOptions {
  signal?: AbortSignal;
  /** Milliseconds before a request without an answer fails with a NetworkError; default 15000. */
  timeout?: number;
}

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** One method per operation, named by its operation id. */
export type OperationMethods = {
  [K in JsonOperationId]: RequiredKeys<RequestOf<K>> extends never
    ? (request?: RequestOf<K>, options?: CallOptions) => Promise<ResponseOf<K>>
    : (request: RequestOf<K>, options?: CallOptions) => Promise<ResponseOf<K>>;
};

/** The list operations: their responses are pages with `items` and `nextCursor`. */
export type ListOperationId = {
  [K in JsonOperationId]: ResponseOf<K> extends { items: unknown[]; nextCursor: string | null } ? K : never;
}[JsonOperationId];
