import * as z from 'zod/mini';

/** Where a value breaks a schema's shape, and how. */
export interface ShapeIssue {
  path: (string | number)[];
  message: string;
}

/** Returns the first shape issue of a value, or undefined when it has the schema's shape. */
export type ShapeCheck = (value: unknown) => ShapeIssue | undefined;

type Check = (value: unknown, path: (string | number)[]) => string | undefined;

interface Def {
  type: string;
  shape?: Record<string, z.core.$ZodType>;
  innerType?: z.core.$ZodType;
  element?: z.core.$ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  options?: z.core.$ZodType[];
  discriminator?: string;
  valueType?: z.core.$ZodType;
}

/**
 * A check of a contract schema's shape only: every required field present, each field of its type (string,
 * integer, boolean, enum member, literal, array, nested object, null where nullable), and no format or rule
 * (an e-mail's pattern, an IBAN's checksum). It names the first field that breaks the shape, as a contract
 * violation should, at a fraction of a full parse's cost: for the change feed, whose entities the backend
 * checked in full as they were written, and which a first sync receives 100,000 at a time. Built once per
 * schema by walking its definition, without code generation (it works under a strict CSP). A kind of schema
 * it does not know is checked by zod in full.
 */
export function shapeCheck(schema: z.core.$ZodType): ShapeCheck {
  const check = compile(schema);
  return (value) => {
    const path: (string | number)[] = [];
    const message = check(value, path);
    return message === undefined ? undefined : { path, message };
  };
}

function compile(schema: z.core.$ZodType): Check {
  const def = schema._zod.def as unknown as Def;
  switch (def.type) {
    case 'string':
      return (value) => (typeof value === 'string' ? undefined : 'expected string');
    case 'number':
      // The contract's numbers are integers wherever it says so (`z.int()`): that is part of the shape.
      return isInteger(schema)
        ? (value) => (Number.isInteger(value) ? undefined : 'expected integer')
        : (value) => (typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected number');
    case 'boolean':
      return (value) => (typeof value === 'boolean' ? undefined : 'expected boolean');
    case 'unknown':
    case 'any':
      return () => undefined;
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (value, path) => (value === null ? undefined : inner(value, path));
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return (value, path) => (value === undefined ? undefined : inner(value, path));
    }
    case 'enum': {
      const allowed = new Set(Object.values(def.entries!));
      return (value) => (allowed.has(value) ? undefined : `expected one of ${[...allowed].join(', ')}`);
    }
    case 'literal': {
      const allowed = new Set(def.values);
      return (value) => (allowed.has(value) ? undefined : `expected ${[...allowed].join(' or ')}`);
    }
    case 'array': {
      const element = compile(def.element!);
      return (value, path) => {
        if (!Array.isArray(value)) return 'expected array';
        for (let i = 0; i < value.length; i++) {
          const issue = element(value[i], path);
          if (issue !== undefined) return (path.unshift(i), issue);
        }
        return undefined;
      };
    }
    case 'object':
      return objectCheck(def.shape!);
    case 'record': {
      const values = compile(def.valueType!);
      return (value, path) => {
        if (!isObject(value)) return 'expected object';
        for (const key of Object.keys(value)) {
          const issue = values(value[key], path);
          if (issue !== undefined) return (path.unshift(key), issue);
        }
        return undefined;
      };
    }
    case 'union':
      return def.discriminator === undefined ? unionCheck(def.options!) : discriminatedCheck(def.discriminator, def.options!);
    default:
      return (value) => {
        const result = z.safeParse(schema, value);
        return result.success ? undefined : (result.error.issues[0]?.message ?? 'invalid');
      };
  }
}

function objectCheck(shape: Record<string, z.core.$ZodType>): Check {
  const fields = Object.entries(shape).map(([key, field]) => [key, compile(field)] as const);
  return (value, path) => {
    if (!isObject(value)) return 'expected object';
    for (const [key, field] of fields) {
      const issue = field(value[key], path);
      if (issue !== undefined) return (path.unshift(key), issue);
    }
    return undefined;
  };
}

function unionCheck(options: readonly z.core.$ZodType[]): Check {
  const checks = options.map(compile);
  return (value, path) => {
    let first: { issue: string; path: (string | number)[] } | undefined;
    for (const check of checks) {
      const own: (string | number)[] = [];
      const issue = check(value, own);
      if (issue === undefined) return undefined;
      first ??= { issue, path: own };
    }
    path.unshift(...(first?.path ?? []));
    return first?.issue ?? 'no option matched';
  };
}

/** A union told apart by one literal field (the change feed's `entity`): only the matching option is checked. */
function discriminatedCheck(discriminator: string, options: readonly z.core.$ZodType[]): Check {
  const byValue = new Map<unknown, Check>();
  for (const option of options) {
    const field = (option._zod.def as unknown as Def).shape?.[discriminator];
    const values = field ? (field._zod.def as unknown as Def).values : undefined;
    const check = compile(option);
    for (const value of values ?? []) byValue.set(value, check);
  }
  return (value, path) => {
    if (!isObject(value)) return 'expected object';
    const check = byValue.get(value[discriminator]);
    if (!check) return (path.unshift(discriminator), `expected one of ${[...byValue.keys()].join(', ')}`);
    return check(value, path);
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a number schema is an integer format (`z.int()`, `z.int32()`, …), as the contract writes integers. */
function isInteger(schema: z.core.$ZodType): boolean {
  const format = (schema._zod.def as { format?: string }).format;
  return format === 'safeint' || format === 'int32' || format === 'uint32' || format === 'int64' || format === 'uint64';
}
