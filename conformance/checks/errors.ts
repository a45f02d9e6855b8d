import { operations, type OperationId, type Problem } from '../../src/contract/index.js';
import { organizationBody } from '../bodies.js';
import type { Check } from '../check.js';
import { requestLine } from '../client.js';
import type { RunContext } from '../context.js';
import { expectProblem, expectSuccess, fail, forEach, show } from '../expect.js';
import { prepare } from '../recipes.js';

const operationIds = Object.keys(operations) as OperationId[];

/** An organization with two fields broken on purpose: the KvK number and the e-mail address. */
function invalidRelation(name: string) {
  const body = organizationBody(name);
  return { ...body, organization: { ...body.organization, name, kvkNumber: '123' }, email: 'geen-e-mailadres' };
}
const brokenPaths = ['email', 'organization.kvkNumber'];

async function validationProblem(ctx: RunContext, name: string, language: string): Promise<Problem> {
  const reply = await ctx.main.send('createRelation', { body: invalidRelation(name), headers: { 'Accept-Language': language } });
  return expectProblem(reply, 422, ` (Accept-Language: ${language})`);
}

export const errorChecks: Check[] = [
  {
    id: 'errors.malformed-json',
    area: 'Errors and languages',
    title: 'a body that is not JSON answers 400 problem+json',
    async run(ctx) {
      const reply = await ctx.main.send('createRelation', { raw: { text: '{"kind": "organization",', contentType: 'application/json' } });
      expectProblem(reply, 400);
    },
  },
  {
    id: 'errors.unknown-id',
    area: 'Errors and languages',
    title: 'every GET of an id that does not exist answers 404 problem+json',
    run: (ctx) =>
      forEach(
        operationIds.filter((id) => operations[id].method === 'get' && operations[id].path.includes('{id}')),
        async (operationId) => {
          expectProblem(await ctx.main.send(operationId, { params: { id: `conformance-${ctx.runId}-unknown` } }), 404);
        },
      ),
  },
  {
    id: 'errors.media-type',
    area: 'Errors and languages',
    title: 'every POST with a body answers 415 problem+json to a body that is not sent as JSON',
    run: (ctx) =>
      forEach(
        operationIds.filter((id) => operations[id].method === 'post' && 'body' in operations[id]),
        async (operationId) => {
          const { call } = await prepare(ctx, operationId);
          const reply = await ctx.main.send(operationId, { ...call, body: undefined, raw: { text: JSON.stringify(call.body), contentType: 'text/plain' } });
          expectProblem(reply, 415);
        },
      ),
  },
  {
    id: 'errors.validation',
    area: 'Errors and languages',
    title: 'an invalid body answers 422 problem+json naming exactly the broken fields in errors[], and writes nothing',
    async run(ctx) {
      const name = ctx.name('Ongeldig B.V.');
      const problem = await validationProblem(ctx, name, 'en');
      const paths = (problem.errors ?? []).map((error) => error.path).sort();
      if (JSON.stringify(paths) !== JSON.stringify(brokenPaths)) {
        fail(`${requestLine('createRelation')}: expected errors[].path ${show(brokenPaths)}, got ${show(paths)}`);
      }
      const empty = (problem.errors ?? []).filter((error) => !error.code || !error.message);
      if (empty.length) fail(`${requestLine('createRelation')}: errors without a code or message: ${show(empty)}`);
      const found = expectSuccess(await ctx.main.send('listRelations', { query: { q: name, status: 'lead,active,archived' } }));
      if (found.items.length) fail(`${requestLine('createRelation')}: answered 422 but created ${found.items.map((item) => item.id).join(', ')}`);
    },
  },
  {
    id: 'errors.languages',
    area: 'Errors and languages',
    title: 'Accept-Language nl and en give different messages for the same invalid field',
    async run(ctx) {
      const name = ctx.name('Taal B.V.');
      const [dutch, english] = await Promise.all([validationProblem(ctx, name, 'nl'), validationProblem(ctx, name, 'en')]);
      const message = (problem: Problem) => problem.errors?.find((error) => error.path === 'organization.kvkNumber')?.message;
      const nl = message(dutch);
      const en = message(english);
      if (!nl || !en) fail(`${requestLine('createRelation')}: no message for organization.kvkNumber (nl ${show(nl)}, en ${show(en)})`);
      if (nl === en) fail(`${requestLine('createRelation')}: the same message ${show(nl)} for Accept-Language nl and en`);
    },
  },
];

