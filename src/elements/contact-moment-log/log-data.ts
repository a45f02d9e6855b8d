import { foldText, searchTerms, type Agreement, type ContactMoment, type ContactMomentKind, type Relation } from '../../contract/index.js';
import type { OutboxEntry, RelationsStore } from '../../store/index.js';
import type { AgreementItem } from '../internal/contact-moment-agreements/contact-moment-agreements.component.js';

/** Where a moment's latest write is, when the backend has not accepted it yet. */
export type WriteState = 'pending' | 'rejected' | 'conflict';

/** A moment as the log lists it. */
export interface LogEntry {
  moment: ContactMoment;
  /** The other party: the contact person of a moment about this relation, or the relation it was about. */
  other: { id: string; relation: Relation | undefined } | undefined;
  own: boolean;
  /** The colleague who wrote it, by name (undefined when unknown, e.g. a user who left). */
  author: string | undefined;
  write: WriteState | undefined;
}

/** A relation the compose form offers as the other party: a contact person, or an organization. */
export interface Party {
  id: string;
  name: string;
}

export interface LogData {
  relation: Relation | null;
  entries: LogEntry[];
  parties: Party[];
}

/** An agreement not done yet, with the moment it was made in. */
export interface OpenAgreement {
  entry: LogEntry;
  index: number;
  agreement: Agreement;
}

const order: readonly WriteState[] = ['conflict', 'rejected', 'pending'];

function writeState(entries: readonly OutboxEntry[] | undefined): WriteState | undefined {
  return order.find((state) => entries?.some((entry) => entry.state === state));
}

/** Everything the log shows of one relation, from the cache (the relation from the backend when not cached yet). */
export async function loadLog(store: RelationsStore, relationId: string): Promise<LogData> {
  const id = await store.resolveId(relationId);
  const relation = await store.loadRelation(id);
  if (!relation) return { relation: null, entries: [], parties: [] };
  const [moments, affiliations, outbox, colleagues] = await Promise.all([
    store.contactMomentsOf(id), store.affiliationsOf(id), store.outbox(), store.colleagues(),
  ]);
  const authors = new Map(colleagues.map((user) => [user.id, user.name]));
  const writes = new Map<string, OutboxEntry[]>();
  for (const entry of outbox) if (entry.entityId) writes.set(entry.entityId, [...(writes.get(entry.entityId) ?? []), entry]);
  const otherOf = (moment: ContactMoment) => (moment.relationId === id ? moment.personId : moment.relationId);
  const partyIds = affiliations.map((link) => (relation.kind === 'organization' ? link.personId : link.organizationId));
  const ids = [...new Set([...moments.map(otherOf), ...partyIds].filter((other): other is string => !!other))];
  const relations = new Map(await Promise.all(ids.map(async (other) => [other, await store.getRelation(other)] as const)));
  const entries = moments.map((moment): LogEntry => {
    const other = otherOf(moment);
    return {
      moment,
      other: other ? { id: other, relation: relations.get(other) } : undefined,
      own: moment.authorId === store.me.id,
      author: authors.get(moment.authorId),
      write: writeState(writes.get(moment.id)),
    };
  });
  const parties = partyIds
    .map((party) => ({ id: party, name: relations.get(party)?.displayName ?? '' }))
    .filter((party) => party.name)
    .sort((a, b) => a.name.localeCompare(b.name));
  return { relation, entries, parties };
}

/** Zero-width characters a search term never holds, so text with them hidden inside still matches. */
const zeroWidth = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The log's filter: a kind and the search box's terms, matched as the overview's search matches
 * (contract/relation-search.ts: case and accents folded) against a moment's subject, body and agreements.
 * The folded text of each moment version is kept, so typing in the search box folds each text once.
 */
export class MomentFilter {
  private folded = new Map<string, string>();
  private last: { entries: readonly LogEntry[]; kind: string; q: string; result: readonly LogEntry[] } | undefined;

  /**
   * The entries the kind and the terms let through; the same array while none of the three changed, as the
   * log renders on every scroll frame and what depends on the list (its open agreements) is kept by identity.
   */
  apply(entries: readonly LogEntry[], kind: ContactMomentKind | '', q: string): readonly LogEntry[] {
    const last = this.last;
    if (last && last.entries === entries && last.kind === kind && last.q === q) return last.result;
    const result = this.filter(entries, kind, q);
    this.last = { entries, kind, q, result };
    return result;
  }

  private filter(entries: readonly LogEntry[], kind: ContactMomentKind | '', q: string): readonly LogEntry[] {
    const terms = searchTerms(q.replace(zeroWidth, ''));
    if (!kind && terms.length === 0) return entries;
    const next = new Map<string, string>();
    const result = entries.filter(({ moment }) => {
      if (kind && moment.kind !== kind) return false;
      if (terms.length === 0) return true;
      const key = `${moment.id}@${moment.version}@${moment.updatedAt}`;
      const text = this.folded.get(key) ?? foldText([moment.subject, moment.body, ...moment.agreements.map((a) => a.text)].join('\n').replace(zeroWidth, ''));
      next.set(key, text);
      return terms.every((term) => text.includes(term));
    });
    if (terms.length > 0) this.folded = next;
    return result;
  }
}

/** Today's date in the user's own time zone, as the contract writes dates (`2026-11-29`). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The open agreements of the listed moments: by due date, overdue first, those without a date last. */
export function openAgreements(entries: readonly LogEntry[]): OpenAgreement[] {
  const open: OpenAgreement[] = [];
  for (const entry of entries) {
    entry.moment.agreements.forEach((agreement, index) => {
      if (!agreement.done) open.push({ entry, index, agreement });
    });
  }
  return open.sort((a, b) => (a.agreement.dueDate ?? '\uffff').localeCompare(b.agreement.dueDate ?? '\uffff'));
}

/** Open agreements shown on top before "show all": the most urgent ones. */
export const agreementsShown = 5;

/**
 * The open agreements of the listed moments, worked out once per list rather than on every render: a log of
 * 10,000 moments re-renders on every scroll frame, and its open agreements may number in the thousands.
 */
export class OpenAgreementsView {
  private last: { entries: readonly LogEntry[]; open: OpenAgreement[] } | undefined;
  private shown: { key: readonly unknown[]; items: AgreementItem[] } | undefined;

  of(entries: readonly LogEntry[]): OpenAgreement[] {
    if (this.last?.entries !== entries) this.last = { entries, open: openAgreements(entries) };
    return this.last.open;
  }

  /**
   * The checklist's items: the first `count` open agreements of `entries`, each keyed `momentId:index` and
   * naming its moment; the same array while nothing they show changed, so scrolling re-renders nothing on top.
   */
  items(entries: readonly LogEntry[], count: number, fromMoment: (subject: string) => string): AgreementItem[] {
    const open = this.of(entries);
    const now = today();
    const key = [open, count, now, fromMoment];
    if (this.shown?.key.every((part, i) => part === key[i])) return this.shown.items;
    const items = open.slice(0, count).map(({ entry, index, agreement }) => ({
      key: `${entry.moment.id}:${index}`, text: agreement.text, dueDate: agreement.dueDate, done: false,
      overdue: agreement.dueDate !== null && agreement.dueDate < now, from: fromMoment(entry.moment.subject),
    }));
    this.shown = { key, items };
    return items;
  }

  /** The open agreement a checklist item's key names. */
  find(entries: readonly LogEntry[], key: string): OpenAgreement | undefined {
    return this.of(entries).find(({ entry, index }) => `${entry.moment.id}:${index}` === key);
  }
}
