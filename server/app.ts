import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import * as z from 'zod/mini';
import { changeEntities, operations, toLocale, type Locale, type OperationId, type OperationSpec } from '../src/contract/index.js';
import { authenticate } from './auth.js';
import { compression } from './compression.js';
import { fieldErrors } from './field-errors.js';
import type { Actor, Handlers, RequestContext } from './context.js';
import type { Queryable } from './db/database.js';
import { anyVersion, problem, ProblemError, problemType } from './problem.js';
import { announcedTopic, announcementChannel, isOwnTopic } from './notification-hub.js';
import { handlers } from './resources/index.js';
import { deferChanges, flushChanges, lockKey } from './resources/shared.js';
import { holdAfterCommit, takeAfterCommit } from './after-commit.js';
import { streamNotifications } from './resources/notification-stream.js';
import type { Services } from './services.js';

/** Bodies above this are refused with 413; the largest legitimate one, a bulk label change, is ~0.5 MB. */
const maxBodyBytes = 1024 * 1024;

/**
 * The reference API: one route per operation of the contract, each validating its request and its response
 * against the contract's schemas, so this server cannot drift from the document backend teams implement.
 */
export function createApi(services: Services): Hono {
  const api = new Hono();
  api.use(
    cors({
      origin: '*',
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'Accept-Language', 'Last-Event-ID'],
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      exposeHeaders: ['ETag', 'Location', 'Retry-After', 'Idempotent-Replayed', 'Content-Language'],
    }),
  );
  api.use(compression());
  api.use(
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: (c) => problemResponse(c, problem('tooLarge', localeOf(c), { detail: `${maxBodyBytes} bytes at most.` })),
    }),
  );

  for (const [operationId, spec] of Object.entries(operations) as [OperationId, OperationSpec][]) {
    const path = spec.path.replace(/\{(\w+)\}/g, ':$1');
    api.on(spec.method.toUpperCase(), path, async (c) => {
      try {
        const actor = await authenticate(services.db, c.req.header('authorization'), localeOf(c));
        if (operationId === 'streamNotifications') return streamNotifications(c, actor, services);
        return await run(c, operationId, spec, actor, services);
      } catch (error) {
        return problemResponse(c, toProblem(error, localeOf(c)));
      }
    });
  }

  // Registered last, so it answers only what no operation matched (a mounted app has no notFound of its own).
  api.all('*', (c) => problemResponse(c, problem('notFound', localeOf(c), { detail: `${c.req.method} ${c.req.path}` })));
  api.onError((error, c) => problemResponse(c, toProblem(error, localeOf(c))));
  return api;
}

async function run(c: Context, operationId: OperationId, spec: OperationSpec, actor: Actor, services: Services) {
  const locale = localeOf(c);
  const params = spec.params ? parse(spec.params, c.req.param(), locale, 'params') : undefined;
  const query = spec.query ? parse(spec.query, c.req.query(), locale, 'query') : undefined;
  const rawBody = spec.body ? await readJson(c, locale) : undefined;
  const body = spec.body ? parse(spec.body, rawBody, locale, 'body') : undefined;
  const ifMatch = spec.ifMatch ? readIfMatch(c, locale) : 0;
  const handler = handlers[operationId as keyof Handlers] as unknown as (
    input: unknown,
    ctx: RequestContext,
  ) => Promise<{ body: unknown; version?: number }>;
  const input = { params, query, body, ifMatch };

  const execute = async (tx: Queryable) => handler(input, { tx, actor, locale, now: new Date(), services });

  // Reads, and POSTs that only read, need no transaction, no locks and no idempotency record.
  if (spec.method === 'get' || spec.safe) {
    return respond(c, operationId, spec, await execute(services.db));
  }

  const key = spec.method === 'post' ? c.req.header('idempotency-key') : undefined;
  const hash = key ? createHash('sha256').update(`${c.req.method} ${c.req.path}\n${JSON.stringify(rawBody ?? null)}`).digest('hex') : '';
  const outcome = await retried(() => services.db.transaction(async (tx) => {
    // Writers of a tenant run side by side: rows they share are locked row by row, numbers by their counter
    // row, and the change feed only from `flushChanges` to COMMIT, so it stays in commit order.
    deferChanges(tx);
    holdAfterCommit(tx);
    if (key) {
      // A second request with this key waits here until the first commits (then replays its answer) or
      // rolls back (then does the work itself): never twice.
      await lockKey(tx, 'idempotency', actor.tenantId, actor.id, key);
      const [previous] = await tx.query<{ request_hash: string; body: unknown; etag: string | null }>(
        'select request_hash, body, etag from idempotency_keys where tenant_id = $1 and user_id = $2 and key = $3',
        [actor.tenantId, actor.id, key],
      );
      if (previous) {
        if (previous.request_hash !== hash) throw problem('keyReused', locale, { detail: key });
        const version = previous.etag === null ? undefined : Number(previous.etag);
        return { replayed: true, result: { body: previous.body, ...(version === undefined ? {} : { version }) }, later: [] };
      }
    }
    const result = await execute(tx);
    await announce(tx, actor, operationId);
    if (key) {
      await tx.query(
        'insert into idempotency_keys (tenant_id, user_id, key, request_hash, status, etag, body) values ($1, $2, $3, $4, $5, $6, $7)',
        [actor.tenantId, actor.id, key, hash, spec.status, result.version === undefined ? null : String(result.version), result.body ?? null],
      );
    }
    await flushChanges(tx);
    return { replayed: false, result, later: takeAfterCommit(tx) };
  }));
  for (const work of outcome.later) await work();
  if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
  return respond(c, operationId, spec, outcome.result);
}

/** PostgreSQL's codes for a transaction it chose to abort (deadlock, serialization): safe to run again. */
const retryableCodes = new Set(['40P01', '40001']);

/**
 * Runs a write transaction again when PostgreSQL aborted it to break a deadlock. Writers lock rows in a
 * consistent order where they can; where a request names rows in its own order (labels of a bulk change)
 * two writers can still meet crosswise, and the one PostgreSQL aborts runs again on the rows as they are now.
 */
async function retried<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (attempt >= 5 || !retryableCodes.has((error as { code?: unknown }).code as string)) throw error;
    }
  }
}

/**
 * Tells every open stream of the tenant (or of the acting user, for their own notifications), on every
 * instance of the backend, that it has something new to read: delivered by PostgreSQL when the transaction
 * commits, and never when it rolls back.
 */
async function announce(tx: Queryable, actor: Actor, operationId: OperationId): Promise<void> {
  const topic = announcedTopic(operationId);
  const announcement = { tenantId: actor.tenantId, topic, ...(isOwnTopic(topic) ? { userId: actor.id } : {}) };
  await tx.query('select pg_notify($1, $2)', [announcementChannel, JSON.stringify(announcement)]);
}

/**
 * A change feed page carries entities as they are stored, and each was checked against the contract when it
 * went in: an API write's answer is that same entity, checked by `respond`, and the seed is checked by its
 * own test. So a page checks its envelope and each entry's entity, id and op here, not every field of every
 * entity again, which took 2.4 s of a 100,000-relation first sync's 19.7 s on this server.
 */
export const FeedPageEnvelope = z.object({
  items: z.array(z.object({ entity: z.enum(changeEntities), id: z.string(), op: z.enum(['upsert', 'delete']), data: z.unknown() })),
  nextCursor: z.string(),
  hasMore: z.boolean(),
  remaining: z.int().check(z.nonnegative()),
});
const ownChecks: Partial<Record<OperationId, z.core.$ZodType>> = { listChanges: FeedPageEnvelope };

function respond(c: Context, operationId: OperationId, spec: OperationSpec, result: { body: unknown; version?: number }) {
  c.header('Content-Language', localeOf(c));
  if (result.version !== undefined) c.header('ETag', `"${result.version}"`);
  if (spec.status === 204) return c.body(null, 204);
  const check = (ownChecks[operationId] ?? spec.response)?.['~standard'].validate(result.body);
  if (check && !(check instanceof Promise) && check.issues) {
    // The reference backend must never answer outside its own contract: that is a bug here, not the client's.
    console.error(`response of ${operationId} breaks the contract`, JSON.stringify(check.issues.slice(0, 5)));
    throw problem('internal', localeOf(c), { detail: `response of ${operationId} breaks the contract` });
  }
  return c.json(result.body as object, spec.status);
}

function parse(schema: z.core.$ZodType, value: unknown, locale: Locale, where: 'params' | 'query' | 'body'): unknown {
  // reportInput keeps each issue's input, which tells "missing" from "of the wrong type" in the message.
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  if (where === 'params') throw problem('notFound', locale);
  const errors = fieldErrors(result.error.issues, locale);
  throw where === 'body' ? problem('validation', locale, { errors }) : problem('malformed', locale, { errors });
}

async function readJson(c: Context, locale: Locale): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw problem('mediaType', locale, { detail: type || undefined });
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw problem('malformed', locale, { detail: (error as Error).message });
  }
}

/**
 * `If-Match: "3"` (or weak `W/"3"`) names version 3; required, as the contract says, on PATCH and DELETE.
 * `*` matches whatever version exists (RFC 9110): a deliberate "overwrite" that the caller asks for.
 */
function readIfMatch(c: Context, locale: Locale): number {
  const header = c.req.header('if-match');
  if (!header) throw problem('preconditionRequired', locale);
  if (header.trim() === '*') return anyVersion;
  const match = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!match) throw problem('preconditionFailed', locale, { detail: `If-Match: ${header}` });
  return Number(match[1]);
}

function localeOf(c: Context): Locale {
  return toLocale(c.req.header('accept-language'));
}

function toProblem(error: unknown, locale: Locale): ProblemError {
  if (error instanceof ProblemError) return error;
  // A constraint caught what a check before it could not see (a concurrent writer): the client's data
  // conflicts with data stored a moment ago, as a 409 says, and is not a fault of the server.
  const code = (error as { code?: unknown }).code;
  if (code === '23505' || code === '23503') return problem('conflict', locale);
  console.error(error);
  return problem('internal', locale);
}

export function problemResponse(c: Context, error: ProblemError): Response {
  const { headers, ...extra } = error.extra;
  const body = { type: problemType(error.kind), title: error.title, status: error.status, ...extra };
  const response = new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json', 'Content-Language': localeOf(c), ...headers },
  });
  if (error.status === 401) response.headers.set('WWW-Authenticate', 'Bearer');
  if (error.status === 412 && error.extra.current && typeof error.extra.current === 'object' && 'version' in error.extra.current) {
    response.headers.set('ETag', `"${String(error.extra.current.version)}"`);
  }
  return response;
}
