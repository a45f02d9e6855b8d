import { isCurrency, type Locale, type Module, type Preferences } from '../../src/contract/index.js';
import type { Handlers } from '../context.js';
import { decodeCursor, invalid, requireRelation, toPage } from './shared.js';

/**
 * The host modules the reference backend pretends to have, with the preferences they let users set per
 * relation. A real host lists its activated modules here.
 */
const moduleDefinitions: Record<Locale, Module[]> = {
  nl: [
    {
      key: 'quotes', name: 'Offertes',
      preferences: [{ key: 'validityDays', label: 'Geldigheid offerte (dagen)', type: 'integer', min: 1, max: 365, default: 30 }],
    },
    { key: 'orders', name: 'Opdrachten', preferences: [] },
    { key: 'subscriptions', name: 'Abonnementen', preferences: [] },
    {
      key: 'invoices', name: 'Facturen',
      preferences: [
        { key: 'paymentTermDays', label: 'Betaaltermijn (dagen)', type: 'integer', min: 0, max: 365, default: 30 },
        { key: 'currency', label: 'Factuurvaluta', type: 'currency', default: 'EUR' },
      ],
    },
  ],
  en: [
    {
      key: 'quotes', name: 'Quotes',
      preferences: [{ key: 'validityDays', label: 'Quote validity (days)', type: 'integer', min: 1, max: 365, default: 30 }],
    },
    { key: 'orders', name: 'Orders', preferences: [] },
    { key: 'subscriptions', name: 'Subscriptions', preferences: [] },
    {
      key: 'invoices', name: 'Invoices',
      preferences: [
        { key: 'paymentTermDays', label: 'Payment term (days)', type: 'integer', min: 0, max: 365, default: 30 },
        { key: 'currency', label: 'Invoice currency', type: 'currency', default: 'EUR' },
      ],
    },
  ],
};

const messages = {
  nl: { module: 'Onbekende module.', field: 'Onbekende voorkeur.', value: 'Ongeldige waarde voor deze voorkeur.' },
  en: { module: 'Unknown module.', field: 'Unknown preference.', value: 'Invalid value for this preference.' },
};

/**
 * Merges a preferences change into the current preferences: a value replaces, `null` returns the field to
 * the module's default. Every key must be a preference a module declares, of its type.
 */
export function mergePreferences(current: Preferences, change: Preferences, locale: Locale): Preferences {
  const merged: Preferences = structuredClone(current);
  for (const [moduleKey, values] of Object.entries(change)) {
    const module = moduleDefinitions.en.find((m) => m.key === moduleKey);
    if (!module) invalid(`preferences.${moduleKey}`, 'module', messages[locale].module, locale);
    const target = (merged[moduleKey] ??= {});
    for (const [key, value] of Object.entries(values)) {
      const path = `preferences.${moduleKey}.${key}`;
      const field = module.preferences.find((p) => p.key === key);
      if (!field) invalid(path, 'preference', messages[locale].field, locale);
      const valid =
        value === null ||
        (field.type === 'integer' && Number.isInteger(value) && (field.min === undefined || (value as number) >= field.min) &&
          (field.max === undefined || (value as number) <= field.max)) ||
        (field.type === 'currency' && typeof value === 'string' && isCurrency(value.toUpperCase())) ||
        (field.type === 'text' && typeof value === 'string' && value.length <= 200) ||
        (field.type === 'boolean' && typeof value === 'boolean');
      if (!valid) invalid(path, 'preference', messages[locale].value, locale);
      if (value === null) delete target[key];
      else target[key] = field.type === 'currency' ? (value as string).toUpperCase() : value;
    }
    if (Object.keys(target).length === 0) delete merged[moduleKey];
  }
  return merged;
}

export const moduleHandlers: Pick<Handlers, 'listModules' | 'listDocuments'> = {
  listModules: async (_input, { locale }) => ({ body: { items: moduleDefinitions[locale], nextCursor: null } }),

  listDocuments: async ({ params, query }, { tx, actor, locale }) => {
    await requireRelation(tx, actor.tenantId, params.id, locale);
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, locale);
    const rows = await tx.query<{ data: object; date: string; id: string }>(
      `select data, to_char(date, 'YYYY-MM-DD') as date, id from documents
       where tenant_id = $1 and relation_id = $2 and ($3::text is null or module = $3)
         and ($4::text is null or (to_char(date, 'YYYY-MM-DD'), id) < ($4, $5))
       order by date desc, id desc limit $6`,
      [actor.tenantId, params.id, query.module ?? null, (after?.[0] as string) ?? null, (after?.[1] as string) ?? null, limit + 1],
    );
    return { body: toPage(rows, limit, (row) => row.data as never, (row) => [row.date, row.id]) };
  },
};
