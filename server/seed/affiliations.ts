import type { Affiliation } from '../../src/contract/schemas/affiliation.js';
import type { Place } from './addresses.js';
import type { SeedContext } from './context.js';
import { functionsByLegalForm } from './dutch.js';
import { foreignPhone, landline, mobile } from './identifiers.js';
import type { SeedRandom } from './random.js';
import type { OrganizationProfile, PersonProfile } from './relations.js';
import { personalEmail } from './relations.js';

/** Half the contacts give their mobile, the others the office number. */
function officePhone(random: SeedRandom, place: Place): string {
  if (random.chance(0.55)) return mobile(random);
  return place.country === 'NL' ? landline(random, place.city) : foreignPhone(random, place.city);
}

/**
 * Links most persons to one to three organizations, each link with its own function, e-mail at the
 * organization's domain and phone. The first contact of an organization is its primary one.
 */
export function generateAffiliations(
  ctx: SeedContext,
  persons: readonly PersonProfile[],
  organizations: readonly OrganizationProfile[],
  existing: readonly Affiliation[],
): Affiliation[] {
  const { random } = ctx;
  const withPrimary = new Set(existing.filter((link) => link.isPrimary).map((link) => link.organizationId));
  const result: Affiliation[] = [];
  if (organizations.length === 0) return result;
  // One organization in ten is a key account with several contacts; the rest have one or none.
  const keyAccounts = organizations.filter((_, index) => index % 10 === 0);
  const pickOrganization = () => (random.chance(0.4) ? random.pick(keyAccounts) : random.pick(organizations));

  for (const person of persons) {
    const odds = person.relation.status === 'active' ? 0.75 : 0.5;
    if (!random.chance(odds)) continue;
    const count = Math.min(organizations.length, random.weighted([[1, 70], [2, 22], [3, 8]] as const));
    const chosen = new Set<OrganizationProfile>();
    for (let attempt = 0; chosen.size < count && attempt < 10; attempt++) chosen.add(pickOrganization());
    for (const organization of chosen) {
      const organizationId = organization.relation.id;
      const isPrimary = !withPrimary.has(organizationId);
      if (isPrimary) withPrimary.add(organizationId);
      const { place } = organization;
      result.push({
        id: ctx.id(),
        personId: person.relation.id,
        organizationId,
        function: random.chance(0.9) ? random.weighted(functionsByLegalForm[organization.legalForm]) : null,
        email: random.chance(0.85) ? personalEmail(ctx, person.name, organization.domain) : null,
        phone: random.chance(0.7) ? officePhone(random, place) : null,
        isPrimary,
        version: 1,
      });
    }
  }
  return result;
}
