import type { Section } from '../messages.js';

type Purpose = 'postal' | 'visiting' | 'invoice' | 'delivery';

/** The words of the card's addresses section, in every language. */
export interface AddressesMessages {
  title: string;
  none: string;
  /** The group of purposes, and each purpose as a word beside its checkbox and on an address. */
  purposes: string;
  purpose: Record<Purpose, string>;
  /** The choice between a street address and a PO box. */
  kind: string;
  streetAddress: string;
  poBoxAddress: string;
  poBox: string;
  street: string;
  houseNumber: string;
  houseNumberAddition: string;
  postalCode: string;
  postalCodeHint: string;
  city: string;
  country: string;
  email: string;
  phone: string;
  add: string;
  newAddress: string;
  /** The form of one address, named by its first line. */
  editing: (address: string) => string;
  edit: (address: string) => string;
  editShort: string;
  deleteShort: string;
  delete: (address: string) => string;
  confirmDelete: (address: string) => string;
  save: string;
  /** Where the last save of an address is. */
  state: { saving: string; queued: string; saved: string; rejected: string; conflict: string };
  discardChange: string;
  /** A draft of this form from an earlier visit. */
  draft: string;
  restoreDraft: string;
  dismissDraft: string;
  /** Street and city were filled in from postcode and house number. */
  autofilled: (street: string, city: string) => string;
}

export const addresses: Section<AddressesMessages> = {
  nl: {
    title: 'Adressen',
    none: 'Nog geen adressen.',
    purposes: 'Soort',
    purpose: { postal: 'Postadres', visiting: 'Bezoekadres', invoice: 'Factuuradres', delivery: 'Afleveradres' },
    kind: 'Adres met',
    streetAddress: 'Straat en huisnummer',
    poBoxAddress: 'Postbus',
    poBox: 'Postbusnummer',
    street: 'Straat',
    houseNumber: 'Huisnummer',
    houseNumberAddition: 'Toevoeging',
    postalCode: 'Postcode',
    postalCodeHint: 'Zoals 1234 AB',
    city: 'Plaats',
    country: 'Land',
    email: 'E-mailadres',
    phone: 'Telefoonnummer',
    add: 'Adres toevoegen',
    newAddress: 'Nieuw adres',
    editing: (address) => `Adres ${address}`,
    edit: (address) => `${address} bewerken`,
    editShort: 'Bewerken',
    deleteShort: 'Verwijderen',
    delete: (address) => `${address} verwijderen`,
    confirmDelete: (address) => `Adres ${address} verwijderen?`,
    save: 'Opslaan',
    state: {
      saving: 'Bezig met opslaan…',
      queued: 'Bewaard op dit apparaat; wordt opgeslagen zodra er verbinding is.',
      saved: 'Opgeslagen.',
      rejected: 'Niet opgeslagen: verbeter de gemarkeerde velden en sla opnieuw op.',
      conflict: 'Iemand anders heeft dit adres intussen gewijzigd.',
    },
    discardChange: 'Wijziging weggooien',
    draft: 'Er is een niet opgeslagen versie van dit adres.',
    restoreDraft: 'Terugzetten',
    dismissDraft: 'Weggooien',
    autofilled: (street, city) => `Straat en plaats ingevuld bij de postcode: ${street}, ${city}.`,
  },
  en: {
    title: 'Addresses',
    none: 'No addresses yet.',
    purposes: 'Purpose',
    purpose: { postal: 'Postal address', visiting: 'Visiting address', invoice: 'Invoice address', delivery: 'Delivery address' },
    kind: 'Address with',
    streetAddress: 'Street and number',
    poBoxAddress: 'PO box',
    poBox: 'PO box number',
    street: 'Street',
    houseNumber: 'House number',
    houseNumberAddition: 'Addition',
    postalCode: 'Postcode',
    postalCodeHint: 'Like 1234 AB',
    city: 'City',
    country: 'Country',
    email: 'E-mail address',
    phone: 'Phone number',
    add: 'Add address',
    newAddress: 'New address',
    editing: (address) => `Address ${address}`,
    edit: (address) => `Edit ${address}`,
    editShort: 'Edit',
    deleteShort: 'Delete',
    delete: (address) => `Delete ${address}`,
    confirmDelete: (address) => `Delete address ${address}?`,
    save: 'Save',
    state: {
      saving: 'Saving…',
      queued: 'Kept on this device; saved as soon as there is a connection.',
      saved: 'Saved.',
      rejected: 'Not saved: correct the marked fields and save again.',
      conflict: 'Someone else changed this address meanwhile.',
    },
    discardChange: 'Discard change',
    draft: 'There is an unsaved version of this address.',
    restoreDraft: 'Restore',
    dismissDraft: 'Discard',
    autofilled: (street, city) => `Street and city filled in from the postcode: ${street}, ${city}.`,
  },
};
