import * as z from 'zod/mini';
import { country, email, id, optionalText, phone, postcode, version } from './fields.js';

export const addressPurposes = ['postal', 'visiting', 'invoice', 'delivery'] as const;
export const AddressPurpose = z.enum(addressPurposes);

const fields = {
  purposes: z.array(AddressPurpose).check(z.minLength(1), z.maxLength(4)),
  poBox: optionalText(10),
  street: optionalText(200),
  houseNumber: optionalText(10),
  houseNumberAddition: optionalText(10),
  postalCode: optionalText(20),
  city: optionalText(100),
  country,
  email: z.nullable(email),
  phone: z.nullable(phone),
};

export const Address = z.object({ id, relationId: id, ...fields, version });

type AddressFields = { [K in keyof typeof fields]?: z.infer<(typeof fields)[K]> | undefined };

/**
 * The rules that span fields: a street address or a PO box; a PO box only for post; each purpose once;
 * and a Dutch postcode in Dutch form (`1234 AB`) when the country is NL.
 */
const addressRules = z.superRefine((value: AddressFields, ctx) => {
  const purposes = value.purposes ?? [];
  if (new Set(purposes).size !== purposes.length) {
    ctx.addIssue({ code: 'custom', path: ['purposes'], message: 'duplicatePurpose', input: purposes });
  }
  if (value.poBox) {
    if (purposes.some((purpose) => purpose !== 'postal')) {
      ctx.addIssue({ code: 'custom', path: ['poBox'], message: 'poBoxPostalOnly', input: value.poBox });
    }
  } else if (value.street !== undefined || value.houseNumber !== undefined || value.purposes !== undefined) {
    if (!value.street || !value.houseNumber) {
      ctx.addIssue({ code: 'custom', path: [value.street ? 'houseNumber' : 'street'], message: 'addressLine', input: value.street });
    }
  }
  if ((value.country ?? 'NL') === 'NL' && value.postalCode) {
    const result = postcode.safeParse(value.postalCode);
    if (result.success) value.postalCode = result.data;
    else ctx.addIssue({ code: 'custom', path: ['postalCode'], message: 'postcode', input: value.postalCode });
  }
});

export const AddressCreate = z
  .strictObject({
    purposes: fields.purposes,
    poBox: z.optional(fields.poBox),
    street: z.optional(fields.street),
    houseNumber: z.optional(fields.houseNumber),
    houseNumberAddition: z.optional(fields.houseNumberAddition),
    postalCode: z.optional(fields.postalCode),
    city: z.optional(fields.city),
    country: z.optional(fields.country),
    email: z.optional(fields.email),
    phone: z.optional(fields.phone),
  })
  .check(addressRules);

/**
 * A change to an address; fields left out stay. The cross-field rules are checked again by the backend on
 * the merged result, since a patch alone cannot know the fields it leaves out.
 */
export const AddressPatch = z.partial(
  z.strictObject({
    purposes: fields.purposes,
    poBox: fields.poBox,
    street: fields.street,
    houseNumber: fields.houseNumber,
    houseNumberAddition: fields.houseNumberAddition,
    postalCode: fields.postalCode,
    city: fields.city,
    country: fields.country,
    email: fields.email,
    phone: fields.phone,
  }),
);

/** The cross-field rules on a whole address, for a backend to apply to the result of a patch. */
export const AddressRules = z.object({ ...fields }).check(addressRules);

export type Address = z.infer<typeof Address>;
export type AddressCreate = z.input<typeof AddressCreate>;
export type AddressPatch = z.input<typeof AddressPatch>;
export type AddressPurpose = z.infer<typeof AddressPurpose>;
