import type { Address } from '../../src/contract/schemas/address.js';
import type { Affiliation } from '../../src/contract/schemas/affiliation.js';
import type { ContactMoment } from '../../src/contract/schemas/contact-moment.js';
import type { Label } from '../../src/contract/schemas/label.js';
import type { Document } from '../../src/contract/schemas/module.js';
import type { Relation } from '../../src/contract/schemas/relation.js';
import { generateAffiliations } from './affiliations.js';
import { generateContactMoments } from './contact-moments.js';
import { SeedContext } from './context.js';
import { generateDocuments } from './documents.js';
import { generateLabels } from './labels.js';
import type { Generated, OrganizationProfile, PersonProfile } from './relations.js';
import { generateOrganization, generatePerson } from './relations.js';
import type { Scenario } from './scenario.js';
import { irecteurScenario, scenarioSize } from './scenario.js';
import type { SeedTenant, TenantKey } from './tenants.js';
import { tenants } from './tenants.js';

export type { SeedTenant } from './tenants.js';

export interface SeedData {
  tenant: SeedTenant;
  relations: Relation[];
  addresses: Address[];
  affiliations: Affiliation[];
  contactMoments: ContactMoment[];
  /** `relationCount` equals the number of relations carrying the label. */
  labels: Label[];
  documents: (Document & { relationId: string })[];
  /** The last number used of each sequence, so the backend continues after them. */
  counters: { relation: number; debtor: number; creditor: number };
}

export interface SeedOptions {
  tenant: TenantKey;
  /** How many relations; the demo tenant's first four are the D. Irecteur scenario when there is room. */
  relations: number;
  seed?: number;
  /** The moment the data set is "taken"; fixed by default so timestamps do not change from run to run. */
  now?: Date;
}

export const defaultNow = new Date('2026-11-01T09:00:00Z');

/**
 * A deterministic, Dutch, contract-valid data set for one tenant: the same options give deep-equal data.
 * 100,000 relations take about a second and a half.
 */
export function generateSeed(options: SeedOptions): SeedData {
  const setup = tenants[options.tenant];
  const total = Math.max(0, Math.floor(options.relations));
  const ctx = new SeedContext([options.seed ?? 1, setup.stream], options.now ?? defaultNow);
  const authorIds = setup.tenant.users.map((user) => user.id);

  const scenario: Scenario = setup.scenario && total >= scenarioSize
    ? irecteurScenario(ctx, total, authorIds)
    : { generated: [], affiliations: [], contactMoments: [] };
  const generated: Generated[] = [...scenario.generated];
  for (let index = generated.length; index < total; index++) {
    generated.push(ctx.random.chance(0.6) ? generateOrganization(ctx, index, total) : generatePerson(ctx, index, total));
  }

  const profiles = generated.map((entry) => entry.profile);
  const relations = profiles.map((profile) => profile.relation);
  // The scenario's person keeps exactly the three links of the story.
  const persons = profiles.slice(scenario.generated.length).filter((p): p is PersonProfile => p.kind === 'person');
  const organizations = profiles.filter((p): p is OrganizationProfile => p.kind === 'organization');
  const affiliations = [
    ...scenario.affiliations,
    ...generateAffiliations(ctx, persons, organizations, scenario.affiliations),
  ];
  const labels = generateLabels(ctx, relations);
  const momentCount = Math.max(0, Math.round(total / 3) - scenario.contactMoments.length);
  const contactMoments = [
    ...scenario.contactMoments,
    ...generateContactMoments(ctx, profiles, affiliations, authorIds, momentCount),
  ];

  return {
    tenant: structuredClone(setup.tenant),
    relations,
    addresses: generated.flatMap((entry) => entry.addresses),
    affiliations,
    contactMoments,
    labels,
    documents: generateDocuments(ctx, profiles),
    counters: { relation: ctx.relationNumbers.last, debtor: ctx.debtorNumbers.last, creditor: ctx.creditorNumbers.last },
  };
}
