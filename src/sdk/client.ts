import ky, { HTTPError, TimeoutError, type KyInstance } from 'ky';
import * as z from 'zod/mini';
import { Problem, operations, type Locale, type Notification, type OperationId, type OperationSpec } from '../contract/index.js';
import { ApiError, ContractError, NetworkError } from './errors.js';
import { nextTask } from './next-task.js';
import { readServerSentEvents } from './sse.js';
import type { CallOptions, JsonOperationId, ListOperationId, OperationMethods, RequestOf, ResponseOf } from './types.js';

export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface RelationsClientOptions {
  /** The backend's base URL, e.g. `https://erp.example/api/v1` or `/api/v1`. */
  baseUrl: string;
  /** Called before every request, so the host can refresh its token; tokens are never stored. */
  getToken?: TokenSource | undefined;
  /** The host's own fetch, to route requests through its stack. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Language of error messages (`Accept-Language`). */
  locale?: Locale | (() => Locale) | undefined;
  /** Retries of requests that are safe to repeat: GETs, DELETEs, and POSTs with an idempotency key. */
  retry?: { limit?: number; maxDelayMs?: number } | undefined;
}

export interface RelationsClient extends OperationMethods {
  readonly baseUrl: string;
  /** Every page of a list, following `nextCursor`, as an async iterator. */
  pages<K extends ListOperationId>(operationId: K, request?: RequestOf<K>, options?: CallOptions): AsyncGenerator<ResponseOf<K>>;
  /**
   * The current user's notifications as they arrive (server-sent events over fetch, so the token goes in a
   * header), and what the tenant's writes announce. Reconnects with `Last-Event-ID` after a dropped
   * connection until `signal` aborts; rejects only when the backend refuses the stream (a 4xx).
   */
  streamNotifications(onNotification: (notification: Notification) => void, options: StreamOptions): Promise<void>;
  /**
   * A page of the change feed as the backend sent it, unread: its JSON as bytes, to be read off the main
   * thread (the store's sync worker does, with `readChangePage`). Requests, retries and errors are those of
   * `listChanges`.
   */
  listChangesBody(request: RequestOf<'listChanges'>, options?: CallOptions): Promise<ArrayBuffer>;
  /**
   * What a worker needs to make this client's requests itself, as of now (`getToken` is asked): with it,
   * `createRelationsClient` there sends the same headers. Undefined when requests go through the host's own
   * `fetch`, which cannot leave this thread.
   */
  settingsForWorker(): Promise<WorkerClientSettings | undefined>;
}

/** A client's settings as they cross to a worker: plain data, the token as it is now. */
export interface WorkerClientSettings {
  baseUrl: string;
  token: string | null;
  locale: Locale;
  retry: { limit?: number; maxDelayMs?: number } | undefined;
}

/** What a stream tells besides notifications. */
export interface StreamOptions {
  signal: AbortSignal;
  /** The stream is open (again): anything announced while it was down is not replayed, so pull now. */
  onReady?: (() => void) | undefined;
  /**
   * The tenant's change feed moved (`changes`), its callback requests changed (`callbacks`), or this user's
   * notifications were marked read, here or on another device (`notifications`).
   */
  onAnnouncement?: ((topic: StreamTopic) => void) | undefined;
  /** The connection dropped; it is tried again after a pause. */
  onDrop?: (() => void) | undefined;
}

export type StreamTopic = 'changes' | 'callbacks' | 'notifications';
const topics: readonly string[] = ['changes', 'callbacks', 'notifications'] satisfies StreamTopic[];

const retryableStatuses = [408, 425, 429, 500, 502, 503, 504];

function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

function pathOf(spec: OperationSpec, request: Record<string, unknown>): string {
  return spec.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(request[name] ?? '')));
}

function searchParamsOf(spec: OperationSpec, request: Record<string, unknown>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(spec.query?.shape ?? {})) {
    const value = request[key];
    if (value === undefined || value === null) continue;
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

/**
 * A typed client for any backend that implements the relations contract. Every method is derived from the
 * operation table: requests are built from it and responses are checked against it, so a backend that
 * drifts from the contract fails loudly with a ContractError instead of corrupting the cache.
 */
export function createRelationsClient(options: RelationsClientOptions): RelationsClient {
  const http: KyInstance = ky.create({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    throwHttpErrors: true,
    timeout: 15_000,
  });
  const locale = () => (typeof options.locale === 'function' ? options.locale() : (options.locale ?? 'en'));
  const retryLimit = options.retry?.limit ?? 3;

  async function headersFor(extra: Record<string, string | undefined>): Promise<Record<string, string>> {
    const token = await options.getToken?.();
    const headers: Record<string, string> = { 'Accept-Language': locale(), Accept: 'application/json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    for (const [name, value] of Object.entries(extra)) if (value !== undefined) headers[name] = value;
    return headers;
  }

  /** The operation's request sent, with retries; the response, when it succeeded, unread. */
  async function send(operationId: JsonOperationId, request: Record<string, unknown>, callOptions: CallOptions): Promise<Response> {
    const spec: OperationSpec = operations[operationId];
    const idempotencyKey = request['idempotencyKey'] as string | undefined;
    const ifMatch = request['ifMatch'] as number | undefined;
    let response: Response;
    try {
      response = await http(joinUrl(options.baseUrl, pathOf(spec, request)), {
        method: spec.method,
        searchParams: searchParamsOf(spec, request),
        headers: await headersFor({
          'If-Match': ifMatch === undefined ? undefined : `"${ifMatch}"`,
          'Idempotency-Key': idempotencyKey,
        }),
        ...(spec.body ? { json: request['body'] } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        ...(callOptions.timeout ? { timeout: callOptions.timeout } : {}),
        retry: {
          limit: retryLimit,
          // Repeating a POST is safe only when the key lets the backend recognise the repeat.
          methods: idempotencyKey ? ['get', 'delete', 'post'] : ['get', 'delete'],
          statusCodes: retryableStatuses,
          afterStatusCodes: [413, 429, 503],
          backoffLimit: options.retry?.maxDelayMs ?? 10_000,
          jitter: true,
        },
      });
    } catch (error) {
      if (error instanceof HTTPError) throw await toApiError(operationId, error.response);
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      if (error instanceof TimeoutError || error instanceof TypeError) throw new NetworkError(operationId, error);
      throw error;
    }
    return response;
  }

  async function call<K extends JsonOperationId>(operationId: K, request: Record<string, unknown>, callOptions: CallOptions = {}) {
    const spec: OperationSpec = operations[operationId];
    const response = await send(operationId, request, callOptions);
    if (spec.status === 204 || response.status === 204) return undefined as ResponseOf<K>;
    if (operationId === 'listChanges') {
      // A page of the feed is megabytes: reading its text, then parsing and checking it, are a task each.
      const text = await response.text();
      const { readChangePage } = await import('./change-page.js');
      await nextTask();
      return readChangePage(text) as unknown as ResponseOf<K>;
    }
    const body: unknown = await response.json();
    if (!spec.response) return body as ResponseOf<K>;
    const result = z.safeParse(spec.response as z.ZodMiniType, body);
    if (!result.success) throw new ContractError(operationId, result.error.issues);
    return result.data as ResponseOf<K>;
  }

  const methods = Object.fromEntries(
    (Object.keys(operations) as OperationId[])
      .filter((id): id is JsonOperationId => id !== 'streamNotifications')
      .map((id) => [id, (request: Record<string, unknown> = {}, callOptions?: CallOptions) => call(id, request, callOptions)]),
  ) as unknown as OperationMethods;

  async function* pages<K extends ListOperationId>(operationId: K, request?: RequestOf<K>, callOptions?: CallOptions) {
    let cursor: string | null | undefined;
    do {
      const page = (await call(operationId, { ...(request as object), ...(cursor ? { cursor } : {}) }, callOptions)) as ResponseOf<K> & {
        nextCursor: string | null;
      };
      yield page;
      cursor = page.nextCursor;
    } while (cursor);
  }

  async function streamNotifications(onNotification: (notification: Notification) => void, { signal, onReady, onAnnouncement, onDrop }: StreamOptions) {
    let lastEventId: string | undefined;
    let attempt = 0;
    const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
    while (!signal.aborted) {
      try {
        const response = await fetcher(joinUrl(options.baseUrl, operations.streamNotifications.path), {
          headers: await headersFor({ Accept: 'text/event-stream', 'Last-Event-ID': lastEventId }),
          signal,
        });
        if (!response.ok || !response.body) throw await toApiError('streamNotifications', response);
        attempt = 0;
        for await (const event of readServerSentEvents(response.body)) {
          if (event.event === 'ready') onReady?.();
          else if (topics.includes(event.event)) onAnnouncement?.(event.event as StreamTopic);
          else if (event.event === 'notification') {
            lastEventId = event.id ?? lastEventId;
            onNotification(JSON.parse(event.data) as Notification);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        if (error instanceof ApiError && error.status < 500) throw error;
      }
      if (signal.aborted) return;
      onDrop?.();
      // The connection ended or failed: wait, longer each time, then pick up where the stream left off.
      attempt++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** attempt)));
    }
  }

  async function listChangesBody(request: RequestOf<'listChanges'>, callOptions: CallOptions = {}): Promise<ArrayBuffer> {
    const response = await send('listChanges', request as Record<string, unknown>, callOptions);
    try {
      return await response.arrayBuffer();
    } catch (error) {
      // The connection broke while the body was on its way.
      throw new NetworkError('listChanges', error);
    }
  }

  async function settingsForWorker(): Promise<WorkerClientSettings | undefined> {
    if (options.fetch) return undefined;
    return { baseUrl: options.baseUrl, token: (await options.getToken?.()) ?? null, locale: locale(), retry: options.retry };
  }

  return { ...methods, baseUrl: options.baseUrl, pages, streamNotifications, listChangesBody, settingsForWorker };
}

async function toApiError(operationId: OperationId, response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const problem = z.safeParse(Problem, parsed);
  return new ApiError(
    operationId,
    response.status,
    problem.success ? problem.data : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status },
  );
}
