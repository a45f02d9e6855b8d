import type { ContactMoment } from '../../src/contract/index.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import type { RunContext } from '../context.js';
import { expectProblem, expectSuccess, fail, forEach, show } from '../expect.js';
import { walkChanges } from '../feed.js';

/** A private moment by the main user, on the run's organization. */
const privateMoments = new WeakMap<RunContext, Promise<ContactMoment>>();
function privateMoment(ctx: RunContext): Promise<ContactMoment> {
  let moment = privateMoments.get(ctx);
  if (!moment) {
    moment = ctx.fixtures.contactMoment(true, { visibility: 'private', kind: 'note' });
    moment.catch(() => undefined);
    privateMoments.set(ctx, moment);
  }
  return moment;
}

export const privacyChecks: Check[] = [
  {
    id: 'privacy.private-moment-hidden',
    area: 'Privacy',
    title: "a colleague cannot list, read, change or delete someone's private contact moment (404), but sees team moments",
    needs: ['colleague'],
    async run(ctx) {
      const colleague = ctx.colleague;
      const [moment, team] = await Promise.all([privateMoment(ctx), ctx.fixtures.contactMoment()]);
      const params = { id: moment.id };
      const ifMatch = { 'If-Match': `"${moment.version}"` };
      await forEach(
        [
          () => colleague.send('getContactMoment', { params }),
          () => colleague.send('updateContactMoment', { params, body: { subject: 'Gezien' }, headers: ifMatch }),
          () => colleague.send('deleteContactMoment', { params, headers: ifMatch }),
        ],
        async (send) => {
          expectProblem(await send(), 404, " as a colleague, for the author's private moment");
        },
      );
      const list = expectSuccess(await colleague.send('listContactMoments', { query: { relationId: moment.relationId, limit: '500' } }));
      const ids = list.items.map((item) => item.id);
      if (ids.includes(moment.id)) fail(`${requestLine('listContactMoments')} lists the private moment ${moment.id} to a colleague`);
      if (!ids.includes(team.id)) fail(`${requestLine('listContactMoments')} does not list the team moment ${team.id} to a colleague`);
      expectSuccess(await ctx.main.send('getContactMoment', { params }), ' as the author');
    },
  },
  {
    id: 'privacy.private-moment-feed',
    area: 'Privacy',
    title: "someone's private contact moment never reaches a colleague's change feed as an upsert",
    needs: ['colleague'],
    async run(ctx) {
      const colleague = ctx.colleague;
      const moment = await privateMoment(ctx);
      const since = (await ctx.firstWalk(colleague)).cursor;
      const entries = (await walkChanges(colleague, since)).items.filter((item) => item.id === moment.id);
      if (entries.some((entry) => entry.op !== 'delete' || entry.data !== null)) {
        fail(`${requestLine('listChanges')} as a colleague: the private moment ${moment.id} appears as ${show(entries)}; expected at most a tombstone`);
      }
      const own = (await walkChanges(ctx.main, (await ctx.firstWalk(ctx.main)).cursor)).items.filter((item) => item.id === moment.id);
      if (own.length !== 1 || own[0]?.op !== 'upsert') {
        fail(`${requestLine('listChanges')} as the author: expected the private moment ${moment.id} once as an upsert, got ${show(own)}`);
      }
    },
  },
];
