import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Label, Relation, RelationPatch } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { card } from '../../../i18n/sections/card.js';
import type { OutboxEntry, RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { StoreQueryController } from '../../controllers/store-query.js';
import type { RelationDialog } from '../relation-dialog/relation-dialog.component.js';
import '../relation-dialog/relation-dialog.js';
import '../relation-personal-data/relation-personal-data.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import { headerStyles } from './relation-card-header.styles.js';

type Role = 'debtor' | 'creditor';

/** An action that asks first: what it changes and the question. */
interface Pending {
  patch: RelationPatch;
  question: string;
  confirm: string;
}

/**
 * The top of a relation's card: its name, kind, status, numbers and labels, and what can be done to the
 * whole relation: make it a debtor or creditor (the backend gives the number; "pending" while queued),
 * convert a lead, archive and restore (asking first), add and remove labels.
 *
 * @internal
 * @tagname relation-card-header
 * @slot actions - The host's own buttons beside the card's actions.
 * @fires relation-saved - A change to the relation was stored for sending.
 * @csspart heading - The relation's name.
 * @csspart numbers - The relation, debtor and creditor numbers.
 * @csspart labels - The labels.
 * @csspart actions - The actions.
 */
export class RelationCardHeader extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogContentStyles, headerStyles];

  private readonly i18n = new LocaleController(this);

  @property({ attribute: false }) relation: Relation | undefined;
  @property({ attribute: false }) store: RelationsStore | undefined;
  /** The id of the heading, for the card to name its region by. */
  @property({ attribute: 'heading-id' }) headingId = 'relation-heading';

  @state() private pending: Pending | undefined;
  @query('relation-dialog') private dialog!: RelationDialog;

  private readonly labels = new StoreQueryController(this, {
    entities: ['label'],
    args: () => [] as const,
    run: (store) => store.labels(),
  });
  /** The relation's writes not yet accepted: a role asked for shows "pending" until its number arrives. */
  private readonly writes = new StoreQueryController(this, {
    entities: ['relation'],
    args: () => [this.relation?.id] as const,
    run: (store, [id]) => (id ? store.writesOf(id) : Promise.resolve([] as OutboxEntry[])),
  });

  private async change(patch: RelationPatch): Promise<void> {
    const relation = this.relation;
    const store = this.store;
    if (!relation || !store) return;
    await store.write('updateRelation', { id: relation.id, body: patch });
    const updated = await store.getRelation(relation.id);
    if (updated) emit(this, 'relation-saved', { id: relation.id, relation: updated });
  }

  private ask(pending: Pending): void {
    this.pending = pending;
    this.dialog.open = true;
  }

  private async confirmed(): Promise<void> {
    const pending = this.pending;
    this.dialog.close();
    if (pending) await this.change(pending.patch);
  }

  private async labelsChange(add: string[], remove: string[]): Promise<void> {
    const relation = this.relation;
    if (!relation || !this.store) return;
    await this.store.write('updateRelationLabels', { body: { relationIds: [relation.id], addLabelIds: add, removeLabelIds: remove } });
    const updated = await this.store.getRelation(relation.id);
    if (updated) emit(this, 'relation-saved', { id: relation.id, relation: updated });
  }

  /** Whether a queued write asks for this role's number. */
  private requested(role: Role): boolean {
    return (this.writes.state.value ?? []).some((entry) => {
      const body = entry.request['body'] as Record<string, unknown> | undefined;
      return entry.operationId === 'updateRelation' && body?.[role] !== undefined && body[role] !== null;
    });
  }

  private number(label: string, value: number | undefined, pending: boolean) {
    const m = this.i18n.section(card);
    if (value === undefined && !pending) return nothing;
    return html`<div><dt>${label}</dt><dd>${value ? value : html`<em>${m.pending}</em>`}</dd></div>`;
  }

  private roleActions(relation: Relation, role: Role) {
    const a = this.i18n.section(card).actions;
    const [make, end, question] = role === 'debtor' ? [a.makeDebtor, a.endDebtor, a.confirmEndDebtor] : [a.makeCreditor, a.endCreditor, a.confirmEndCreditor];
    if (relation[role] === null && !this.requested(role)) return html`<button @click=${() => this.change({ [role]: {} })}>${make}</button>`;
    return html`<button @click=${() => this.ask({ patch: { [role]: null }, question: question(relation.displayName), confirm: end })}>${end}</button>`;
  }

  private renderLabels(relation: Relation) {
    const m = this.i18n.section(card);
    const all = this.labels.state.value ?? [];
    const byId = new Map(all.map((label): [string, Label] => [label.id, label]));
    const mine = relation.labelIds.map((id) => byId.get(id)).filter((label): label is Label => !!label);
    const others = all.filter((label) => !relation.labelIds.includes(label.id));
    return html`<div class="labels" part="labels" role="group" aria-label=${m.labels}>
      ${mine.length === 0 ? html`<span class="muted">${m.noLabels}</span>` : nothing}
      ${mine.map(
        (label) => html`<span class="label"><span class="swatch" aria-hidden="true" .style=${`background:${label.color}`}></span>${label.name}<button
            class="remove" aria-label=${m.removeLabel(label.name)} @click=${() => this.labelsChange([], [label.id])}>×</button></span>`,
      )}
      ${others.length > 0
        ? html`<select aria-label=${m.addLabel} @change=${(event: Event) => {
            const select = event.target as HTMLSelectElement;
            if (select.value) void this.labelsChange([select.value], []);
            select.value = '';
          }}>
            <option value="">${m.addLabel}…</option>
            ${others.map((label) => html`<option value=${label.id}>${label.name}</option>`)}
          </select>`
        : nothing}
    </div>`;
  }

  protected override render() {
    const relation = this.relation;
    if (!relation) return nothing;
    const m = this.i18n.section(card);
    const a = m.actions;
    const unnumbered = relation.number === 0;
    return html`
      <div class="title">
        <h2 id=${this.headingId} part="heading">${relation.displayName}</h2>
        <span class="badge">${m.kind[relation.kind]}</span>
        <span class="badge" data-status=${relation.status}>${m.status[relation.status]}</span>
      </div>
      <dl class="numbers" part="numbers">
        ${this.number(m.number, unnumbered ? undefined : relation.number, unnumbered)}
        ${this.number(m.debtorNumber, relation.debtor?.number, this.requested('debtor'))}
        ${this.number(m.creditorNumber, relation.creditor?.number, this.requested('creditor'))}
      </dl>
      ${this.renderLabels(relation)}
      <div class="actions" part="actions" role="group" aria-label=${a.label}>
        ${relation.status === 'lead' ? html`<button @click=${() => this.change({ status: 'active' })}>${a.convertLead}</button>` : nothing}
        ${relation.status === 'archived' ? nothing : [this.roleActions(relation, 'debtor'), this.roleActions(relation, 'creditor')]}
        ${relation.status === 'archived'
          ? html`<button @click=${() => this.ask({ patch: { status: 'active' }, question: a.confirmRestore(relation.displayName), confirm: a.restore })}>${a.restore}</button>`
          : html`<button class="danger" @click=${() => this.ask({ patch: { status: 'archived' }, question: a.confirmArchive(relation.displayName), confirm: a.archive })}>${a.archive}</button>`}
        <slot name="actions"></slot>
      </div>
      <relation-personal-data .relation=${relation} .store=${this.store}></relation-personal-data>
      <relation-dialog label=${this.pending?.confirm ?? a.label} @close=${() => (this.pending = undefined)}>
        <p>${this.pending?.question}</p>
        <div class="buttons">
          <button @click=${() => this.dialog.close()}>${this.i18n.messages.common.cancel}</button>
          <button class="primary" @click=${this.confirmed}>${this.pending?.confirm}</button>
        </div>
      </relation-dialog>
    `;
  }
}
