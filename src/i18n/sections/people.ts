import type { Section } from '../messages.js';
import type { RelationKind } from '../../contract/schemas/relation.js';

/** Where the last save of a link is. */
type LinkState = 'saving' | 'queued' | 'saved' | 'rejected' | 'conflict';

/** The words of the card's people section (contact persons, organizations), in every language. */
export interface PeopleMessages {
  /** The section's heading on an organization (its contact persons) or a person (their organizations). */
  title: (of: RelationKind) => string;
  none: (of: RelationKind) => string;
  function: string;
  email: string;
  phone: string;
  isPrimary: string;
  /** Beside a link that is the primary one. */
  primary: string;
  /** The other party of a link that the cache does not hold (yet). */
  unknown: string;
  edit: (name: string) => string;
  editShort: string;
  /** The form of one link, named by the other party. */
  editing: (name: string) => string;
  save: string;
  unlink: (name: string) => string;
  unlinkShort: string;
  confirmUnlink: (name: string) => string;
  state: Record<LinkState, string>;
  discardChange: string;
  draft: string;
  restoreDraft: string;
  dismissDraft: string;
  /** The picker to link an existing relation of this kind. */
  linkExisting: (kind: RelationKind) => string;
  /** The button and form to create a relation of this kind in place and link it. */
  create: (kind: RelationKind) => string;
  /** The one required field of a new relation of this kind: a person's last name, an organization's name. */
  newName: (kind: RelationKind) => string;
  createAndLink: string;
  /** Read when a link was made. */
  linked: (name: string) => string;
  unlinked: (name: string) => string;
}

export const people: Section<PeopleMessages> = {
  nl: {
    title: (of) => (of === 'organization' ? 'Contactpersonen' : 'Organisaties'),
    none: (of) => (of === 'organization' ? 'Nog geen contactpersonen.' : 'Nog aan geen organisatie gekoppeld.'),
    function: 'Functie',
    email: 'E-mail',
    phone: 'Telefoon',
    isPrimary: 'Eerste contactpersoon',
    primary: 'Eerste contact',
    unknown: 'Onbekende relatie',
    edit: (name) => `Koppeling met ${name} bewerken`,
    editShort: 'Bewerken',
    editing: (name) => `Koppeling met ${name}`,
    save: 'Opslaan',
    unlink: (name) => `${name} ontkoppelen`,
    unlinkShort: 'Ontkoppelen',
    confirmUnlink: (name) => `Koppeling met ${name} verwijderen? ${name} zelf blijft bestaan.`,
    state: {
      saving: 'Bezig met opslaan…',
      queued: 'Offline: wordt opgeslagen zodra er verbinding is.',
      saved: 'Opgeslagen.',
      rejected: 'Niet opgeslagen: de server weigerde deze wijziging.',
      conflict: 'Iemand anders wijzigde deze koppeling tegelijk. Kies wat blijft.',
    },
    discardChange: 'Wijziging weggooien',
    draft: 'Er is een niet-opgeslagen versie van deze koppeling.',
    restoreDraft: 'Terugzetten',
    dismissDraft: 'Weggooien',
    linkExisting: (kind) => (kind === 'person' ? 'Bestaande persoon koppelen' : 'Bestaande organisatie koppelen'),
    create: (kind) => (kind === 'person' ? 'Nieuwe persoon' : 'Nieuwe organisatie'),
    newName: (kind) => (kind === 'person' ? 'Achternaam' : 'Naam'),
    createAndLink: 'Aanmaken en koppelen',
    linked: (name) => `${name} gekoppeld.`,
    unlinked: (name) => `${name} ontkoppeld.`,
  },
  en: {
    title: (of) => (of === 'organization' ? 'Contact persons' : 'Organizations'),
    none: (of) => (of === 'organization' ? 'No contact persons yet.' : 'Not linked to any organization yet.'),
    function: 'Function',
    email: 'E-mail',
    phone: 'Phone',
    isPrimary: 'Primary contact',
    primary: 'Primary',
    unknown: 'Unknown relation',
    edit: (name) => `Edit link with ${name}`,
    editShort: 'Edit',
    editing: (name) => `Link with ${name}`,
    save: 'Save',
    unlink: (name) => `Unlink ${name}`,
    unlinkShort: 'Unlink',
    confirmUnlink: (name) => `Remove the link with ${name}? ${name} itself stays.`,
    state: {
      saving: 'Saving…',
      queued: 'Offline: saved as soon as there is a connection.',
      saved: 'Saved.',
      rejected: 'Not saved: the server refused this change.',
      conflict: 'Someone else changed this link at the same time. Choose what stays.',
    },
    discardChange: 'Discard change',
    draft: 'There is an unsaved version of this link.',
    restoreDraft: 'Restore',
    dismissDraft: 'Discard',
    linkExisting: (kind) => (kind === 'person' ? 'Link an existing person' : 'Link an existing organization'),
    create: (kind) => (kind === 'person' ? 'New person' : 'New organization'),
    newName: (kind) => (kind === 'person' ? 'Last name' : 'Name'),
    createAndLink: 'Create and link',
    linked: (name) => `${name} linked.`,
    unlinked: (name) => `${name} unlinked.`,
  },
};
