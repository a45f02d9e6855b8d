import type { Locale } from '../../contract/locale.js';
import type { Section } from '../messages.js';
import { formatDateTime } from '../formats.js';

/** The words of <callback-list> and the callback request dialog, in every language. */
export interface CallbacksMessages {
  /** The element's accessible name. */
  label: string;
  /** The filter toggle and its two choices. */
  filter: { label: string; assigned: string; requested: string };
  loading: string;
  empty: { assigned: string; requested: string };
  /** The number to call, before the tel: link. */
  call: string;
  noPhone: string;
  requestedBy: (name: string) => string;
  assignedTo: (name: string) => string;
  due: (at: string) => string;
  overdue: string;
  done: string;
  /** The buttons of one request; each names its relation. */
  markDone: (relation: string) => string;
  reopen: (relation: string) => string;
  unknownRelation: string;
  unknownColleague: string;
  /** A 412: someone changed the request first; the list shows it as it is now. */
  changed: string;
  failed: string;
  /** The dialog that asks a colleague to call back. */
  dialog: {
    title: (relation: string) => string;
    assignee: string;
    chooseAssignee: string;
    /** The current user among the colleagues. */
    me: (name: string) => string;
    contactPerson: string;
    noContactPerson: string;
    phone: string;
    message: string;
    messageHint: string;
    dueAt: string;
    dueAtHint: string;
    submit: string;
    cancel: string;
    loading: string;
  };
}

/** A due time in the user's own time zone. */
const at = (locale: Locale) => (iso: string) => formatDateTime(locale, iso);

export const callbacks: Section<CallbacksMessages> = {
  nl: {
    label: 'Terugbelverzoeken',
    filter: { label: 'Welke verzoeken', assigned: 'Aan mij toegewezen', requested: 'Door mij gevraagd' },
    loading: 'Terugbelverzoeken laden…',
    empty: { assigned: 'Niemand vraagt je om terug te bellen.', requested: 'Je hebt niemand gevraagd terug te bellen.' },
    call: 'Bellen:',
    noPhone: 'Geen nummer opgegeven',
    requestedBy: (name) => `Gevraagd door ${name}`,
    assignedTo: (name) => `Voor ${name}`,
    due: (iso) => `Uiterlijk ${at('nl')(iso)}`,
    overdue: 'Te laat',
    done: 'Afgehandeld',
    markDone: (relation) => `Markeer als afgehandeld: ${relation}`,
    reopen: (relation) => `Heropen: ${relation}`,
    unknownRelation: 'Onbekende relatie',
    unknownColleague: 'een collega',
    changed: 'Iemand anders heeft dit verzoek intussen gewijzigd; je ziet het nu zoals het is. Probeer het zo nodig opnieuw.',
    failed: 'Dat lukte niet; probeer het opnieuw als er verbinding is.',
    dialog: {
      title: (relation) => `Terugbelverzoek voor ${relation}`,
      assignee: 'Collega',
      chooseAssignee: 'Kies een collega',
      me: (name) => `${name} (ik)`,
      contactPerson: 'Contactpersoon',
      noContactPerson: 'Geen contactpersoon',
      phone: 'Te bellen nummer',
      message: 'Bericht',
      messageHint: 'Wat moet je collega weten? Hooguit 2000 tekens.',
      dueAt: 'Terugbellen vóór',
      dueAtHint: 'Optioneel; in je eigen tijdzone.',
      submit: 'Verzoek versturen',
      cancel: 'Annuleren',
      loading: 'Collega’s en contactpersonen laden…',
    },
  },
  en: {
    label: 'Callback requests',
    filter: { label: 'Which requests', assigned: 'Assigned to me', requested: 'Requested by me' },
    loading: 'Loading callback requests…',
    empty: { assigned: 'Nobody asks you to call back.', requested: 'You have not asked anyone to call back.' },
    call: 'Call:',
    noPhone: 'No number given',
    requestedBy: (name) => `Requested by ${name}`,
    assignedTo: (name) => `For ${name}`,
    due: (iso) => `Due ${at('en')(iso)}`,
    overdue: 'Overdue',
    done: 'Done',
    markDone: (relation) => `Mark done: ${relation}`,
    reopen: (relation) => `Reopen: ${relation}`,
    unknownRelation: 'Unknown relation',
    unknownColleague: 'a colleague',
    changed: 'Someone else changed this request meanwhile; it now shows as it is. Try again if needed.',
    failed: 'That did not work; try again when there is a connection.',
    dialog: {
      title: (relation) => `Callback request for ${relation}`,
      assignee: 'Colleague',
      chooseAssignee: 'Choose a colleague',
      me: (name) => `${name} (me)`,
      contactPerson: 'Contact person',
      noContactPerson: 'No contact person',
      phone: 'Number to call',
      message: 'Message',
      messageHint: 'What does your colleague need to know? At most 2000 characters.',
      dueAt: 'Call back before',
      dueAtHint: 'Optional; in your own time zone.',
      submit: 'Send request',
      cancel: 'Cancel',
      loading: 'Loading colleagues and contact persons…',
    },
  },
};
