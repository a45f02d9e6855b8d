import type { Handlers } from '../context.js';
import { problem } from '../problem.js';

/**
 * The street and city at a Dutch postcode and house number, from the backend's own reference table
 * (`address_reference`), which belongs to no tenant. The tenants' addresses are never read here.
 */
export const addressLookupHandlers: Pick<Handlers, 'lookupAddress'> = {
  async lookupAddress({ query }, { tx, locale }) {
    const houseNumber = Number(query.houseNumber);
    const [row] = await tx.query<{ street: string; city: string }>(
      `select street, city from address_reference
       where postal_code = $1 and number_from <= $2 and number_to >= $2
       order by number_from desc limit 1`,
      [query.postalCode, houseNumber],
    );
    if (!row) throw problem('notFound', locale);
    return { body: { postalCode: query.postalCode, houseNumber: String(houseNumber), street: row.street, city: row.city, country: 'NL' } };
  },
};
