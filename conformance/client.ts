import { operations, type OperationId } from '../src/contract/index.js';

/** Who a request is sent as; the kit reports and cleans up per identity. */
export type Role = 'main' | 'colleague' | 'otherTenant' | 'anonymous' | 'wrongToken';

/** One request to an operation, described the way the operation table describes it. */
export interface Call {
  readonly params?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** Sent as JSON with `Content-Type: application/json`. */
  readonly body?: unknown;
  /** Sent as is, for requests that must be malformed on purpose. */
  readonly raw?: { readonly text: string; readonly contentType: string };
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Reply<K extends OperationId = OperationId> {
  readonly operationId: K;
  readonly method: string;
  /** The path template of the operation, so messages name the operation rather than one id. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** The parsed body when it is JSON (any `+json` type included), otherwise undefined. */
  readonly json: unknown;
}

/** Told about every reply, so cleanup and coverage never depend on a check remembering to report. */
export type ReplyObserver = (reply: Reply, client: ApiClient) => void;

/** Long enough for a slow backend under test, short enough that a hung request fails its check. */
const requestTimeoutMs = 20_000;

/** `createRelation POST /relations`: how every failure message names the request it is about. */
export function describeRequest(reply: Pick<Reply, 'operationId' | 'method' | 'path'>): string {
  return `${reply.operationId} ${reply.method} ${reply.path}`;
}

export function requestLine(operationId: OperationId): string {
  const spec = operations[operationId];
  return `${operationId} ${spec.method.toUpperCase()} ${spec.path}`;
}

/** Sends the contract's operations to one backend as one identity. */
export class ApiClient {
  constructor(
    readonly role: Role,
    private readonly baseUrl: string,
    private readonly token: string | null,
    private readonly fetcher: typeof fetch,
    private readonly observe: ReplyObserver,
  ) {}

  private url(operationId: OperationId, call: Call = {}): string {
    const spec = operations[operationId];
    const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = call.params?.[name];
      if (value === undefined) throw new Error(`conformance kit: ${operationId} needs the path parameter ${name}`);
      return encodeURIComponent(value);
    });
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(call.query ?? {})) if (value !== undefined) query.set(key, value);
    const search = query.size ? `?${query}` : '';
    return `${this.baseUrl}${path}${search}`;
  }

  async send<K extends OperationId>(operationId: K, call: Call = {}): Promise<Reply<K>> {
    const response = await this.open(operationId, call);
    // An event stream stays open: a request answered with one must not wait for its end.
    const streaming = /^text\/event-stream/i.test(response.headers.get('content-type') ?? '');
    const text = streaming ? '' : await response.text();
    if (streaming) await response.body?.cancel().catch(() => undefined);
    const reply: Reply<K> = {
      operationId,
      method: operations[operationId].method.toUpperCase(),
      path: operations[operationId].path,
      params: call.params ?? {},
      status: response.status,
      headers: response.headers,
      text,
      json: parseJson(response.headers.get('content-type'), text),
    };
    this.observe(reply, this);
    return reply;
  }

  /** The raw response, for the event stream, whose body must be read as it arrives. */
  async open(operationId: OperationId, call: Call = {}, signal?: AbortSignal): Promise<Response> {
    const spec = operations[operationId];
    const headers: Record<string, string> = {};
    if (this.token !== null) headers['Authorization'] = `Bearer ${this.token}`;
    let body: string | undefined;
    if (call.raw) {
      headers['Content-Type'] = call.raw.contentType;
      body = call.raw.text;
    } else if (call.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(call.body);
    }
    Object.assign(headers, call.headers);
    try {
      return await this.fetcher(this.url(operationId, call), {
        method: spec.method.toUpperCase(),
        headers,
        body,
        signal: signal ?? AbortSignal.timeout(requestTimeoutMs),
      });
    } catch (error) {
      // A refused connection or a timeout is a failure of this request, reported like any other.
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      throw new RequestFailed(`${requestLine(operationId)}: no response (${reason})`);
    }
  }
}

export class RequestFailed extends Error {}

function parseJson(contentType: string | null, text: string): unknown {
  if (!contentType || !/^application\/([\w.-]+\+)?json\b/i.test(contentType) || text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
