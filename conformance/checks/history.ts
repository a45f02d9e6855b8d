import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import { expectEqual, expectSuccess, fail, show } from '../expect.js';

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
