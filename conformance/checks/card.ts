import { uniqueKeys } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine, type Reply } from '../client.js';
import type { RunContext } from '../context.js';
import { CheckSkipped, expectEqual, expectProblem, expectStatus, expectSuccess, fail, show } from '../expect.js';
import { offerOf, offeredButNotFound } from '../offered.js';

/*
 * What the relation card asks while someone types: which relations may be the one being entered
 * (findDuplicates), and, where the backend offers it, the street and city at a postcode (lookupAddress).
 */

const find = requestLine('findDuplicates');
const lookup = requestLine('lookupAddress');

/** An optional operation answered 404 or 501: the backend may not offer it, which `offerOf` then decides. */
export function notOffered(reply: Reply): boolean {
  return reply.status === 404 || reply.status === 501;
}

/** The run's relation with keys of its own, created once. */
function keyed(ctx: RunContext) {
  const keys = uniqueKeys(ctx.runId);
  return ctx.fixtures.newRelation({ organization: { name: ctx.name('Dubbel B.V.'), kvkNumber: keys.kvkNumber, vatNumber: keys.vatNumber }, iban: keys.iban, email: keys.email });
}

export const cardChecks: Check[] = [
  {
    id: 'relations.find-duplicates.keys',
    area: 'Relations',
    title: 'findDuplicates finds a relation by its KvK number, VAT number, IBAN and e-mail as people type them, score 1; not the one excluded; archived ones too',
    async run(ctx) {
      const keys = uniqueKeys(ctx.runId);
      const relation = await keyed(ctx);
      const drafts: [string, Record<string, unknown>][] = [
        ['kvkNumber', { organization: { kvkNumber: `${keys.kvkNumber.slice(0, 4)} ${keys.kvkNumber.slice(4, 6)}.${keys.kvkNumber.slice(6)}` } }],
        ['vatNumber', { organization: { vatNumber: keys.vatNumber.slice(2).toLowerCase() } }],
        ['iban', { iban: keys.iban.toLowerCase().replace(/(.{4})/g, '$1 ') }],
        ['email', { email: ` ${keys.email.toUpperCase()} ` }],
      ];
      for (const [reason, draft] of drafts) {
        const found = expectSuccess(await ctx.main.send('findDuplicates', { body: draft }), ` (by ${reason})`);
        const match = found.items.find((item) => item.relation.id === relation.id);
        if (!match) fail(`${find} with ${show(draft)}: the relation ${relation.id} with that ${reason} is not among ${show(found.items.map((item) => item.relation.id))}`);
        if (!match.reasons.includes(reason as never)) fail(`${find} with ${show(draft)}: reasons ${show(match.reasons)} lack ${reason}`);
        expectEqual(match.score, 1, `${find} with an equal ${reason}: score`);
        const scores = found.items.map((item) => item.score);
        if (scores.some((score, i) => i > 0 && score > scores[i - 1]!)) fail(`${find}: candidates not best first: scores ${show(scores)}`);
      }
      const excluded = expectSuccess(await ctx.main.send('findDuplicates', { body: { email: keys.email, excludeId: relation.id } }), ' (with excludeId)');
      if (excluded.items.some((item) => item.relation.id === relation.id)) fail(`${find} with excludeId ${relation.id}: that relation is still listed`);
      expectSuccess(await ctx.main.send('updateRelation', {
        params: { id: relation.id }, body: { status: 'archived' }, headers: { 'If-Match': `"${relation.version}"` },
      }), ' (archiving the relation)');
      const archived = expectSuccess(await ctx.main.send('findDuplicates', { body: { organization: { kvkNumber: keys.kvkNumber } } }), ' (archived)');
      if (!archived.items.some((item) => item.relation.id === relation.id)) fail(`${find}: an archived relation with an equal KvK number is not listed`);
    },
  },
  {
    id: 'relations.find-duplicates.draft',
    area: 'Relations',
    title: 'findDuplicates takes a draft as it is being typed (half a KvK number, an e-mail without domain) and answers 200',
    async run(ctx) {
      const reply = await ctx.main.send('findDuplicates', {
        body: { kind: 'person', person: { firstName: '', lastName: 'J' }, organization: { kvkNumber: '1234' }, email: 'j@', iban: 'NL91 AB' },
      });
      expectSuccess(reply, ' (a half-typed draft)');
    },
  },
  {
    id: 'isolation.find-duplicates',
    area: 'Tenant isolation',
    title: "findDuplicates never lists another tenant's relations, even with their exact keys",
    needs: ['otherTenant'],
    async run(ctx) {
      const keys = uniqueKeys(ctx.runId);
      await keyed(ctx);
      const found = expectSuccess(await ctx.otherTenant.send('findDuplicates', {
        body: { organization: { kvkNumber: keys.kvkNumber, vatNumber: keys.vatNumber }, iban: keys.iban, email: keys.email },
      }));
      const own = ctx.tracker.ids();
      const leaked = found.items.filter((item) => own.has(item.relation.id));
      if (leaked.length) fail(`${find} as the other tenant lists the run's relations ${show(leaked.map((item) => item.relation.id))}`);
    },
  },
  {
    id: 'addresses.lookup',
    area: 'Relations',
    title: 'lookupAddress (optional) finds 3521 CB 18, normalising the postcode (3521cb is 3521 CB), and refuses a malformed one with 400 or 422',
    async run(ctx) {
      const call = { query: { postalCode: '3521cb', houseNumber: '18' } };
      const reply = await ctx.main.send('lookupAddress', call);
      if (notOffered(reply)) {
        const offer = await offerOf(ctx, 'lookupAddress', reply);
        if (!offer.offered) throw new CheckSkipped(`not offered: ${lookup} ${offer.why} (lookupAddress is optional)`);
        if (offer.refused && reply.status === 404) fail(offeredButNotFound('lookupAddress', call, offer.refused));
      }
      const found = expectSuccess(reply);
      expectEqual(found.postalCode, '3521 CB', `${lookup} with postalCode 3521cb: postalCode`);
      expectEqual(found.houseNumber, '18', `${lookup}: houseNumber`);
      const bad = await ctx.main.send('lookupAddress', { query: { postalCode: '12345', houseNumber: '18' } });
      expectStatus(bad, [400, 422], ' with postalCode 12345');
      expectProblem(bad, [400, 422], ' with postalCode 12345');
    },
  },
];
