import { organizationBody } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import { expectEqual, expectProblem, expectSuccess, fail, show } from '../expect.js';

const create = requestLine('createRelation');

export const relationChecks: Check[] = [
  {
    id: 'relations.numbering',
    area: 'Relations',
    title: 'concurrent creates with debtor: {} get distinct relation and debtor numbers; a later create gets higher ones',
    async run(ctx) {
      const concurrent = await Promise.all(
        Array.from({ length: 4 }, () => ctx.main.send('createRelation', { body: organizationBody(ctx.name('Nummer B.V.'), { debtor: {} }) })),
      );
      const relations = concurrent.map((reply) => expectSuccess(reply, ' (one of 4 at once)'));
      const numbers = relations.map((relation) => relation.number);
      const debtors = relations.map((relation) => relation.debtor?.number);
      if (debtors.includes(undefined)) fail(`${create} with debtor: {}: got debtor ${show(debtors)}, expected a number for each`);
      if (new Set(numbers).size !== numbers.length) fail(`${create} 4 at once: relation numbers ${show(numbers)} are not distinct`);
      if (new Set(debtors).size !== debtors.length) fail(`${create} 4 at once: debtor numbers ${show(debtors)} are not distinct`);
      const later = expectSuccess(await ctx.main.send('createRelation', { body: organizationBody(ctx.name('Nummer B.V.'), { debtor: {} }) }));
      if (later.number <= Math.max(...numbers) || (later.debtor?.number ?? 0) <= Math.max(...(debtors as number[]))) {
        fail(`${create}: a later relation got number ${later.number} and debtor ${show(later.debtor)}, not above ${show(numbers)} and ${show(debtors)}`);
      }
    },
  },
  {
    id: 'relations.role-number-kept',
    area: 'Relations',
    title: 'a debtor role ended (null) and given again ({}) gets its old number back',
    async run(ctx) {
      const relation = await ctx.fixtures.newRelation({ debtor: {} });
      const send = (debtor: object | null, version: number) =>
        ctx.main.send('updateRelation', { params: { id: relation.id }, body: { debtor }, headers: { 'If-Match': `"${version}"` } });
      const ended = expectSuccess(await send(null, relation.version), ' with debtor: null');
      expectEqual(ended.debtor, null, `${requestLine('updateRelation')} with debtor: null: debtor`);
      const back = expectSuccess(await send({}, ended.version), ' with debtor: {}');
      expectEqual(back.debtor, relation.debtor, `${requestLine('updateRelation')} with debtor: {} after null: debtor`);
    },
  },
  {
    id: 'relations.delete-referenced',
    area: 'Relations',
    title: 'deleting a relation that a contact moment refers to answers 409 problem+json; it can be archived instead',
    async run(ctx) {
      const relation = await ctx.fixtures.newRelation();
      expectSuccess(await ctx.main.send('createContactMoment', {
        body: { relationId: relation.id, kind: 'note', subject: ctx.name('notitie') },
      }), ' (preparing test data)');
      expectProblem(await ctx.main.send('deleteRelation', { params: { id: relation.id }, headers: { 'If-Match': `"${relation.version}"` } }), 409);
      const archived = expectSuccess(await ctx.main.send('updateRelation', {
        params: { id: relation.id }, body: { status: 'archived' }, headers: { 'If-Match': `"${relation.version}"` },
      }), ' (archiving instead)');
      expectEqual(archived.status, 'archived', `${requestLine('updateRelation')} with status: archived: status`);
    },
  },
];
