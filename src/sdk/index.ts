/*
 * The relations SDK: a typed client for any backend that implements the contract. No DOM; runs in browsers
 * and in Node.
 */
export {
  createRelationsClient, type RelationsClient, type RelationsClientOptions, type StreamOptions, type StreamTopic, type TokenSource, type WorkerClientSettings,
} from './client.js';
export { readChangePage } from './change-page.js';
export { ApiError, ContractError, NetworkError } from './errors.js';
export { readServerSentEvents, type ServerSentEvent } from './sse.js';
export type { CallOptions, JsonOperationId, ListOperationId, OperationMethods, RequestOf, ResponseOf } from './types.js';
