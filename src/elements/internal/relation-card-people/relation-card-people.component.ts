import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Affiliation, Relation, RelationKind } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { people } from '../../../i18n/sections/people.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { StoreQueryController } from '../../controllers/store-query.js';
import type { RelationPicker } from '../../relation-picker/relation-picker.component.js';
import '../../relation-picker/relation-picker.js';
import { fieldStyles } from '../fields/fields.styles.js';
import type { RelationDialog } from '../relation-dialog/relation-dialog.component.js';
import '../relation-dialog/relation-dialog.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import type { ConflictResolution } from '../relation-conflict/relation-conflict.component.js';
import '../relation-conflict/relation-conflict.js';
import { renderCreate, type CreateState } from './create.js';
import { LinkForm } from './link-form.js';
import { peopleStyles } from './relation-card-people.styles.js';

/** A link as the section shows it: the link and the relation at its other end. */
export interface Link {
  affiliation: Affiliation;
  other: Relation | undefined;
}

/**
 * The people of a relation on its card: an organization's contact persons, or the organizations a person
 * belongs to, each with the function, e-mail and phone particular to that link and whether it is the primary
 * one. Links are edited in place (checked with the contract as you type, saved through the outbox with a
 * visible state), removed after confirmation, made to an existing relation found by searching, or to a new
 * one created in place with just its name.
 *
 * @internal
 * @tagname relation-card-people
 * @fires relation-open - The user opens the relation at the other end of a link (cancelable).
 * @fires relation-saved - A link was made, changed or removed (stored for sending): `detail.id`, `detail.relation`.
 * @fires relation-created - A person or organization was created here to link: `detail.id` (a local id until sent), `detail.relation`.
 * @csspart link - One link.
 * @csspart name - The other party's name, a button that opens it.
 * @csspart field - A field of a link's form.
 * @csspart draft - The offer to restore an unsaved version.
 */
export class RelationCardPeople extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, dialogContentStyles, peopleStyles];

  /** The relation whose people these are. */
  @property({ attribute: false }) relation: Relation | undefined;

  /** The store to read and write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  @state() private open = new Set<string>();
  @state() private pendingUnlink: Link | undefined;
  @state() private announcement = '';
  @state() private creating: CreateState | undefined;

  @query('relation-dialog') private dialog!: RelationDialog;

  private readonly i18n = new LocaleController(this);
  private readonly forms = new Map<string, LinkForm>();
  private readonly justSaved = new Set<string>();
  /** After an unlink: the link going, and the one whose first button takes focus once it is gone. */
  private focusAfterUnlink: { gone: string; next: string | undefined } | undefined;

  private readonly list = new StoreQueryController(this, {
    entities: ['affiliation', 'relation'],
    args: () => [this.relation?.id ?? ''] as const,
    run: async (store, [relationId]) => {
      const affiliations = relationId ? await store.affiliationsOf(relationId) : [];
      const links = await Promise.all(
        affiliations.map(async (affiliation) => {
          const otherId = affiliation.personId === relationId ? affiliation.organizationId : affiliation.personId;
          return { affiliation, other: await store.getRelation(otherId) };
        }),
      );
      return links.sort((a, b) => Number(b.affiliation.isPrimary) - Number(a.affiliation.isPrimary) || nameOf(a).localeCompare(nameOf(b)));
    },
    isEmpty: (links) => links.length === 0,
  });

  private get links(): Link[] {
    return this.list.state.value ?? [];
  }

  /** The kind of relation at the other end of this relation's links. */
  private get otherKind(): RelationKind {
    return this.relation?.kind === 'organization' ? 'person' : 'organization';
  }

  private formFor(id: string): LinkForm {
    let form = this.forms.get(id);
    if (!form) {
      form = new LinkForm(id, {
        host: this,
        entity: () => this.links.find((link) => link.affiliation.id === id)?.affiliation,
        store: () => this.list.currentStore,
        locale: () => this.i18n.locale,
        saved: (saved) => {
          this.justSaved.add(saved);
          void this.announceSaved();
        },
      });
      this.forms.set(id, form);
    }
    return form;
  }

  /** Forms of links no longer there (removed, or a local id the backend replaced) are let go. */
  protected override willUpdate(): void {
    if (this.list.state.status === 'loading') return;
    const ids = new Set(this.links.map((link) => link.affiliation.id));
    for (const [id, form] of this.forms) {
      if (ids.has(id)) continue;
      form.dispose();
      this.forms.delete(id);
    }
  }

  private toggle(id: string, on: boolean): void {
    const open = new Set(this.open);
    if (on) open.add(id);
    else open.delete(id);
    this.open = open;
    if (on) {
      this.justSaved.delete(id);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#form-${CSS.escape(id)} input`)?.focus());
    } else {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#edit-${CSS.escape(id)}`)?.focus());
    }
  }

  private async cancel(id: string): Promise<void> {
    await this.formFor(id).form.revert();
    this.toggle(id, false);
  }

  /** Tells the host the relation was edited: `relation-saved` with the relation as the cache has it. */
  private async announceSaved(): Promise<void> {
    const relation = this.relation;
    if (!relation) return;
    const cached = await this.list.currentStore?.getRelation(relation.id);
    emit(this, 'relation-saved', { id: relation.id, relation: cached ?? relation });
  }

  private openRelation(id: string): void {
    emit(this, 'relation-open', { id }, { cancelable: true });
  }

  /** Links this relation with `otherId`: person and organization in their places. */
  private async link(otherId: string): Promise<void> {
    const store = this.list.currentStore;
    const self = this.relation;
    if (!store || !self || !otherId) return;
    if (this.links.some((link) => link.affiliation.personId === otherId || link.affiliation.organizationId === otherId)) return;
    const body = self.kind === 'organization' ? { personId: otherId, organizationId: self.id } : { personId: self.id, organizationId: otherId };
    await store.write('createAffiliation', { body });
    void this.announceSaved();
    const other = await store.getRelation(otherId);
    this.announcement = this.i18n.section(people).linked(other?.displayName ?? '');
  }

  private async picked(event: Event): Promise<void> {
    const picker = event.target as RelationPicker;
    const id = picker.value;
    picker.value = '';
    await this.link(id);
  }

  /** A new relation with just its name, then the link to it by the local id the write gave it. */
  private async create(body: Record<string, unknown>): Promise<void> {
    const store = this.list.currentStore;
    if (!store) return;
    const { id } = await store.write('createRelation', { body: body as never });
    this.creating = undefined;
    if (!id) return;
    const created = await store.getRelation(id);
    if (created) emit(this, 'relation-created', { id, relation: created });
    await this.link(id);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.create-toggle')?.focus());
  }

  private async unlink(): Promise<void> {
    const link = this.pendingUnlink;
    this.dialog.close();
    this.pendingUnlink = undefined;
    const store = this.list.currentStore;
    if (!link || !store) return;
    const at = this.links.findIndex((candidate) => candidate.affiliation.id === link.affiliation.id);
    this.focusAfterUnlink = { gone: link.affiliation.id, next: (this.links[at + 1] ?? this.links[at - 1])?.affiliation.id };
    await store.write('deleteAffiliation', { id: link.affiliation.id });
    void this.announceSaved();
    const p = this.i18n.section(people);
    this.announcement = p.unlinked(nameOf(link, p.unknown));
  }

  /** Once an unlinked row is gone, focus goes to the next row (or the previous, or the button that adds one). */
  protected override updated(): void {
    const after = this.focusAfterUnlink;
    if (!after || this.links.some((link) => link.affiliation.id === after.gone)) return;
    this.focusAfterUnlink = undefined;
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('li.link')].find((li) => li.dataset['id'] === after.next);
    const add = this.renderRoot.querySelector<HTMLElement>('.create-toggle') ?? this.renderRoot.querySelector<HTMLElement>('relation-picker');
    (row?.querySelector<HTMLElement>('button') ?? add)?.focus();
  }

  protected override render() {
    const m = this.i18n.messages;
    const p = this.i18n.section(people);
    const status = this.list.state.status;
    const kind = this.relation?.kind ?? 'organization';
    return html`<section aria-labelledby="title">
        <h3 id="title">${p.title(kind)}</h3>
        ${status === 'loading' && this.relation ? html`<p>${m.common.loading}</p>` : nothing}
        ${status === 'error' ? html`<p role="alert">${m.common.error}</p>` : nothing}
        ${status === 'empty' ? html`<p>${p.none(kind)}</p>` : nothing}
        ${this.links.length > 0 ? html`<ul class="links">${this.links.map((link) => this.renderLink(link))}</ul>` : nothing}
        ${this.relation
          ? html`<div class="add">
              <relation-picker kind=${this.otherKind} label=${p.linkExisting(this.otherKind)} .store=${this.store}
                @change=${(e: Event) => void this.picked(e)}></relation-picker>
              ${renderCreate({
                kind: this.otherKind, state: this.creating, messages: p, cancel: m.common.cancel, locale: this.i18n.locale,
                change: (next) => (this.creating = next), submit: (body) => void this.create(body),
              })}
            </div>`
          : nothing}
        <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      </section>
      ${this.pendingUnlink ? this.renderConfirm(this.pendingUnlink) : nothing}`;
  }

  private renderLink(link: Link) {
    const m = this.i18n.messages;
    const p = this.i18n.section(people);
    const { affiliation } = link;
    const id = affiliation.id;
    const name = nameOf(link, p.unknown);
    const form = this.formFor(id);
    const held = form.form.state === 'rejected' || form.form.state === 'conflict';
    const editing = this.open.has(id) || held;
    const otherId = affiliation.personId === this.relation?.id ? affiliation.organizationId : affiliation.personId;
    return html`<li part="link" class="link" data-id=${id}>
      <div class="summary">
        <div class="who">
          <button class="name" part="name" @click=${() => this.openRelation(link.other?.id ?? otherId)}>${name}</button>
          ${affiliation.isPrimary ? html`<span class="primary">${p.primary}</span>` : nothing}
        </div>
        <dl>
          ${affiliation.function ? html`<div><dt>${p.function}</dt><dd>${affiliation.function}</dd></div>` : nothing}
          ${affiliation.email ? html`<div><dt>${p.email}</dt><dd><a href="mailto:${affiliation.email}">${affiliation.email}</a></dd></div>` : nothing}
          ${affiliation.phone ? html`<div><dt>${p.phone}</dt><dd><a href="tel:${affiliation.phone}">${affiliation.phone}</a></dd></div>` : nothing}
        </dl>
        <div class="actions">
          <button id="edit-${id}" aria-expanded=${editing ? 'true' : 'false'} aria-controls="form-${id}" aria-label=${p.edit(name)}
            @click=${() => this.toggle(id, !editing)}>${p.editShort}</button>
          <button class="danger" aria-label=${p.unlink(name)} @click=${() => (this.pendingUnlink = link)}>${p.unlinkShort}</button>
        </div>
      </div>
      ${this.renderState(id, form)}
      <div id="form-${id}">
        ${editing
          ? form.render(p, m.common.cancel, p.editing(name), { close: () => this.toggle(id, false), cancel: () => void this.cancel(id), saved: () => this.toggle(id, false) })
          : nothing}
      </div>
    </li>`;
  }

  private renderState(id: string, form: LinkForm) {
    const p = this.i18n.section(people);
    const { state, entry } = form.form;
    const shown = state === 'idle' ? (this.justSaved.has(id) && !form.form.dirty ? 'saved' : undefined) : state;
    const store = this.list.currentStore;
    return html`<p class="state" role="status" data-state=${shown ?? 'idle'}>${shown ? p.state[shown] : ''}</p>
      ${state === 'conflict' && entry?.seq !== undefined
        ? html`<relation-conflict .entry=${entry} .fieldLabel=${(path: string) => fieldLabel(p, path)}
            .resolve=${(resolution: ConflictResolution) => store?.resolveConflict(entry.seq!, resolution)}></relation-conflict>`
        : nothing}
      ${state === 'rejected' ? html`<div class="buttons"><button @click=${() => void form.form.discardRejected()}>${p.discardChange}</button></div>` : nothing}`;
  }

  private renderConfirm(link: Link) {
    const m = this.i18n.messages;
    const p = this.i18n.section(people);
    const name = nameOf(link, p.unknown);
    const question = p.confirmUnlink(name);
    return html`<relation-dialog open label=${question} @close=${() => (this.pendingUnlink = undefined)}>
      <p>${question}</p>
      <div class="buttons">
        <button @click=${() => this.dialog.close()}>${m.common.cancel}</button>
        <button class="danger" @click=${() => void this.unlink()}>${p.unlink(name)}</button>
      </div>
    </relation-dialog>`;
  }
}

function nameOf(link: Link, unknown = ''): string {
  return link.other?.displayName ?? unknown;
}

function fieldLabel(p: { function: string; email: string; phone: string; isPrimary: string }, path: string): string {
  const labels: Record<string, string> = { function: p.function, email: p.email, phone: p.phone, isPrimary: p.isPrimary };
  return labels[path] ?? path;
}
