import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ContactMoment, Relation } from '../../../contract/index.js';
import { contactMomentKinds } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { card } from '../../../i18n/sections/card.js';
import { moments } from '../../../i18n/sections/moments.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { EditFormController } from '../../controllers/edit-form.js';
import { checkboxField, draftOffer, selectField, textField } from '../fields/fields.js';
import { fieldStyles } from '../fields/fields.styles.js';
import { detailsStyles } from '../relation-card-details/relation-card-details.styles.js';
import type { ConflictResolution } from '../relation-conflict/relation-conflict.component.js';
import '../relation-conflict/relation-conflict.js';
import { composeStyles } from './contact-moment-compose.styles.js';
import { agreementRows, checkCreate, checkPatch, momentBody, readMoment, withAgreement, withoutAgreement } from './compose-values.js';
import { momentField } from './moment-fields.js';

/** A relation the form offers as the other party. */
export interface PartyChoice {
  id: string;
  name: string;
}

/**
 * The form that writes a contact moment, new or one's own: kind, subject, plain-text body, date and time
 * (the user's time zone), the other party, agreements with due dates, visibility. Checked as you type with
 * the contract's rules; saved through the outbox (so it works offline); a draft of what was typed is kept
 * and offered back; a rejected write shows its reasons, a conflict the values side by side.
 *
 * @internal
 * @tagname contact-moment-compose
 * @fires contact-moment-saved - The moment was stored for sending: `detail.id`, `detail.relationId`, `detail.deleted` (false).
 * @fires close - The user is done with the form (saved, cancelled or Escape); does not bubble.
 * @csspart form - The form.
 * @csspart field - Each labelled field.
 */
export class ContactMomentCompose extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, detailsStyles, composeStyles];

  private readonly i18n = new LocaleController(this);

  /** The relation whose log this is. */
  @property({ attribute: false }) relation: Relation | undefined;

  /** The moment to edit; none to write a new one. */
  @property({ attribute: false }) moment: ContactMoment | undefined;

  /** Whom the moment can be with: an organization's contact persons, or a person's organizations. */
  @property({ attribute: false }) parties: readonly PartyChoice[] = [];

  /** The store to save through: the log's. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  private readonly form = new EditFormController<ContactMoment>(this, {
    entity: () => this.moment,
    read: (moment) => readMoment(moment, this.relation),
    body: (values, changed, moment) => momentBody(this.relation!, values, changed, moment),
    check: (body) => (this.moment ? checkPatch(body) : checkCreate(body)),
    submit: (store, body, moment) =>
      moment ? store.write('updateContactMoment', { id: moment.id, body }, { baseVersion: moment.version }) : store.write('createContactMoment', { body: body as never }),
    draftKey: () => (this.relation ? `contact-moment:${this.moment?.id ?? `new:${this.relation.id}`}` : undefined),
    store: () => this.store,
    locale: () => this.i18n.locale,
    saved: (id) => emit(this, 'contact-moment-saved', { id, relationId: this.relation!.id, deleted: false }),
  });

  /** Puts focus in the first field, as a form that just opened should. */
  override focus(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('select, input')?.focus());
  }

  private close(): void {
    this.dispatchEvent(new Event('close'));
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (await this.form.save()) {
      this.close();
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private async onKeydown(event: KeyboardEvent): Promise<void> {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    await this.form.shelve();
    this.close();
  }

  private addAgreement(): void {
    const values = withAgreement(this.form.values);
    this.form.values = values;
    this.form.set('agreements', values['agreements']!);
    const index = agreementRows(values) - 1;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#f-agreements-${index}-text`)?.focus());
  }

  private removeAgreement(index: number): void {
    const values = withoutAgreement(this.form.values, index);
    this.form.values = values;
    this.form.set('agreements', values['agreements']!);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.add-agreement')?.focus());
  }

  private renderAgreements() {
    const m = this.i18n.section(moments);
    const count = agreementRows(this.form.values);
    return html`<fieldset class="agreements">
      <legend>${m.fields.agreements}</legend>
      ${[...Array(count).keys()].map((i) => html`<div class="agreement">
        ${textField(this.form, { path: `agreements.${i}.text`, label: m.fields.agreementText(i + 1), required: true })}
        ${momentField(this.form, { path: `agreements.${i}.dueDate`, label: m.fields.dueDate(i + 1), type: 'date' })}
        ${this.moment ? checkboxField(this.form, { path: `agreements.${i}.done`, label: m.done(String(this.form.values[`agreements.${i}.text`] ?? '')) }) : nothing}
        <button type="button" class="remove" @click=${() => this.removeAgreement(i)}>${m.fields.removeAgreement(i + 1)}</button>
      </div>`)}
      ${this.form.errorFor('agreements') ? html`<span class="error">${this.form.errorFor('agreements')}</span>` : nothing}
      <button type="button" class="add-agreement" @click=${() => this.addAgreement()}>${m.fields.addAgreement}</button>
    </fieldset>`;
  }

  private renderState() {
    const words = this.i18n.section(card);
    const { state, entry } = this.form;
    const reason = (entry?.error?.fieldErrors ?? []).map((error) => error.message).join(' ') || entry?.error?.detail || entry?.error?.title || '';
    const text = state === 'idle' ? '' : state === 'rejected' && entry?.error ? words.rejected(reason) : words.state[state];
    return html`<p class="state" role="status" data-state=${state}>${text}</p>`;
  }

  protected override render() {
    const relation = this.relation;
    if (!relation) return nothing;
    const m = this.i18n.section(moments);
    const { draft, discardRejected } = this.i18n.section(card);
    const { form } = this;
    const partyLabel = relation.kind === 'organization' ? m.fields.contactPerson : m.fields.organization;
    // Which relation a moment is about is fixed once written: only the contact person can change.
    const partyFixed = this.moment !== undefined && this.moment.relationId !== relation.id;
    const title = this.moment ? m.editTitle(this.moment.subject) : m.newTitle;
    return html`<section aria-label=${title} @keydown=${this.onKeydown}>
      ${draftOffer(form, { offered: form.offeredDraft ? draft.offered(form.offeredDraft.savedAt) : '', restore: draft.restore, dismiss: draft.dismiss })}
      ${form.state === 'conflict' && form.entry?.seq !== undefined
        ? html`<relation-conflict .entry=${form.entry} .fieldLabel=${(path: string) => (m.fields as Record<string, unknown>)[path.split('.')[0]!] as string ?? path}
            .resolve=${(resolution: ConflictResolution) => this.store?.resolveConflict(form.entry!.seq!, resolution)}></relation-conflict>`
        : nothing}
      <form part="form" novalidate @submit=${this.submit}>
        <div class="fields">
          ${selectField(form, { path: 'kind', label: m.fields.kind }, contactMomentKinds.map((kind) => [kind, m.kinds[kind]] as const))}
          ${momentField(form, { path: 'occurredAt', label: m.fields.occurredAt, type: 'datetime-local', required: true })}
          ${partyFixed ? nothing : selectField(form, { path: 'party', label: partyLabel }, [['', m.fields.nobody], ...this.parties.map((party) => [party.id, party.name] as const)])}
          ${selectField(form, { path: 'visibility', label: m.fields.visibility }, [['team', m.fields.team], ['private', m.fields.private]])}
        </div>
        ${textField(form, { path: 'subject', label: m.fields.subject, required: true })}
        ${momentField(form, { path: 'body', label: m.fields.body, type: 'textarea', hint: m.fields.bodyHint })}
        ${this.renderAgreements()}
        <div class="buttons">
          ${this.renderState()}
          ${form.state === 'rejected' ? html`<button type="button" @click=${() => form.discardRejected()}>${discardRejected}</button>` : nothing}
          <button type="button" @click=${() => void form.revert().then(() => this.close())}>${m.cancel}</button>
          <button type="submit" class="primary">${m.save}</button>
        </div>
      </form>
    </section>`;
  }
}
