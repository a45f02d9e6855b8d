/*
 * The OpenAPI 3.1 document of the contract, for backend implementers: built from the operation table and its
 * zod schemas by zod-openapi, with the prose of ./descriptions.ts laid over it. Node-only (the generator script
 * and the tests import it); src/contract/index.ts does not, so none of this reaches the browser.
 */
import { stringify } from 'yaml';
import * as z from 'zod/mini';
import {
  createDocument,
  type oas31,
  type ZodOpenApiOperationObject,
  type ZodOpenApiOverrideContext,
  type ZodOpenApiParameters,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
  type ZodOpenApiResponsesObject,
} from 'zod-openapi';
import { operations, type OperationId, type OperationSpec } from '../operations.js';
import { Problem } from '../schemas/problem.js';
import {
  apiDescription,
  apiTitle,
  apiVersion,
  errorDocs,
  operationDocs,
  pagingDocs,
  notificationStreamExample,
  schemaDocs,
  tags,
  validationProblem,
  type ErrorStatus,
} from './descriptions.js';

export type OpenApiDocument = oas31.OpenAPIObject;

/** Where the generated document is committed, relative to the repository root. */
export const openApiFile = 'openapi/relations.v1.yaml';

const problemJson = 'application/problem+json';

/** Statuses any operation may answer with, whatever its own `errors` say. */
const commonErrors = [400, 401, 413, 415, 500] as const satisfies readonly ErrorStatus[];

const parameterRef = (id: keyof typeof headerParameters) => ({ $ref: `#/components/parameters/${id}` });

const headerParameters = {
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    description:
      'The language of problem titles and field messages: any Dutch tag (`nl`, `nl-NL`) gives Dutch, anything else ' +
      'English. The response names it in `Content-Language`.',
    schema: { type: 'string' },
    examples: { nl: { value: 'nl' }, en: { value: 'en' } },
  },
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: true,
    description:
      'The `ETag` of the version the change is based on. Missing: 428; no longer current: 412 with the resource as it is now.',
    schema: { type: 'string' },
    example: '"3"',
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'A key unique to this intended write, e.g. a UUID, so that it can be retried safely: a repeat with the same key and ' +
      'body replays the first response and creates nothing; the same key with another body is 422.',
    schema: { type: 'string' },
    example: '5f0c6a1e-8a4b-4f7e-9a57-1d2c3b4a5e6f',
  },
  LastEventId: {
    name: 'Last-Event-ID',
    in: 'header',
    description: 'The id of the last event received; sent by EventSource on reconnecting, to receive what was missed first.',
    schema: { type: 'string' },
  },
} as const satisfies Record<string, oas31.ParameterObject>;

const etagHeader = {
  description: 'The version of the resource, as `"<version>"`; send it back in `If-Match` to change or delete the resource.',
  schema: { type: 'string' },
  example: '"3"',
} satisfies oas31.HeaderObject;

const idempotentReplayedHeader = {
  description: '`true` when this is the replay of an earlier request with the same `Idempotency-Key`; nothing was created again.',
  schema: { type: 'string', enum: ['true'] },
} satisfies oas31.HeaderObject;

const problemExamples: Partial<Record<ErrorStatus, Record<string, oas31.ExampleObject>>> = {
  400: {
    query: {
      summary: 'An invalid query parameter',
      value: {
        type: 'https://relation-elements.dev/problems/malformed',
        title: 'The request cannot be read',
        status: 400,
        errors: [{ path: 'limit', code: 'too_big', message: 'At most 500.' }],
      },
    },
  },
  401: {
    unauthorized: {
      value: { type: 'https://relation-elements.dev/problems/unauthorized', title: 'Niet aangemeld', status: 401 },
    },
  },
  404: { notFound: { value: { type: 'https://relation-elements.dev/problems/not-found', title: 'Niet gevonden', status: 404 } } },
  422: {
    validationNl: { summary: 'Invalid fields, with Accept-Language: nl', value: validationProblem },
    validationEn: {
      summary: 'Invalid fields, with Accept-Language: en',
      value: {
        type: 'https://relation-elements.dev/problems/validation',
        title: 'Some fields are not filled in correctly',
        status: 422,
        errors: [
          { path: 'organization.vatNumber', code: 'vat', message: 'Not a valid Dutch VAT number; it looks like NL123456789B01.' },
          { path: 'iban', code: 'iban', message: 'Not a valid IBAN; check the digits.' },
        ],
      },
    },
    keyReused: {
      summary: 'An Idempotency-Key used before with another body',
      value: {
        type: 'https://relation-elements.dev/problems/key-reused',
        title: 'This Idempotency-Key was already used for another request',
        status: 422,
      },
    },
  },
  428: {
    missing: {
      value: { type: 'https://relation-elements.dev/problems/precondition-required', title: 'If-Match ontbreekt', status: 428 },
    },
  },
};

function problemResponse(description: string, schema: z.core.$ZodType, examples?: Record<string, oas31.ExampleObject>): ZodOpenApiResponseObject {
  return { description, content: { [problemJson]: examples ? { schema, examples } : { schema } } };
}

/**
 * Every general error response, registered once under `components/responses` by its name; not 412, which each
 * operation describes itself because its `current` is the operation's own resource.
 */
const errorResponses: Record<string, ZodOpenApiResponseObject> = Object.fromEntries(
  (Object.entries(errorDocs) as [`${ErrorStatus}`, (typeof errorDocs)[ErrorStatus]][])
    .filter(([status]) => status !== '412')
    .map(([status, { name, description }]) => [name, problemResponse(description, Problem, problemExamples[Number(status) as ErrorStatus])]),
);

const isVersioned = (schema: z.core.$ZodType | undefined): boolean =>
  schema instanceof z.core.$ZodObject && 'version' in schema._zod.def.shape;

/** The resource at an operation's path, as the operations there that return it say (a DELETE returns none). */
function resourceAt(path: string): z.core.$ZodType | undefined {
  const specs: readonly OperationSpec[] = Object.values(operations);
  return specs.find((spec) => spec.path === path && isVersioned(spec.response))?.response;
}

function errorStatuses(spec: OperationSpec): ErrorStatus[] {
  const statuses = new Set<number>([...commonErrors, ...spec.errors]);
  if (spec.method === 'post') statuses.add(422);
  if (spec.ifMatch) [412, 428].forEach((status) => statuses.add(status));
  return [...statuses].sort((a, b) => a - b).map((status) => {
    if (!(status in errorDocs)) throw new Error(`status ${status} has no description in errorDocs`);
    return status as ErrorStatus;
  });
}

function errorResponse(operationId: OperationId, spec: OperationSpec, status: ErrorStatus): ZodOpenApiResponseObject | oas31.ReferenceObject {
  const own = operationDocs[operationId].errors?.[status];
  const { name, description } = errorDocs[status];
  if (status === 412) {
    const resource = resourceAt(spec.path);
    if (!resource) throw new Error(`${operationId}: no resource at ${spec.path} to put in a 412's \`current\``);
    // Loose, or the second half of the allOf would forbid the members of Problem.
    return problemResponse(own ?? description, z.intersection(Problem, z.looseObject({ current: resource })));
  }
  if (own) return problemResponse(own, Problem, problemExamples[status]);
  return { $ref: `#/components/responses/${name}` };
}

function successResponse(operationId: OperationId, spec: OperationSpec): ZodOpenApiResponseObject {
  const description = operationDocs[operationId].returns;
  if (spec.stream) {
    return {
      description,
      content: {
        'text/event-stream': {
          schema: { type: 'string', description: 'Server-sent events; the `data` of each `notification` event is a Notification as JSON.' },
          example: notificationStreamExample,
        },
      },
    };
  }
  if (!spec.response) return { description };
  const headers: Record<string, oas31.ReferenceObject> = {};
  if (isVersioned(spec.response)) headers.ETag = { $ref: '#/components/headers/ETag' };
  if (spec.method === 'post' && !spec.safe) headers['Idempotent-Replayed'] = { $ref: '#/components/headers/IdempotentReplayed' };
  return {
    description,
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    content: { 'application/json': { schema: spec.response } },
  };
}

function operation(operationId: OperationId, spec: OperationSpec): ZodOpenApiOperationObject {
  const doc = operationDocs[operationId];
  // zod-openapi fails on keys present with an undefined value.
  const requestParams: ZodOpenApiParameters = {};
  if (spec.params) requestParams.path = spec.params;
  if (spec.query) requestParams.query = spec.query;

  const responses: ZodOpenApiResponsesObject = { [`${spec.status}`]: successResponse(operationId, spec) };
  for (const status of errorStatuses(spec)) responses[`${status}`] = errorResponse(operationId, spec, status);

  return {
    operationId,
    ...(spec.optional ? { 'x-optional': true } : {}),
    tags: [doc.tag],
    summary: doc.summary,
    description: doc.description,
    requestParams,
    parameters: [
      ...(spec.ifMatch ? [parameterRef('IfMatch')] : []),
      ...(spec.method === 'post' && !spec.safe ? [parameterRef('IdempotencyKey')] : []),
      ...(spec.stream ? [parameterRef('LastEventId')] : []),
      parameterRef('AcceptLanguage'),
    ],
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: spec.body } } } } : {}),
    responses,
  };
}

function paths(): ZodOpenApiPathsObject {
  const result: ZodOpenApiPathsObject = {};
  for (const [operationId, spec] of Object.entries(operations) as [OperationId, OperationSpec][]) {
    result[spec.path] = { ...result[spec.path], [spec.method]: operation(operationId, spec) };
  }
  return result;
}

/**
 * Query strings carry only text, so the contract reads numbers and lists through a pipe: text, parsed by a
 * transform, checked as the type it becomes. Implementers want that type (an integer from 1 to 500, a list of
 * statuses), not "a string", so such a pipe is documented as its result.
 */
function documentParsedText(ctx: ZodOpenApiOverrideContext): void {
  const schema = ctx.zodSchema;
  if (ctx.io !== 'input' || !(schema instanceof z.core.$ZodPipe)) return;
  const { in: text, out } = schema._zod.def;
  if (!(text instanceof z.core.$ZodString) || !(out instanceof z.core.$ZodPipe) || !(out._zod.def.in instanceof z.core.$ZodTransform)) return;
  // A registry of its own, so that named schemas inside come out inline rather than as refs into nowhere.
  const parsed = z.toJSONSchema(out._zod.def.out, { io: 'output', metadata: z.registry() });
  delete parsed.$schema;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, parsed);
}

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Puts each schema's description, example and field descriptions on its component. They go on the generated
 * JSON rather than into zod's metadata because field schemas are shared (one `id` schema serves every id field),
 * so a field's description there would show wherever that schema is used.
 */
function describeSchemas(document: OpenApiDocument): void {
  const components = document.components?.schemas ?? {};
  for (const doc of schemaDocs) {
    const component = components[doc.id];
    if (!component || '$ref' in component) throw new Error(`schema ${doc.id} is not in the document`);
    const properties: JsonObject = isObject(component.properties) ? component.properties : {};
    for (const [field, description] of Object.entries(doc.fields)) {
      const property = properties[field];
      if (!isObject(property)) throw new Error(`schema ${doc.id} has no field ${field}`);
      properties[field] = { description, ...property };
    }
    components[doc.id] = { description: doc.description, ...component, examples: [doc.example] };
  }
}

/** Describes path and query parameters, and has lists sent as `a,b,c` (not `x=a&x=b`), as the contract reads them. */
function describeParameters(document: OpenApiDocument): void {
  for (const [operationId, spec] of Object.entries(operations) as [OperationId, OperationSpec][]) {
    const parameters = document.paths?.[spec.path]?.[spec.method]?.parameters ?? [];
    for (const parameter of parameters) {
      if (!('in' in parameter) || (parameter.in !== 'path' && parameter.in !== 'query')) continue;
      const description = operationDocs[operationId].params?.[parameter.name] ?? pagingDocs[parameter.name];
      if (!description) throw new Error(`${operationId}: parameter ${parameter.name} has no description`);
      parameter.description = description;
      if (isObject(parameter.schema) && parameter.schema.type === 'array') {
        parameter.style = 'form';
        parameter.explode = false;
      }
    }
  }
}

/**
 * Runs `build` with every documented schema named by its component id in zod's global registry, which is where
 * zod-openapi looks for names: a named schema becomes a component in the direction (request or response) it is
 * used in. Whatever the registry held for those schemas before is restored afterwards.
 */
function withComponentIds<T>(build: () => T): T {
  const before = schemaDocs.map((doc) => [doc.schema, z.globalRegistry.get(doc.schema)] as const);
  try {
    for (const doc of schemaDocs) z.globalRegistry.add(doc.schema, { ...z.globalRegistry.get(doc.schema), id: doc.id });
    return build();
  } finally {
    for (const [schema, meta] of before) {
      z.globalRegistry.remove(schema);
      if (meta) z.globalRegistry.add(schema, meta);
    }
  }
}

export function buildOpenApiDocument(): OpenApiDocument {
  const document = withComponentIds(() => createDocument(
    {
      openapi: '3.1.0',
      info: { title: apiTitle, version: apiVersion, description: apiDescription },
      servers: [{ url: '/api/v1', description: 'The reference backend; other backends may serve the contract under another base URL.' }],
      security: [{ bearer: [] }],
      tags: tags.map((tag) => ({ ...tag })),
      paths: paths(),
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description:
              'A token that names the user and so the tenant. The reference backend’s demo tokens are `demo-anna`, ' +
              '`demo-bram` (tenant `demo`) and `acme-olga` (tenant `acme`).',
          },
        },
        parameters: headerParameters,
        headers: { ETag: etagHeader, IdempotentReplayed: idempotentReplayedHeader },
        responses: errorResponses,
      },
    },
    { override: documentParsedText },
  ));
  describeSchemas(document);
  describeParameters(document);
  return document;
}

/** The document as the committed YAML file, with a header that says it is generated. */
export function renderOpenApiYaml(document: OpenApiDocument = buildOpenApiDocument()): string {
  const header =
    `# GENERATED from src/contract by scripts/generate-openapi.ts: do not edit.\n` +
    `# Regenerate with \`npx tsx scripts/generate-openapi.ts\`; a test fails when this file is stale.\n`;
  // Written as YAML 1.1 quotes what 1.1 readers (common among OpenAPI tools) would otherwise take for dates or
  // booleans, such as `2026-03-09` or `no`; 1.2 readers read the same values.
  return header + stringify(document, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 });
}
