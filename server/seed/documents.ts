import type { Document } from '../../src/contract/schemas/module.js';
import type { SeedContext } from './context.js';
import { calendarDate, days } from './context.js';
import type { Weighted } from './random.js';
import type { Profile } from './relations.js';

export type SeedDocument = Document & { relationId: string };

type ModuleKey = 'quotes' | 'orders' | 'subscriptions' | 'invoices';

interface ModuleStyle {
  prefix: string;
  titles: readonly string[];
  /** Lowest and highest amount in euros. */
  amount: readonly [number, number];
  /** The status a document of this age (in days) has. */
  status: (ageDays: number) => Weighted<string>;
}

const products = [
  'onderhoudscontract', 'kantoorinrichting', 'installatie zonnepanelen', 'nieuwe website', 'jaarlicentie software',
  'schoonmaakwerkzaamheden', 'verbouwing kantine', 'werkkleding', 'vervanging cv-ketel', 'netwerkapparatuur',
];
const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** The host modules of the demo ERP and how their documents look in it. */
const styles: Record<ModuleKey, ModuleStyle> = {
  quotes: {
    prefix: 'OFF',
    titles: products.map((product) => `Offerte ${product}`),
    amount: [250, 25_000],
    status: (age) => (age < 30 ? [['Concept', 1], ['Verzonden', 3]] : [['Geaccepteerd', 5], ['Afgewezen', 2], ['Verlopen', 3]]),
  },
  orders: {
    prefix: 'ORD',
    titles: products.map((product) => `Order ${product}`),
    amount: [50, 15_000],
    status: (age) => (age < 14 ? [['In behandeling', 1]] : [['Geleverd', 30], ['Gefactureerd', 65], ['Geannuleerd', 5]]),
  },
  subscriptions: {
    prefix: 'ABO',
    titles: ['Abonnement Basis', 'Abonnement Plus', 'Abonnement Premium', 'Servicecontract', 'Onderhoudsabonnement'],
    amount: [15, 500],
    status: () => [['Actief', 75], ['Opgezegd', 15], ['Beëindigd', 10]],
  },
  invoices: {
    prefix: 'FAC',
    titles: [...months.map((month) => `Factuur ${month}`), ...products.map((product) => `Factuur ${product}`)],
    amount: [50, 20_000],
    status: (age) => (age < 30 ? [['Open', 1]]
      : age < 90 ? [['Betaald', 80], ['Vervallen', 15], ['Herinnering verstuurd', 5]]
      : [['Betaald', 97], ['Gecrediteerd', 3]]),
  },
};

const modules: Weighted<ModuleKey> = [['invoices', 40], ['quotes', 25], ['orders', 25], ['subscriptions', 10]];

/**
 * Documents of the host's modules for some relations, as the relation card shows them: customers have
 * invoices, orders, quotes and subscriptions; a lead may have had a quote. Numbers run per module and year.
 */
export function generateDocuments(ctx: SeedContext, profiles: readonly Profile[]): SeedDocument[] {
  const { random } = ctx;
  const sequences = new Map<string, number>();
  const result: SeedDocument[] = [];
  for (const { relation, createdMs } of profiles) {
    const count = relation.debtor && random.chance(0.45) ? random.int(1, 6)
      : relation.status === 'lead' && random.chance(0.3) ? 1 : 0;
    const currency = relation.preferences.invoices?.currency;
    for (let i = 0; i < count; i++) {
      const module = relation.debtor ? random.weighted(modules) : 'quotes';
      const style = styles[module];
      const dateMs = createdMs + (ctx.now - createdMs) * random.next();
      const date = calendarDate(dateMs);
      const key = `${style.prefix}-${date.slice(0, 4)}`;
      const sequence = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, sequence);
      const [low, high] = style.amount;
      const cents = Math.round((low + (high - low) * random.next() ** 2) * 100);
      result.push({
        id: ctx.id(),
        relationId: relation.id,
        module,
        number: `${key}-${String(sequence).padStart(4, '0')}`,
        title: random.pick(style.titles),
        date,
        status: random.weighted(style.status((ctx.now - dateMs) / days(1))),
        amount: {
          value: (cents / 100).toFixed(2),
          currency: module !== 'subscriptions' && typeof currency === 'string' ? currency : 'EUR',
        },
      });
    }
  }
  return result;
}
