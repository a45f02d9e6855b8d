import type { Label } from '../../src/contract/schemas/label.js';
import type { Relation } from '../../src/contract/schemas/relation.js';
import type { SeedContext } from './context.js';

interface LabelRule {
  name: string;
  color: string;
  /** The chance that a relation carries the label, so that labels follow who relations are. */
  odds: (relation: Relation) => number;
}

const isCompany = (relation: Relation) => relation.kind === 'organization';

const rules: readonly LabelRule[] = [
  { name: 'Nieuwsbrief', color: '#2563eb', odds: (r) => (r.email && r.status !== 'archived' ? 0.4 : 0) },
  { name: 'Kerstkaart', color: '#dc2626', odds: (r) => (r.status === 'active' && r.debtor ? (isCompany(r) ? 0.25 : 0.1) : 0) },
  { name: 'VIP', color: '#ca8a04', odds: (r) => (r.status === 'active' && r.debtor ? 0.03 : 0) },
  { name: 'Leverancier', color: '#16a34a', odds: (r) => (r.creditor ? 0.85 : 0) },
  { name: 'Prospect 2027', color: '#7c3aed', odds: (r) => (r.status === 'lead' ? 0.6 : 0) },
  { name: 'Beurs Utrecht 2026', color: '#0891b2', odds: (r) => (r.status === 'lead' ? 0.15 : isCompany(r) ? 0.05 : 0) },
  { name: 'Wederverkoper', color: '#ea580c', odds: (r) => (isCompany(r) && r.debtor ? 0.06 : 0) },
  { name: 'Betaalt traag', color: '#be123c', odds: (r) => (r.debtor ? 0.03 : 0) },
];

/** Creates the tenant's labels, puts them on relations and counts them, as the backend keeps the count. */
export function generateLabels(ctx: SeedContext, relations: readonly Relation[]): Label[] {
  const labels = rules.map((rule) => ({ id: ctx.id(), name: rule.name, color: rule.color, relationCount: 0, version: 1 }));
  for (const relation of relations) {
    for (let index = 0; index < rules.length; index++) {
      const label = labels[index];
      if (label && ctx.random.chance(rules[index]?.odds(relation) ?? 0)) {
        relation.labelIds.push(label.id);
        label.relationCount++;
      }
    }
  }
  return labels;
}
