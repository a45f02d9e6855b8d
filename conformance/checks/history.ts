import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import { expectEqual, expectSuccess, fail, show } from '../expect.js';
import { walkChanges } from '../feed.js';

/*
 * A relation's history (listRelationHistory): what a write through the API leaves there, and what it must
 * never hold.
 */

const list = requestLine('listRelationHistory');

export const historyChecks: Check[] = [
  {
    id: 'history.records-writes',
    area: 'History',
    title: 'a change of a relation shows in its history, newest first, by whom, with the field before and after',
    needs: ['colleague'],
    async run(ctx) {
      const relation = await ctx.fixtures.newRelation({ email: null });
      const email = `historie-${ctx.runId}@conformance.example`.toLowerCase();
      const updated = expectSuccess(await ctx.colleague.send('updateRelation', {
        params: { id: relation.id }, body: { email }, headers: { 'If-Match': `"${relation.version}"` },
      }));
      const [colleague, page] = [
        expectSuccess(await ctx.colleague.send('getMe')),
        expectSuccess(await ctx.main.send('listRelationHistory', { params: { id: relation.id }, query: { limit: '50' } })),
      ];
      const [latest] = page.items;
      if (!latest) fail(`${list} for a relation just changed lists nothing`);
      expectEqual([latest.entity, latest.entityId, latest.action, latest.actorId], ['relation', relation.id, 'updated', colleague.id], `${list}: the newest entry`);
      const change = latest.changes.find((c) => c.field === 'email');
      if (!change) fail(`${list}: the newest entry names no change of \`email\`: ${show(latest.changes)}`);
      expectEqual([change.old, change.new], [null, updated.email], `${list}: \`email\` before and after`);
      const ids = page.items.map((entry) => entry.id);
      if (page.items.some((entry) => entry.relationId !== relation.id)) fail(`${list} lists entries of another relation: ${show(ids)}`);
    },
  },
  {
    id: 'history.no-private-moment',
    area: 'History',
    title: "someone's private contact moment never shows in a colleague's view of a relation's history",
    needs: ['colleague'],
    async run(ctx) {
      const secret = `Vertrouwelijk ${ctx.runId}`;
      const moment = await ctx.fixtures.contactMoment(true, { visibility: 'private', kind: 'note', subject: secret, body: secret });
      const page = expectSuccess(await ctx.colleague.send('listRelationHistory', { params: { id: moment.relationId }, query: { limit: '500' } }));
      if (JSON.stringify(page).includes(secret)) fail(`${list} as a colleague holds the text of the author's private moment ${moment.id}`);
    },
  },
];

/** Checks of what a data subject may ask: their data, and its erasure by an admin. */
export const personalDataChecks: Check[] = [
  {
    id: 'personal-data.anonymize',
    area: 'History',
    title: 'anonymizeRelation erases the name, keys and addresses, keeps the number, shows in the history and in the feed; a member gets 403',
    needs: ['colleague'],
    async run(ctx) {
      const relation = await ctx.fixtures.newRelation({ email: `weg-${ctx.runId}@conformance.example`.toLowerCase(), phone: '030 123 4567' });
      const address = await ctx.fixtures.addressOf(relation.id);
      const colleague = expectSuccess(await ctx.colleague.send('getMe'));
      if (colleague.role === 'member') {
        const refused = await ctx.colleague.send('anonymizeRelation', { params: { id: relation.id } });
        if (refused.status !== 403) fail(`${requestLine('anonymizeRelation')} as a member answered ${refused.status}, expected 403`);
      }
      const since = (await ctx.firstWalk(ctx.main)).cursor;
      const anonymous = expectSuccess(await ctx.main.send('anonymizeRelation', { params: { id: relation.id } }));
      expectEqual([anonymous.number, anonymous.email, anonymous.phone, anonymous.status], [relation.number, null, null, 'archived'], 'the anonymised relation');
      if (anonymous.displayName === relation.displayName) fail(`the anonymised relation keeps its name ${show(relation.displayName)}`);
      const exported = JSON.stringify(expectSuccess(await ctx.main.send('exportRelationData', { params: { id: relation.id } })));
      for (const value of [relation.displayName, relation.email, address.street]) {
        if (value && exported.includes(value)) fail(`${requestLine('exportRelationData')} after anonymising still holds ${show(value)}`);
      }
      const history = expectSuccess(await ctx.main.send('listRelationHistory', { params: { id: relation.id }, query: { limit: '50' } }));
      if (history.items[0]?.action !== 'anonymized') fail(`${list}: the newest entry is ${show(history.items[0])}, expected the anonymisation`);
      const feed = (await walkChanges(ctx.main, since)).items;
      const upsert = feed.find((item) => item.entity === 'relation' && item.id === relation.id);
      if (!upsert || upsert.op !== 'upsert' || JSON.stringify(upsert.data).includes(relation.displayName)) {
        fail(`${requestLine('listChanges')} after anonymising: expected the relation without its name, got ${show(upsert)}`);
      }
      if (!feed.some((item) => item.entity === 'address' && item.id === address.id && item.op === 'delete')) {
        fail(`${requestLine('listChanges')} after anonymising: no tombstone for the address ${address.id}`);
      }
    },
  },
];
