import * as z from 'zod/mini';
import { operations, Problem, type OperationId, type Operations } from '../src/contract/index.js';
import { describeRequest, type Reply } from './client.js';

/** A check found the backend outside the contract; `message` says where and how. */
export class CheckFailure extends Error {}

/** A check cannot run here, e.g. without a colleague's token. */
export class CheckSkipped extends Error {}

export function fail(message: string): never {
  throw new CheckFailure(message);
}

type ResponseSchema<K extends OperationId> = Operations[K] extends { response: infer R } ? R : undefined;
/** The body an operation answers with on success, as the operation table declares it. */
export type ResponseOf<K extends OperationId> = ResponseSchema<K> extends z.core.$ZodType ? z.output<ResponseSchema<K>> : undefined;

/** Quotes what was received, short enough for a one-line report. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** `$.items[3].organization.kvkNumber`: where in a body a value sits. */
export function jsonPath(path: readonly PropertyKey[]): string {
  return `$${path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}`;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined), value);
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  const found = valueAt(value, issue.path);
  const expected = 'expected' in issue ? `expected ${String(issue.expected)}, ` : '';
  const what = issue.code === 'custom' ? `rule ${issue.message}, ` : `${issue.code}, `;
  return `${jsonPath(issue.path)}: ${issue.code === 'invalid_type' ? '' : what}${expected}got ${show(found)}`;
}

/** The schema violations of `value`, each with its JSON path; empty when it conforms. */
export function violations(schema: z.core.$ZodType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  return result.success ? [] : result.error.issues.map((issue) => describeIssue(issue, value));
}

export function conform<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => describeIssue(issue, value));
  fail(`${what} does not match the contract: ${issues.slice(0, 3).join('; ')}${issues.length > 3 ? ` (+${issues.length - 3} more)` : ''}`);
}

/** A problem body's title and detail, so a failure shows why the backend refused. */
function because(reply: Reply): string {
  const body = reply.json as { title?: unknown; detail?: unknown } | undefined;
  const reason = [body?.title, body?.detail].filter((part) => typeof part === 'string').join(': ');
  return reason ? ` (${reason})` : '';
}

export function expectStatus(reply: Reply, status: number | readonly number[], context = ''): void {
  const allowed = typeof status === 'number' ? [status] : status;
  if (!allowed.includes(reply.status)) {
    fail(`${describeRequest(reply)}${context}: expected status ${allowed.join(' or ')}, got ${reply.status}${because(reply)}`);
  }
}

/** The operation answered its success status with a body its response schema accepts; returns that body. */
export function expectSuccess<K extends OperationId>(reply: Reply<K>, context = ''): ResponseOf<K> {
  const spec = operations[reply.operationId];
  expectStatus(reply, spec.status, context);
  const schema = 'response' in spec ? (spec.response as z.core.$ZodType) : undefined;
  if (!schema) return undefined as ResponseOf<K>;
  if (reply.json === undefined) {
    fail(`${describeRequest(reply)}${context}: expected a JSON body, got content type ${show(reply.headers.get('content-type'))}`);
  }
  return conform(schema, reply.json, `${describeRequest(reply)}${context}: response body`) as ResponseOf<K>;
}

/** An RFC 9457 problem with the given status, in the shape the contract's Problem schema fixes. */
export function expectProblem(reply: Reply, status: number | readonly number[], context = ''): Problem {
  expectStatus(reply, status, context);
  const type = reply.headers.get('content-type') ?? '';
  if (!/^application\/problem\+json\b/i.test(type)) {
    fail(`${describeRequest(reply)}${context}: expected content type application/problem+json with ${reply.status}, got ${show(type || undefined)}`);
  }
  const problem = conform(Problem, reply.json, `${describeRequest(reply)}${context}: problem body`);
  if (problem.status !== reply.status) {
    fail(`${describeRequest(reply)}${context}: problem status ${problem.status} differs from the HTTP status ${reply.status}`);
  }
  return problem;
}

/** `ETag: "<version>"` on a response carrying one versioned resource. */
export function expectEtag(reply: Reply, version: number, context = ''): void {
  const etag = reply.headers.get('etag');
  if (etag !== `"${version}"`) {
    fail(`${describeRequest(reply)}${context}: expected ETag "${version}" for version ${version}, got ${etag === null ? 'no ETag' : `ETag ${etag}`}`);
  }
}

export function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

/** The `version` of a resource body, when it is one. */
export function versionOf(body: unknown): number | undefined {
  const version = (body as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
}

/** Checks every item and reports all that fail, one line each, rather than only the first. */
export async function forEach<T>(items: Iterable<T>, check: (item: T) => Promise<void>): Promise<void> {
  const messages: string[] = [];
  for (const item of items) {
    try {
      await check(item);
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      messages.push(error.message);
    }
  }
  if (messages.length) fail(messages.join('\n'));
}
