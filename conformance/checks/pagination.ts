import { relationSorts, type RelationSort } from '../../src/contract/index.js';
import { addressBody, contactMomentBody, organizationBody } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine, type ApiClient } from '../client.js';
import type { RunContext } from '../context.js';
import { expectSuccess, fail } from '../expect.js';

type PagedOperation = 'listRelations' | 'listContactMoments' | 'listAffiliations';

/** Pages a walk reads at most; more means the cursors loop. */
const maxPages = 200;

interface Walk {
  ids: string[];
  items: Record<string, unknown>[];
}

/** Follows `nextCursor` from the first page to the one where it is null. */
async function walk(client: ApiClient, operationId: PagedOperation, query: Record<string, string>, limit: number): Promise<Walk> {
  const walked: Walk = { ids: [], items: [] };
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const body = expectSuccess(await client.send(operationId, { query: { ...query, limit: String(limit), cursor } }));
    if (body.items.length > limit) fail(`${requestLine(operationId)}: a page of ${body.items.length} items with limit=${limit}`);
    for (const item of body.items) {
      walked.ids.push(item.id);
      walked.items.push(item);
    }
    if (body.nextCursor === null) return walked;
    cursor = body.nextCursor;
  }
  return fail(`${requestLine(operationId)}: nextCursor still set after ${maxPages} pages of ${limit}`);
}

/** Small pages must list exactly what one big page lists, in the same order; `expected` is what must be there. */
async function compareWalks(
  client: ApiClient, operationId: PagedOperation, query: Record<string, string>, expected: readonly string[], smallLimit: number,
): Promise<Walk> {
  const what = `${requestLine(operationId)} ${new URLSearchParams(query)}`;
  const whole = await walk(client, operationId, query, 500);
  const paged = await walk(client, operationId, query, smallLimit);
  const repeated = paged.ids.filter((id, index) => paged.ids.indexOf(id) !== index);
  if (repeated.length) fail(`${what}: with limit=${smallLimit} ${repeated.join(', ')} came twice`);
  const missing = whole.ids.filter((id) => !paged.ids.includes(id));
  if (missing.length) fail(`${what}: with limit=${smallLimit} ${missing.join(', ')} never came (but did with limit=500)`);
  const surplus = paged.ids.filter((id) => !whole.ids.includes(id));
  if (surplus.length) fail(`${what}: with limit=${smallLimit} ${surplus.join(', ')} came, but not with limit=500`);
  const position = whole.ids.findIndex((id, index) => paged.ids[index] !== id);
  if (position >= 0) fail(`${what}: pages of limit=${smallLimit} order differently from one page of limit=500 from position ${position}`);
  const absent = expected.filter((id) => !whole.ids.includes(id));
  if (absent.length) fail(`${what}: ${absent.join(', ')} missing from the list`);
  return whole;
}

/**
 * Seven relations only this run has: three with one name (so sort keys tie and only the id breaks the
 * tie), debtors and creditors among them, cities twice the same and some none.
 */
const relationSets = new WeakMap<RunContext, Promise<string[]>>();
function relationSet(ctx: RunContext): Promise<string[]> {
  let set = relationSets.get(ctx);
  if (!set) {
    set = (async () => {
      const tie = `Conformance ${ctx.runId} Pagina B.V.`;
      const names = [tie, tie, tie, ctx.name('Pagina B.V.'), ctx.name('Pagina B.V.'), ctx.name('Pagina B.V.'), ctx.name('Pagina B.V.')];
      const ids: string[] = [];
      for (const [index, name] of names.entries()) {
        const role = index % 3 === 0 ? { debtor: {} } : index % 3 === 1 ? { creditor: {} } : {};
        const relation = expectSuccess(await ctx.main.send('createRelation', { body: organizationBody(name, role) }), ' (preparing test data)');
        const city = ['Utrecht', 'Amsterdam', 'Utrecht', undefined][index % 4];
        if (city) expectSuccess(await ctx.main.send('createAddress', { params: { id: relation.id }, body: addressBody(city) }), ' (preparing test data)');
        ids.push(relation.id);
      }
      return ids;
    })();
    set.catch(() => undefined);
    relationSets.set(ctx, set);
  }
  return set;
}

/** Numbers and moments of change sort the same on every backend; names and cities depend on collation. */
function checkOrder(sort: RelationSort, items: Record<string, unknown>[]): void {
  const key = sort.replace('-', '');
  if (key !== 'number' && key !== 'updatedAt') return;
  const values = items.map((item) => (key === 'number' ? (item['number'] as number) : Date.parse(item['updatedAt'] as string)));
  const descending = sort.startsWith('-');
  const wrong = values.findIndex((value, index) => index > 0 && (descending ? value > values[index - 1]! : value < values[index - 1]!));
  if (wrong > 0) fail(`${requestLine('listRelations')} sort=${sort}: item ${wrong} is out of order`);
}

export const paginationChecks: Check[] = [
  ...relationSorts.map((sort): Check => ({
    id: `pagination.relations.${sort}`,
    area: 'Pagination',
    title: `listRelations sort=${sort}: pages of 2 list what one page lists, once each, and end with nextCursor null`,
    async run(ctx) {
      const ids = await relationSet(ctx);
      const whole = await compareWalks(ctx.main, 'listRelations', { q: `${ctx.runId} pagina`, sort }, ids, 2);
      const extra = whole.ids.filter((id) => !ids.includes(id));
      if (extra.length) fail(`${requestLine('listRelations')} q=${ctx.runId} pagina: lists ${extra.join(', ')}, which the search does not match`);
      checkOrder(sort, whole.items);
    },
  })),
  {
    id: 'pagination.contact-moments',
    area: 'Pagination',
    title: 'listContactMoments: pages of 2 list what one page lists, also when moments share a moment in time',
    async run(ctx) {
      const relation = expectSuccess(await ctx.main.send('createRelation', { body: organizationBody(ctx.name('Momenten B.V.')) }));
      const ids: string[] = [];
      for (const occurredAt of ['2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z', '2026-02-01T10:00:00Z', '2025-12-01T08:00:00Z']) {
        const moment = expectSuccess(await ctx.main.send('createContactMoment', {
          body: contactMomentBody(relation.id, ctx.name('gesprek'), { occurredAt }),
        }));
        ids.push(moment.id);
      }
      await compareWalks(ctx.main, 'listContactMoments', { relationId: relation.id }, ids, 2);
    },
  },
  {
    id: 'pagination.affiliations',
    area: 'Pagination',
    title: 'listAffiliations: pages of 1 list what one page lists',
    async run(ctx) {
      const organization = await ctx.fixtures.newRelation();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        const person = await ctx.fixtures.newPerson();
        const link = expectSuccess(await ctx.main.send('createAffiliation', {
          body: { personId: person.id, organizationId: organization.id, function: `Functie ${i + 1}` },
        }));
        ids.push(link.id);
      }
      await compareWalks(ctx.main, 'listAffiliations', { organizationId: organization.id }, ids, 1);
    },
  },
];

