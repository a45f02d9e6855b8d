import type { Section } from '../messages.js';

const percent = (locale: string, score: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(score);

/** The words of <relation-create> and its duplicate warning, in every language. */
export interface CreateMessages {
  title: string;
  kind: string;
  asLead: string;
  more: string;
  create: string;
  /** After creating: the new relation, to open. */
  created: (name: string) => string;
  createdOffline: (name: string) => string;
  open: (name: string) => string;
  duplicates: {
    title: (n: number) => string;
    offline: string;
    reason: { kvkNumber: string; vatNumber: string; iban: string; email: string; name: (score: number) => string };
    archived: string;
  };
}

export const create: Section<CreateMessages> = {
  nl: {
    title: 'Nieuwe relatie',
    kind: 'Soort relatie',
    asLead: 'Als lead aanmaken',
    more: 'Meer gegevens',
    create: 'Aanmaken',
    created: (name) => `${name} is aangemaakt.`,
    createdOffline: (name) => `${name} is bewaard en wordt aangemaakt zodra er verbinding is.`,
    open: (name) => `${name} openen`,
    duplicates: {
      title: (n) => (n === 1 ? 'Deze relatie bestaat misschien al:' : `Deze ${n} relaties lijken erop:`),
      offline: 'Zonder verbinding: alleen gelijke nummers en e-mailadressen uit je eigen gegevens vergeleken.',
      reason: {
        kvkNumber: 'zelfde KvK-nummer',
        vatNumber: 'zelfde btw-nummer',
        iban: 'zelfde IBAN',
        email: 'zelfde e-mailadres',
        name: (score) => `naam lijkt ${percent('nl-NL', score)}`,
      },
      archived: 'gearchiveerd',
    },
  },
  en: {
    title: 'New relation',
    kind: 'Kind of relation',
    asLead: 'Create as a lead',
    more: 'More details',
    create: 'Create',
    created: (name) => `${name} was created.`,
    createdOffline: (name) => `${name} was kept and will be created once there is a connection.`,
    open: (name) => `Open ${name}`,
    duplicates: {
      title: (n) => (n === 1 ? 'This relation may exist already:' : `These ${n} relations look alike:`),
      offline: 'Offline: only equal numbers and e-mail addresses in your own data were compared.',
      reason: {
        kvkNumber: 'same KvK number',
        vatNumber: 'same VAT number',
        iban: 'same IBAN',
        email: 'same e-mail address',
        name: (score) => `name ${percent('en-GB', score)} alike`,
      },
      archived: 'archived',
    },
  },
};
