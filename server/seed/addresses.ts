import type { Address, AddressPurpose } from '../../src/contract/schemas/address.js';
import { addressPurposes } from '../../src/contract/schemas/address.js';
import type { SeedContext } from './context.js';
import { houseNumberAdditions, invoiceMailboxes } from './dutch.js';
import { referencePostcode } from './address-reference.js';
import { foreignPhone, foreignPostcode, landline, poBoxPostcode, streetPostcode } from './identifiers.js';
import type { DutchCity, ForeignCity } from './places.js';
import { businessStreets, commonStreets, dutchCities } from './places.js';

/** Where a relation is established: a real Dutch city, or now and then one across the border. */
export type Place = { readonly country: 'NL'; readonly city: DutchCity } | { readonly country: 'BE' | 'DE'; readonly city: ForeignCity };

type Draft = Omit<Address, 'id' | 'relationId' | 'version' | 'purposes'> & { purposes: AddressPurpose[] };


function streetName(ctx: SeedContext, place: Place, use: 'business' | 'home'): string {
  const { random } = ctx;
  if (place.country !== 'NL') return random.pick(place.city.streets);
  const roll = random.next();
  if (use === 'business') return random.pick(roll < 0.45 ? businessStreets : roll < 0.8 ? place.city.streets : commonStreets);
  return random.pick(roll < 0.3 ? place.city.streets : commonStreets);
}

function streetAddress(ctx: SeedContext, place: Place, use: 'business' | 'home'): Draft {
  const { random } = ctx;
  const street = streetName(ctx, place, use);
  // Most houses have low numbers; long through-roads run into the hundreds.
  const houseNumber = random.chance(0.7) ? random.int(1, 60) : random.int(61, 400);
  const houseNumberAddition = place.country === 'NL' && random.chance(0.12) ? random.pick(houseNumberAdditions) : null;
  let postalCode: string;
  if (place.country === 'NL') {
    // The postcode the reference table has for this street and number, so lookupAddress finds the address.
    // A postcode is still drawn, and dropped, so the random stream (and so every later value) stays as it was.
    streetPostcode(random, place.city);
    postalCode = referencePostcode(place.city, street, houseNumber);
  } else {
    postalCode = foreignPostcode(random, place.city);
  }
  // Spelled out rather than spread from a template object: overriding spread keys is 40 times slower in V8.
  return {
    purposes: [],
    poBox: null,
    street,
    houseNumber: String(houseNumber),
    houseNumberAddition,
    postalCode,
    city: place.city.name,
    country: place.country,
    email: null,
    phone: null,
  };
}

function poBox(ctx: SeedContext, city: DutchCity): Draft {
  return {
    purposes: ['postal'],
    poBox: String(ctx.random.int(1, 9999)),
    street: null,
    houseNumber: null,
    houseNumberAddition: null,
    postalCode: poBoxPostcode(ctx.random, city),
    city: city.name,
    country: 'NL',
    email: null,
    phone: null,
  };
}

/** The contract lists purposes in a fixed order; keep to it so records compare equal after a round trip. */
function inContractOrder(purposes: readonly AddressPurpose[]): AddressPurpose[] {
  const result: AddressPurpose[] = [];
  for (const purpose of addressPurposes) if (purposes.includes(purpose)) result.push(purpose);
  return result;
}

function finish(ctx: SeedContext, relationId: string, drafts: Draft[]): Address[] {
  return drafts.map((draft) => ({
    id: ctx.id(),
    relationId,
    purposes: inContractOrder(draft.purposes),
    poBox: draft.poBox,
    street: draft.street,
    houseNumber: draft.houseNumber,
    houseNumberAddition: draft.houseNumberAddition,
    postalCode: draft.postalCode,
    city: draft.city,
    country: draft.country,
    email: draft.email,
    phone: draft.phone,
    version: 1,
  }));
}

const cityWeights = dutchCities.map((city) => [city, city.weight] as const);

export function pickDutchCity(ctx: SeedContext): DutchCity {
  return ctx.random.weighted(cityWeights);
}

/**
 * A company's addresses: always where to visit it; post often goes elsewhere (a PO box or another
 * building); some send invoices to their accounts department's own mailbox, some take deliveries at a
 * warehouse.
 */
export function organizationAddresses(ctx: SeedContext, relationId: string, place: Place, domain: string): Address[] {
  const { random } = ctx;
  const visiting = streetAddress(ctx, place, 'business');
  visiting.purposes.push('visiting');
  const drafts = [visiting];

  const postal = place.country === 'NL' ? random.weighted([['same', 55], ['poBox', 25], ['separate', 20]] as const) : 'same';
  let postalStreet: Draft = visiting;
  if (postal === 'same') visiting.purposes.push('postal');
  else if (postal === 'poBox' && place.country === 'NL') drafts.push(poBox(ctx, place.city));
  else {
    postalStreet = streetAddress(ctx, place, 'business');
    postalStreet.purposes.push('postal');
    drafts.push(postalStreet);
  }

  if (random.chance(0.25)) {
    // Administration is often kept at head office or an accountant elsewhere in the country.
    const invoicePlace: Place = place.country === 'NL' && random.chance(0.3) ? { country: 'NL', city: pickDutchCity(ctx) } : place;
    const invoice = streetAddress(ctx, invoicePlace, 'business');
    invoice.purposes.push('invoice');
    invoice.email = `${random.pick(invoiceMailboxes)}@${domain}`;
    drafts.push(invoice);
  } else {
    postalStreet.purposes.push('invoice');
  }

  if (random.chance(0.15)) {
    const delivery = streetAddress(ctx, place, 'business');
    delivery.purposes.push('delivery');
    delivery.phone = place.country === 'NL' ? landline(random, place.city) : foreignPhone(random, place.city);
    drafts.push(delivery);
  }
  return finish(ctx, relationId, drafts);
}

/** A private person has one home address for everything. */
export function personAddresses(ctx: SeedContext, relationId: string, place: Place): Address[] {
  const home = streetAddress(ctx, place, 'home');
  home.purposes.push('postal', 'visiting', 'invoice');
  return finish(ctx, relationId, [home]);
}

/** The city a list shows for a relation: where it is visited, else where its post goes. */
export function relationCity(addresses: readonly Address[]): string | null {
  const visiting = addresses.find((address) => address.purposes.includes('visiting'));
  const postal = addresses.find((address) => address.purposes.includes('postal'));
  return visiting?.city ?? postal?.city ?? null;
}
