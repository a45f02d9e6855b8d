/*
 * openapi/relations.v1.yaml is generated from the contract: it must be current, valid OpenAPI 3.1, and describe
 * every operation of the operation table the way the contract behaves.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { parse } from 'yaml';
import * as z from 'zod/mini';
import { isIban, isKvk, isVat, operations, Problem, type OperationId, type OperationSpec } from '../../../src/contract/index.js';
import { errorDocs, operationDocs, schemaDocs } from '../../../src/contract/openapi/descriptions.js';
import { buildOpenApiDocument, openApiFile, renderOpenApiYaml } from '../../../src/contract/openapi/document.js';

type Json = Record<string, unknown>;

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The node at a path of keys and array indexes, or undefined. */
function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (isJson(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined), value);
}

function object(value: unknown, what: string): Json {
  assert.ok(isJson(value), `${what} is missing`);
  return value;
}

const document: Json = object(parse(readFileSync(openApiFile, 'utf8')), openApiFile);

/** Follows a local `$ref` such as `#/components/responses/NotFound`. */
function resolveRef(node: unknown): unknown {
  const ref = at(node, '$ref');
  return typeof ref === 'string' ? at(document, ...ref.replace(/^#\//, '').split('/')) : node;
}

const entries = Object.entries(operations) as [OperationId, OperationSpec][];

function operationOf(operationId: OperationId, spec: OperationSpec): Json {
  return object(at(document, 'paths', spec.path, spec.method), `${spec.method.toUpperCase()} ${spec.path} (${operationId})`);
}

function parametersOf(operation: Json): Json[] {
  const parameters = operation.parameters ?? [];
  assert.ok(Array.isArray(parameters));
  return parameters.map((parameter) => object(resolveRef(parameter), 'a parameter'));
}

const shapeKeys = (schema: z.ZodMiniObject | undefined) => Object.keys(schema?.shape ?? {});

describe('the committed OpenAPI document', () => {
  test('is what the contract generates now', () => {
    assert.ok(
      readFileSync(openApiFile, 'utf8') === renderOpenApiYaml(),
      `${openApiFile} is stale: run \`npx tsx scripts/generate-openapi.ts\` and commit it`,
    );
  });

  test('is valid OpenAPI 3.1', async () => {
    assert.equal(document.openapi, '3.1.0');
    const result = await validate(openApiFile);
    assert.ok(result.valid, compileErrors(result));
    assert.equal(result.specification, 'OpenAPI');
    assert.deepEqual(result.warnings, []);
  });

  test('says what the API is, where it lives and how to authenticate', () => {
    assert.equal(at(document, 'info', 'title'), 'Relations API');
    assert.equal(at(document, 'info', 'version'), '1.0.0');
    const description = String(at(document, 'info', 'description'));
    for (const topic of ['tenant', 'ETag', 'If-Match', 'Idempotency-Key', 'Accept-Language', 'problem']) {
      assert.ok(description.includes(topic), `info.description does not explain ${topic}`);
    }
    assert.deepEqual(document.servers, [{ url: '/api/v1', description: at(document, 'servers', '0', 'description') }]);
    assert.deepEqual(document.security, [{ bearer: [] }]);
    assert.deepEqual(
      [at(document, 'components', 'securitySchemes', 'bearer', 'type'), at(document, 'components', 'securitySchemes', 'bearer', 'scheme')],
      ['http', 'bearer'],
    );
  });
});

describe('every operation of the table', () => {
  test('has no more and no fewer operations than the table', () => {
    const documented = Object.values(object(document.paths, 'paths')).flatMap((item) =>
      Object.values(object(item, 'a path item')).map((operation) => at(operation, 'operationId')),
    );
    assert.deepEqual(documented.sort(), Object.keys(operations).sort());
  });

  for (const [operationId, spec] of entries) {
    test(`${operationId}: ${spec.method.toUpperCase()} ${spec.path}`, () => {
      const operation = operationOf(operationId, spec);
      assert.equal(operation.operationId, operationId);
      assert.ok(typeof operation.summary === 'string' && operation.summary.length > 0, 'no summary');
      assert.ok(typeof operation.description === 'string' && operation.description.length > 20, 'no description');
      assert.deepEqual(operation.tags, [operationDocs[operationId].tag]);

      const parameters = parametersOf(operation);
      const named = (where: string) => parameters.filter((p) => p.in === where).map((p) => p.name);
      const header = (name: string) => parameters.find((p) => p.in === 'header' && p.name === name);
      assert.deepEqual(named('path').sort(), shapeKeys(spec.params).sort());
      assert.deepEqual(named('query').sort(), shapeKeys(spec.query).sort());
      for (const p of parameters) assert.ok(typeof p.description === 'string' && p.description.length > 0, `${String(p.name)} undescribed`);
      for (const p of parameters.filter((p) => p.in === 'path')) assert.equal(p.required, true);
      assert.ok(header('Accept-Language'), 'Accept-Language is not documented');
      assert.equal(header('If-Match')?.required, spec.ifMatch ? true : undefined, 'If-Match');
      assert.equal(Boolean(header('Idempotency-Key')), spec.method === 'post' && !('safe' in spec), 'Idempotency-Key');
      assert.notEqual(header('Idempotency-Key')?.required, true);

      const body = at(operation, 'requestBody', 'content', 'application/json', 'schema');
      assert.equal(Boolean(body), Boolean(spec.body), 'request body');

      const responses = object(operation.responses, 'responses');
      const success = object(resolveRef(responses[String(spec.status)]), `the ${spec.status} response`);
      if (spec.stream) assert.ok(at(success, 'content', 'text/event-stream'), 'no event stream');
      else if (spec.status === 204) assert.equal(success.content, undefined);
      else assert.ok(at(success, 'content', 'application/json', 'schema'), 'no response schema');
      const versioned = spec.response instanceof z.core.$ZodObject && 'version' in spec.response._zod.def.shape;
      assert.equal(Boolean(at(success, 'headers', 'ETag')), versioned, 'ETag on a single versioned resource');

      const expected = new Set([400, 401, 413, 415, 500, ...spec.errors]);
      if (spec.method === 'post') expected.add(422);
      if (spec.ifMatch) [412, 428].forEach((status) => expected.add(status));
      const errors = Object.keys(responses).filter((status) => Number(status) >= 400);
      assert.deepEqual(errors.map(Number).sort(), [...expected].sort());
      for (const status of errors) {
        const response = object(resolveRef(responses[status]), `response ${status}`);
        assert.ok(typeof response.description === 'string' && response.description.length > 0);
        assert.ok(at(response, 'content', 'application/problem+json', 'schema'), `${status} is not problem+json`);
      }
      if (spec.ifMatch) {
        const current = at(responses, '412', 'content', 'application/problem+json', 'schema', 'allOf', '1', 'properties', 'current', '$ref');
        assert.match(String(current), /^#\/components\/schemas\/[A-Z]\w+$/, '412 carries the current resource');
      }
    });
  }
});

describe('schemas and examples', () => {
  test('every documented schema is a component with its description and an example it accepts', () => {
    const components = object(at(document, 'components', 'schemas'), 'components.schemas');
    for (const doc of schemaDocs) {
      const component = object(components[doc.id], `component ${doc.id}`);
      assert.equal(component.description, doc.description);
      const result = z.safeParse(doc.schema, doc.example);
      assert.ok(result.success, `the example of ${doc.id} breaks its schema: ${JSON.stringify(result.error?.issues)}`);
    }
  });

  test('the relation example is a Dutch organization with a valid KvK, VAT number and IBAN', () => {
    const example = at(document, 'components', 'schemas', 'Relation', 'examples', '0');
    assert.equal(at(example, 'organization', 'name'), 'Bedrijf Uno B.V.');
    assert.ok(isKvk(String(at(example, 'organization', 'kvkNumber'))));
    assert.ok(isVat(String(at(example, 'organization', 'vatNumber'))));
    assert.ok(isIban(String(at(example, 'iban'))));
  });

  test('problem examples are problems, and the validation example lists field errors', () => {
    const responses = object(at(document, 'components', 'responses'), 'components.responses');
    let examples = 0;
    for (const response of Object.values(responses)) {
      for (const example of Object.values(object(at(response, 'content', 'application/problem+json', 'examples') ?? {}, 'examples'))) {
        assert.ok(Problem.safeParse(at(example, 'value')).success, JSON.stringify(example));
        examples++;
      }
    }
    assert.ok(examples >= 5);
    const errors = at(responses, 'UnprocessableContent', 'content', 'application/problem+json', 'examples', 'validationEn', 'value', 'errors');
    assert.ok(Array.isArray(errors) && errors.length > 0);
  });

  test('numbers and lists in the query are documented as what they are parsed into', () => {
    const parameters = parametersOf(operationOf('listRelations', operations.listRelations));
    const limit = parameters.find((p) => p.name === 'limit');
    assert.deepEqual(limit?.schema, { type: 'integer', minimum: 1, maximum: 500 });
    const status = parameters.find((p) => p.name === 'status');
    assert.deepEqual([at(status, 'schema', 'type'), status?.style, status?.explode], ['array', 'form', false]);
    assert.deepEqual(at(status, 'schema', 'items', 'enum'), ['lead', 'active', 'archived']);
  });

  test('every error status the table uses has a general description', () => {
    for (const [, spec] of entries) for (const status of spec.errors) assert.ok(status in errorDocs, String(status));
  });
});

describe('the browser contract', () => {
  test('src/contract/index.ts does not reach the OpenAPI generator or its descriptions', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier = ''] of source.matchAll(/^(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)) {
        assert.ok(!specifier.includes('openapi'), `${file} imports ${specifier}`);
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      }
    };
    visit(join('src', 'contract', 'index.ts'));
    assert.ok(seen.size > 10);
  });

  test('building the document leaves no metadata on the contract’s schemas', () => {
    buildOpenApiDocument();
    for (const doc of schemaDocs) assert.equal(z.globalRegistry.get(doc.schema), undefined, doc.id);
  });
});
