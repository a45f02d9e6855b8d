import type { Affiliation } from '../../src/contract/schemas/affiliation.js';
import type { Agreement, ContactMoment, ContactMomentKind } from '../../src/contract/schemas/contact-moment.js';
import type { SeedContext } from './context.js';
import { calendarDate, days, timestamp } from './context.js';
import { agreementTexts, sentences, subjects } from './contact-texts.js';
import type { Profile } from './relations.js';

const kinds = [['call', 30], ['email', 20], ['meeting', 15], ['note', 15], ['report', 10], ['visit', 10]] as const;

/** How a log line names the contact person it was with; a note is about them, not with them. */
const withPerson: Record<ContactMomentKind, string | null> = {
  call: 'Gesproken met', meeting: 'Overleg met', visit: 'Ontvangen door', email: 'Mailwisseling met',
  report: 'Namens de klant aanwezig:', note: null,
};

export interface MomentDraft {
  relationId: string;
  personId: string | null;
  kind: ContactMomentKind;
  subject: string;
  body: string;
  occurredMs: number;
  agreements: Agreement[];
  visibility: ContactMoment['visibility'];
  authorId: string;
}

/** Registered shortly after it happened; last changed when an agreement in it was ticked off. */
export function contactMomentRecord(ctx: SeedContext, draft: MomentDraft): ContactMoment {
  const { random } = ctx;
  const createdMs = Math.min(ctx.now, draft.occurredMs + random.int(0, 90) * 60_000);
  let updatedMs = createdMs;
  for (const agreement of draft.agreements) {
    if (agreement.done && agreement.dueDate) updatedMs = Math.max(updatedMs, Math.min(ctx.now, Date.parse(agreement.dueDate)));
  }
  return {
    id: ctx.id(),
    relationId: draft.relationId,
    personId: draft.personId,
    kind: draft.kind,
    subject: draft.subject,
    body: draft.body,
    occurredAt: timestamp(draft.occurredMs),
    agreements: draft.agreements,
    visibility: draft.visibility,
    authorId: draft.authorId,
    createdAt: timestamp(createdMs),
    updatedAt: timestamp(updatedMs),
    version: 1,
  };
}

function agreements(ctx: SeedContext, occurredMs: number): Agreement[] {
  const { random } = ctx;
  if (!random.chance(0.25)) return [];
  const result: Agreement[] = [];
  for (let count = random.chance(0.8) ? 1 : 2; count > 0; count--) {
    const dueMs = occurredMs + days(random.int(3, 45));
    result.push({
      text: random.pick(agreementTexts),
      dueDate: random.chance(0.9) ? calendarDate(dueMs) : null,
      // What fell due has mostly been done; what lies ahead rarely is.
      done: dueMs < ctx.now ? random.chance(0.8) : random.chance(0.05),
    });
  }
  return result;
}

/**
 * About one moment per three relations. A moment about an organization with contacts is usually with one
 * of them, so it shows on both logs; recent months are busier than years ago.
 */
export function generateContactMoments(
  ctx: SeedContext,
  profiles: readonly Profile[],
  affiliations: readonly Affiliation[],
  authorIds: readonly string[],
  count: number,
): ContactMoment[] {
  const { random } = ctx;
  const contacts = new Map<string, string[]>();
  for (const link of affiliations) {
    const list = contacts.get(link.organizationId);
    if (list) list.push(link.personId);
    else contacts.set(link.organizationId, [link.personId]);
  }
  const names = new Map(profiles.map((profile) => [profile.relation.id, profile.relation.displayName]));
  const result: ContactMoment[] = [];
  if (profiles.length === 0) return result;
  for (let i = 0; i < count; i++) {
    const profile = random.pick(profiles);
    const people = contacts.get(profile.relation.id);
    const personId = people && random.chance(0.75) ? random.pick(people) : null;
    const kind = random.weighted(kinds);
    const occurredMs = ctx.now - (ctx.now - profile.createdMs) * random.next() ** 2;
    const lines = [random.pick(sentences[kind])];
    if (random.chance(0.4)) lines.push(random.pick(sentences[kind]));
    const opener = withPerson[kind];
    if (personId && opener) lines.unshift(`${opener} ${names.get(personId) ?? 'de contactpersoon'}.`);
    result.push(contactMomentRecord(ctx, {
      relationId: profile.relation.id,
      personId,
      kind,
      subject: random.pick(subjects[kind]),
      body: [...new Set(lines)].join(' '),
      occurredMs,
      agreements: agreements(ctx, occurredMs),
      visibility: random.chance(0.1) ? 'private' : 'team',
      authorId: random.pick(authorIds),
    }));
  }
  return result;
}
