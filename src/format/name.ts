import type { Relation } from '../contract/index.js';

/**
 * A relation's name as each place needs it. `list`: the display name the backend keeps (an organization's
 * name, a person with initials first: "D. Irecteur"), for lists and exports. `addressee`: with the
 * salutation in front, for an envelope ("Dhr. D. Irecteur"). The salutation is the relation's own data,
 * written for the recipient, so it is not translated for the reader.
 */
export function formatName(relation: Pick<Relation, 'displayName'> & Partial<Pick<Relation, 'person'>>, form: 'list' | 'addressee'): string {
  if (form === 'addressee' && relation.person?.salutation) return `${relation.person.salutation} ${relation.displayName}`;
  return relation.displayName;
}
