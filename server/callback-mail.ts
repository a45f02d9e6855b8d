/*
 * What the assignee of a callback request reads: the e-mail (plain text and HTML) and the notification, in
 * the assignee's own language, with everything needed to make the call without opening anything else.
 */
import type { CallbackRequest, Locale, Relation } from '../src/contract/index.js';
import type { Queryable } from './db/database.js';
import type { MailMessage } from './mail.js';

/** What the messages say, gathered from the request and the data it refers to. */
export interface CallbackFacts {
  readonly relation: Pick<Relation, 'displayName' | 'number'>;
  /** The contact person to ask for, when the request names one. */
  readonly person: string | null;
  readonly phone: string | null;
  readonly requester: string;
  readonly dueAt: string | null;
  readonly message: string;
  readonly link: string | undefined;
}

/**
 * Gathers the facts. The number to call is the request's own, else the person's at that organization
 * (an affiliation has its own direct line), else the person's, else the relation's.
 */
export async function callbackFacts(
  tx: Queryable, tenantId: string, request: CallbackRequest, requester: string, link: string | undefined,
): Promise<CallbackFacts> {
  const rows = await tx.query<{ id: string; data: Relation }>('select id, data from relations where tenant_id = $1 and id in ($2, $3)', [
    tenantId, request.relationId, request.personId,
  ]);
  const relation = rows.find((row) => row.id === request.relationId)!.data;
  const person = rows.find((row) => row.id === request.personId)?.data;
  const [affiliation] = person
    ? await tx.query<{ phone: string | null }>(
        `select data->>'phone' as phone from affiliations where tenant_id = $1 and person_id = $2 and organization_id = $3`,
        [tenantId, person.id, relation.id],
      )
    : [];
  return {
    relation,
    person: person && person.id !== relation.id ? person.displayName : null,
    phone: request.phone ?? affiliation?.phone ?? person?.phone ?? relation.phone ?? null,
    requester,
    dueAt: request.dueAt,
    message: request.message,
    link,
  };
}

const words = {
  nl: {
    intlLocale: 'nl-NL',
    subject: (name: string) => `Terugbelverzoek: ${name}`,
    /** A notification's title: with the requester, so two requests about one relation differ in the inbox. */
    title: (requester: string, name: string) => `${requester} vraagt terugbellen: ${name}`,
    asks: (requester: string, name: string, phone?: string | null) => `${requester} vraagt je ${name} terug te bellen${phone ? ` op ${phone}` : ''}.`,
    relation: 'Relatie',
    number: (n: number) => `relatienummer ${n}`,
    person: 'Vraag naar',
    phone: 'Bellen',
    noPhone: 'geen nummer bekend',
    due: 'Uiterlijk',
    message: 'Bericht',
    open: 'Open de relatie',
  },
  en: {
    intlLocale: 'en-GB',
    subject: (name: string) => `Callback request: ${name}`,
    title: (requester: string, name: string) => `${requester} asks for a callback: ${name}`,
    asks: (requester: string, name: string, phone?: string | null) => `${requester} asks you to call ${name} back${phone ? ` on ${phone}` : ''}.`,
    relation: 'Relation',
    number: (n: number) => `relation number ${n}`,
    person: 'Ask for',
    phone: 'Call',
    noPhone: 'no number known',
    due: 'By',
    message: 'Message',
    open: 'Open the relation',
  },
} satisfies Record<Locale, unknown>;

/** A moment as the people of this backend read it: their language, Dutch time. */
function dueText(locale: Locale, dueAt: string): string {
  return new Intl.DateTimeFormat(words[locale].intlLocale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' })
    .format(new Date(dueAt));
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text as HTML text or as a quoted attribute value: it can close no tag and no quote. */
const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => escapes[c]!);

/** The lines of the message as label and value, the same in both parts. */
function fields(locale: Locale, facts: CallbackFacts): [label: string, value: string][] {
  const w = words[locale];
  return [
    [w.relation, `${facts.relation.displayName} (${w.number(facts.relation.number)})`],
    ...(facts.person ? [[w.person, facts.person] as [string, string]] : []),
    [w.phone, facts.phone ?? w.noPhone],
    ...(facts.dueAt ? [[w.due, dueText(locale, facts.dueAt)] as [string, string]] : []),
  ];
}

function text(locale: Locale, facts: CallbackFacts): string {
  const w = words[locale];
  return [
    w.asks(facts.requester, facts.relation.displayName),
    '',
    ...fields(locale, facts).map(([label, value]) => `${label}: ${value}`),
    '',
    `${w.message}:`,
    facts.message,
    ...(facts.link ? ['', `${w.open}: ${facts.link}`] : []),
  ].join('\n');
}

function html(locale: Locale, facts: CallbackFacts, subject: string): string {
  const w = words[locale];
  const value = (label: string, content: string) =>
    // A phone number becomes a link that dials it; its href keeps only digits and a leading +.
    label === w.phone && facts.phone
      ? `<a href="tel:${escapeHtml(facts.phone.replace(/(?!^\+)\D/g, ''))}">${escapeHtml(content)}</a>`
      : escapeHtml(content);
  const rows = fields(locale, facts)
    .map(([label, content]) => `<tr><th scope="row" style="text-align:left;padding:4px 16px 4px 0;vertical-align:top">${escapeHtml(label)}</th><td style="padding:4px 0">${value(label, content)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a">
<p>${escapeHtml(w.asks(facts.requester, facts.relation.displayName))}</p>
<table role="presentation" style="border-collapse:collapse">
${rows}
</table>
<h2 style="font-size:15px;margin:16px 0 4px">${escapeHtml(w.message)}</h2>
<p style="margin:0">${escapeHtml(facts.message).replace(/\r?\n/g, '<br>\n')}</p>
${facts.link ? `<p style="margin-top:24px"><a href="${escapeHtml(facts.link)}">${escapeHtml(w.open)}</a></p>\n` : ''}</body>
</html>
`;
}

/** The e-mail to the assignee, in their language. */
export function callbackMail(locale: Locale, to: string, facts: CallbackFacts): MailMessage {
  const subject = words[locale].subject(facts.relation.displayName);
  return { to, subject, text: text(locale, facts), html: html(locale, facts, subject) };
}

/** The notification in the assignee's inbox: the same words, short. */
export function callbackNotification(locale: Locale, facts: CallbackFacts): { title: string; body: string } {
  const w = words[locale];
  return {
    title: w.title(facts.requester, facts.relation.displayName),
    body: `${w.asks(facts.requester, facts.relation.displayName, facts.phone)}\n\n${facts.message}`,
  };
}
