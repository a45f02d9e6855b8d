import * as z from 'zod/mini';
import { country, postcode } from './fields.js';

/** A Dutch postcode and house number, as the card asks for them; the postcode is normalised to `1234 AB`. */
export const AddressLookupQuery = z.object({
  postalCode: postcode,
  houseNumber: z.string().check(z.trim(), z.regex(/^[1-9]\d{0,4}$/, 'houseNumber')),
});

/** The street and city at a postcode and house number. */
export const AddressLookup = z.object({
  postalCode: postcode,
  houseNumber: z.string(),
  street: z.string(),
  city: z.string(),
  country,
});

export type AddressLookupQuery = z.input<typeof AddressLookupQuery>;
export type AddressLookup = z.infer<typeof AddressLookup>;
