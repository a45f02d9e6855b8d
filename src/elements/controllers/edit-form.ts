import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { issueMessage, type Locale } from '../../contract/index.js';
import { mergePatch, type OutboxEntry, type RelationsStore } from '../../store/index.js';
import { leaves } from './patch-paths.js';

/** What a form field holds: text, a checkbox, or a set of choices (an address's purposes). */
export type FieldValue = string | boolean | readonly string[];
export type FieldValues = Record<string, FieldValue>;

/**
 * Where an edit is: `saving` while the backend is asked, `queued` while it waits for a connection, `saved`
 * once accepted, `rejected` with the backend's field errors, `conflict` when someone else changed it first.
 */
export type SaveState = 'idle' | 'saving' | 'queued' | 'saved' | 'rejected' | 'conflict';

/** An issue as zod and the backend report it: a dotted field path and a message in the user's language. */
interface PathIssue {
  path: PropertyKey[];
  code: string;
  message: string;
}

export interface EditFormOptions<E extends { id: string; version: number }> {
  /** The entity as the cache has it now; undefined for a new one. */
  entity: () => E | undefined;
  /** The entity's values as the form shows them, by dotted path (`organization.name`). */
  read: (entity: E | undefined) => FieldValues;
  /** What to send for the changed fields: the create body for a new entity, else a merge patch. */
  body: (values: FieldValues, changed: readonly string[], entity: E | undefined) => Record<string, unknown>;
  /** Checks a body against the contract: zod's `safeParse` of the operation's body schema. */
  check: (body: Record<string, unknown>) => { success: boolean; error?: { issues: readonly PathIssue[] } };
  /**
   * Queues the write (for an update, `request.id` is the entity's id). `entity.version` is the version the
   * user's change is based on, older than the cache's when a colleague changed a field the user changed
   * meanwhile: pass it as the write's `baseVersion`.
   */
  submit: (store: RelationsStore, body: Record<string, unknown>, entity: E | undefined) => Promise<{ id: string | null; seq: number }>;
  /** Where what the user typed is kept until saved (in the user's own cache partition); none: no drafts. */
  draftKey: () => string | undefined;
  store: () => RelationsStore | undefined;
  locale: () => Locale;
  /** After a write was stored for sending. */
  saved?: (id: string) => void;
  /**
   * Whether a field of a queued write is this form's: several forms write the same entity (the card's
   * details and preferences both update the relation), and each shows only its own writes' state. By
   * default the fields the form reads; a write without fields (a delete) belongs to every form of it.
   */
  owns?: (path: string) => boolean;
}

const draftDelay = 300;

/**
 * The state of one editable entity's form, shared by the card's sections: the values as typed, which
 * fields changed, the contract's validation as you type (messages in the user's language), drafts kept
 * through a reload, and where the write is in the outbox. What the user typed stays on screen whatever
 * the backend answers: a rejection shows its field errors beside the fields, a conflict keeps the typed
 * values for the user to compare with the backend's.
 */
export class EditFormController<E extends { id: string; version: number }> implements ReactiveController {
  /** The values on screen, by dotted path. */
  values: FieldValues = {};
  /** Fields the user has left or that a save attempt checked: only these show their errors. */
  touched = new Set<string>();
  /** A draft from an earlier visit, offered to restore. */
  offeredDraft: { values: FieldValues; savedAt: string } | undefined;
  state: SaveState = 'idle';
  /** The write this form waits on, when it is rejected or in conflict. */
  entry: OutboxEntry | undefined;

  private base: FieldValues = {};
  private baseKey: string | undefined;
  /** The entity's version that `base` shows. */
  private baseVersion: number | undefined;
  /**
   * The version the user's changes started from, kept once a colleague's change to a field the user had
   * changed arrives (live, or by any sync): saving then names that version, and the backend answers with a
   * conflict to resolve rather than the save silently replacing the colleague's value.
   */
  private heldVersion: number | undefined;
  /** The draft key of the entity on screen: a draft still to be written goes under it, not the next one's. */
  private activeDraftKey: string | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private wrote = false;
  /** The last validation and what it was computed from. */
  private checked: { inputs: readonly unknown[]; errors: Map<string, string> } | undefined;
  /** The entity the last save wrote: a new one's local id, to follow it until the backend accepts it. */
  private subject: string | undefined;
  private watched: RelationsStore | undefined;
  private readonly onStore = () => void this.refreshState();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: EditFormOptions<E>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener?.('pagehide', this.flushDraft);
    // A form made while its host renders reads its entity now, not at the host's next update: else the
    // first key typed into it would land on empty values.
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.flushDraft();
    globalThis.removeEventListener?.('pagehide', this.flushDraft);
    this.watch(undefined);
  }

  /**
   * Follows the entity as the cache has it: fields the user did not change show the new value, changed
   * ones keep what was typed. Call when the entity or the store may have changed (each update).
   */
  hostUpdate(): void {
    const store = this.options.store();
    this.watch(store);
    const entity = this.options.entity();
    const fresh = this.options.read(entity);
    const key = `${entity?.id ?? ''}@${entity?.version ?? ''}:${JSON.stringify(fresh)}`;
    if (key === this.baseKey) return;
    const first = this.baseKey === undefined || !this.baseKey.startsWith(`${entity?.id ?? ''}@`);
    // Another entity in the same form (a card switched relation): what was typed for the last one is
    // written as its draft first, and nothing of its state carries over.
    if (first && this.activeDraftKey !== undefined) this.flushDraft();
    const changed = first ? [] : this.changed();
    const underMine = changed.some((path) => !same(fresh[path], this.base[path]));
    if (!first && entity && this.baseVersion !== undefined && entity.version !== this.baseVersion && underMine) {
      this.heldVersion ??= this.baseVersion;
    }
    if (first) this.heldVersion = undefined;
    this.baseKey = key;
    this.base = fresh;
    this.baseVersion = entity?.version;
    const values: FieldValues = { ...fresh };
    for (const path of changed) values[path] = this.values[path]!;
    this.values = values;
    this.activeDraftKey = this.options.draftKey();
    if (first) {
      this.touched = new Set();
      this.offeredDraft = undefined;
      this.entry = undefined;
      this.wrote = false;
      this.subject = undefined;
      this.state = 'idle';
      void this.offerDraft();
      void this.refreshState();
    }
  }

  /** Fields whose value on screen differs from the entity's. */
  changed(): string[] {
    return Object.keys(this.values).filter((path) => !same(this.values[path], this.base[path]));
  }

  get dirty(): boolean {
    return this.changed().length > 0;
  }

  /** The user typed or chose a value. */
  set(path: string, value: FieldValue): void {
    this.values = { ...this.values, [path]: value };
    if (this.state === 'saved') this.state = 'idle';
    this.scheduleDraft();
    this.host.requestUpdate();
  }

  /** The user left a field: its errors show from now on. */
  touch(path: string): void {
    if (this.touched.has(path)) return;
    this.touched = new Set(this.touched).add(path);
    this.flushDraft();
    this.host.requestUpdate();
  }

  /**
   * The message for each invalid field, as the contract's rules give it in the user's language: every field
   * the body would send, and, for a rejected write, the backend's own field errors on fields not changed since.
   */
  errors(): Map<string, string> {
    // Each field asks while rendering: one check per change of what it depends on, not one per field.
    const inputs = [this.values, this.base, this.state, this.entry, this.options.locale()] as const;
    if (this.checked && this.checked.inputs.every((input, i) => input === inputs[i])) return this.checked.errors;
    const errors = new Map<string, string>();
    this.checked = { inputs, errors };
    const changed = this.changed();
    const entity = this.options.entity();
    const body = this.options.body(this.values, entity ? changed : Object.keys(this.values), entity);
    const result = this.options.check(body);
    for (const issue of result.error?.issues ?? []) {
      const path = issue.path.map(String).join('.');
      if (!errors.has(path)) errors.set(path, issueMessage(issue as Parameters<typeof issueMessage>[0], this.options.locale()));
    }
    if (this.state === 'rejected') {
      for (const error of this.entry?.error?.fieldErrors ?? []) {
        if (!errors.has(error.path) && !changed.includes(error.path)) errors.set(error.path, error.message);
      }
    }
    return errors;
  }

  /** The error to show beside a field: once it was touched, or when the backend named it. */
  errorFor(path: string): string | undefined {
    const fromServer = this.state === 'rejected' && this.entry?.error?.fieldErrors.some((error) => error.path === path);
    if (!this.touched.has(path) && !fromServer) return undefined;
    return this.errors().get(path);
  }

  /**
   * Saves the changed fields through the outbox. Invalid fields are marked and nothing is sent; the
   * return value says whether a write was queued. A rejected write of this entity is corrected in place.
   */
  async save(): Promise<boolean> {
    const store = this.options.store();
    const entity = this.options.entity();
    const changed = entity ? this.changed() : Object.keys(this.values);
    this.touched = new Set([...this.touched, ...changed]);
    const errors = this.errors();
    if (!store || errors.size > 0 || (entity && changed.length === 0)) {
      this.host.requestUpdate();
      return false;
    }
    const body = this.options.body(this.values, changed, entity);
    let id: string | null;
    if (this.state === 'rejected' && this.entry?.seq !== undefined && entity) {
      // The rejected write stays applied in the cache, so `changed` holds only what was corrected since:
      // the correction goes on top of the whole rejected change, nested fields included.
      const previous = (this.entry.request['body'] ?? {}) as Record<string, unknown>;
      await store.retry(this.entry.seq, { ...this.entry.request, body: mergePatch(previous, body) });
      id = entity.id;
    } else {
      const edited = entity && this.heldVersion !== undefined ? { ...entity, version: this.heldVersion } : entity;
      ({ id } = await this.options.submit(store, body, edited));
    }
    this.heldVersion = undefined;
    this.wrote = true;
    this.subject = id ?? undefined;
    // A new entity's form starts again empty; an existing one's shows the entity as the write left it.
    if (!entity) this.values = { ...this.base };
    clearTimeout(this.draftTimer);
    const key = this.options.draftKey();
    if (key) await store.discardDraft(key);
    this.offeredDraft = undefined;
    this.touched = new Set();
    if (id) this.options.saved?.(id);
    await this.refreshState(id ?? undefined);
    return true;
  }

  /** Puts the entity's values back, forgetting what was typed and any draft of it. */
  async revert(): Promise<void> {
    this.values = { ...this.base };
    this.touched = new Set();
    const key = this.options.draftKey();
    const store = this.options.store();
    if (key && store) await store.discardDraft(key);
    this.host.requestUpdate();
  }

  /**
   * Closes the form without losing anything: what was typed is kept as its draft and offered again when the
   * form opens (a draft offered and not answered stays offered); the form shows the entity as it is.
   */
  async shelve(): Promise<void> {
    clearTimeout(this.draftTimer);
    const store = this.options.store();
    const key = this.activeDraftKey;
    const changed = this.changed();
    if (store && key && changed.length > 0) {
      const typed = Object.fromEntries(changed.map((path) => [path, this.values[path]!]));
      const values = { ...this.offeredDraft?.values, ...typed };
      this.offeredDraft = { values, savedAt: new Date().toISOString() };
      await store.saveDraft(key, values, this.options.entity()?.version ?? null);
    }
    this.values = { ...this.base };
    this.touched = new Set();
    this.host.requestUpdate();
  }

  /** Takes the offered draft's values into the form; saving them is still the user's choice. */
  restoreDraft(): void {
    if (!this.offeredDraft) return;
    this.values = { ...this.values, ...this.offeredDraft.values };
    this.touched = new Set(Object.keys(this.offeredDraft.values));
    this.offeredDraft = undefined;
    this.host.requestUpdate();
  }

  async dismissDraft(): Promise<void> {
    this.offeredDraft = undefined;
    const key = this.options.draftKey();
    if (key) await this.options.store()?.discardDraft(key);
    this.host.requestUpdate();
  }

  /** Gives up a rejected write: the cache shows the entity as it was before it; the typed values stay. */
  async discardRejected(): Promise<void> {
    const seq = this.entry?.seq;
    if (seq === undefined) return;
    const typed = { ...this.values };
    await this.options.store()?.discard(seq);
    await this.refreshState();
    this.values = { ...this.values, ...typed };
    this.host.requestUpdate();
  }

  private watch(store: RelationsStore | undefined): void {
    if (store === this.watched) return;
    this.watched?.removeEventListener('change', this.onStore);
    this.watched?.removeEventListener('status', this.onStore);
    this.watched = store;
    store?.addEventListener('change', this.onStore);
    store?.addEventListener('status', this.onStore);
    if (store) {
      void this.offerDraft();
      void this.refreshState();
    }
  }

  /** Reads this entity's writes from the outbox and derives the save state from them. */
  private async refreshState(id = this.options.entity()?.id ?? this.subject): Promise<void> {
    const store = this.options.store();
    if (!store || !id) return;
    // A store closed meanwhile (signed out) has no writes to show any more.
    const entries = (await store.writesOf(id).catch(() => [])).filter((entry) => this.isMine(entry));
    const held = entries.find((entry) => entry.state === 'conflict') ?? entries.find((entry) => entry.state === 'rejected');
    const previous = `${this.state}:${this.entry?.seq}`;
    this.entry = held;
    if (held) this.state = held.state === 'conflict' ? 'conflict' : 'rejected';
    else if (entries.length > 0) this.state = store.status.online ? 'saving' : 'queued';
    else this.state = this.wrote ? 'saved' : 'idle';
    if (`${this.state}:${this.entry?.seq}` !== previous) this.host.requestUpdate();
  }

  private isMine(entry: OutboxEntry): boolean {
    const paths = leaves(entry.request['body']).map(([path]) => path);
    const owns = this.options.owns ?? ((path: string) => path in this.base);
    return paths.length === 0 || paths.some(owns);
  }

  private async offerDraft(): Promise<void> {
    const store = this.options.store();
    const key = this.options.draftKey();
    if (!store || !key) return;
    const draft = await store.draft<FieldValues>(key);
    if (!draft) return;
    const differs = Object.entries(draft.values).some(([path, value]) => !same(value, this.values[path]));
    if (differs) this.offeredDraft = { values: draft.values, savedAt: draft.savedAt };
    else await store.discardDraft(key);
    this.host.requestUpdate();
  }

  private scheduleDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(this.flushDraft, draftDelay);
  }

  private readonly flushDraft = (): void => {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const store = this.options.store();
    const key = this.activeDraftKey;
    if (!store || !key) return;
    const changed = this.changed();
    if (changed.length === 0) {
      if (!this.offeredDraft) void store.discardDraft(key);
      return;
    }
    const values = Object.fromEntries(changed.map((path) => [path, this.values[path]!]));
    void store.saveDraft(key, values, this.options.entity()?.version ?? null);
  };
}

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => value === b[i]);
  return a === b;
}
