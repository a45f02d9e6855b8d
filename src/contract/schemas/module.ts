import * as z from 'zod/mini';
import { currency, date, id } from './fields.js';

/** A preference a host module lets users set per relation, e.g. how many days a quote stays valid. */
export const PreferenceField = z.object({
  key: z.string(),
  label: z.string(),
  type: z.enum(['integer', 'text', 'boolean', 'currency']),
  min: z.optional(z.int()),
  max: z.optional(z.int()),
  default: z.nullable(z.union([z.string(), z.number(), z.boolean()])),
});

/** A module of the host ERP (quotes, invoices, …) with the preferences it declares. */
export const Module = z.object({ key: z.string(), name: z.string(), preferences: z.array(PreferenceField) });

/** A document of a host module about a relation: a quote, an order, an invoice. */
export const Document = z.object({
  id,
  module: z.string(),
  number: z.string(),
  title: z.string(),
  date,
  status: z.string(),
  amount: z.nullable(z.object({ value: z.string().check(z.regex(/^-?\d+\.\d{2}$/)), currency })),
});

export type Module = z.infer<typeof Module>;
export type PreferenceField = z.infer<typeof PreferenceField>;
export type Document = z.infer<typeof Document>;
