import type { Relation } from './schemas/relation.js';

/**
 * How a relation is named in lists, the same on the server and in an optimistic cache: the organization's
 * name, or a person as Dutch offices write one, initials first ("J. van den Berg").
 */
export function displayName(relation: Pick<Relation, 'organization' | 'person'>): string {
  if (relation.organization) return relation.organization.name;
  const person = relation.person;
  if (!person) return '';
  const initials = person.initials ?? (person.firstName ? `${person.firstName[0]}.` : null);
  return [initials, person.infix, person.lastName].filter(Boolean).join(' ');
}
