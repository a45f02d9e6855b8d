import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { CallbackRequest, CallbackRequestCreate } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { card } from '../../../i18n/sections/card.js';
import { callbacks } from '../../../i18n/sections/callbacks.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { EditFormController, type FieldValue, type FieldValues } from '../../controllers/edit-form.js';
import { StoreQueryController } from '../../controllers/store-query.js';
import { momentField } from '../contact-moment-compose/moment-fields.js';
import { draftOffer, selectField, textField } from '../fields/fields.js';
import { fieldStyles } from '../fields/fields.styles.js';
import '../relation-dialog/relation-dialog.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import { callbackBody, checkCallback, loadChoices, phoneFor } from './callback-values.js';
import { callbackDialogStyles } from './relation-callback-dialog.styles.js';

/**
 * "Request a callback": asks a colleague to call a relation back. The colleague (none chosen at first), the
 * contact person of an organization, the number to call (the contact person's at the organization, else the
 * relation's; editable), a message and an optional due time in the user's time zone. Checked as you type
 * with the contract's rules; sent through the store's outbox, so it works offline. Invalid input keeps what
 * was typed; Escape keeps it as a draft, offered when the dialog opens again; Cancel discards it.
 *
 * A host renders it and sets `open` (or calls `show()`); it fires `close` (not bubbling) however it closed.
 *
 * @internal
 * @tagname relation-callback-dialog
 * @fires callback-requested - The request was stored for sending: `detail.id` (a local id until sent), `detail.relationId`, `detail.assigneeId`.
 * @fires close - The dialog closed: sent, cancelled or Escape. Does not bubble.
 * @csspart form - The form.
 * @csspart field - Each labelled field.
 */
export class RelationCallbackDialog extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, dialogContentStyles, callbackDialogStyles];

  private readonly i18n = new LocaleController(this);
  private readonly data = new StoreQueryController(this, {
    entities: ['relation', 'affiliation'],
    args: () => [this.relationId] as const,
    run: (store, [id]) => loadChoices(store, id),
  });
  private readonly form: EditFormController<CallbackRequest> = new EditFormController<CallbackRequest>(this, {
    entity: () => undefined,
    read: (): FieldValues => {
      const personId = this.personId ?? '';
      // The number follows the chosen contact person until the user types one of their own.
      const chosen: FieldValue | undefined = this.form?.values['personId'];
      return { assigneeId: '', personId, phone: phoneFor(this.data.state.value, typeof chosen === 'string' ? chosen : personId), message: '', dueAt: '' };
    },
    body: (values) => callbackBody(this.relationId, values),
    check: checkCallback,
    submit: async (store, body) => {
      const request = body as CallbackRequestCreate;
      const written = await store.requestCallback(request);
      emit(this, 'callback-requested', { id: written.id ?? '', relationId: request.relationId, assigneeId: request.assigneeId });
      return written;
    },
    draftKey: () => (this.relationId ? `callback-request:new:${this.relationId}` : undefined),
    store: () => this.data.currentStore,
    locale: () => this.i18n.locale,
  });

  /** The relation to be called back. */
  @property({ attribute: 'relation-id' }) relationId = '';

  /** The contact person (of an organization) to call, chosen at first; the user may choose another. */
  @property({ attribute: 'person-id' }) personId: string | null = null;

  /** Whether the dialog shows. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** The store to write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  /** Opens the dialog. */
  show(): void {
    this.open = true;
  }

  /** Closes the dialog, keeping what was typed as a draft. */
  close(): void {
    this.renderRoot.querySelector('relation-dialog')?.close();
  }

  private async onClose(): Promise<void> {
    if (this.open) await this.form.shelve();
    this.open = false;
    this.dispatchEvent(new Event('close'));
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (await this.form.save()) {
      this.open = false;
      this.close();
      return;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private cancel(): void {
    void this.form.revert().then(() => {
      this.open = false;
      this.close();
    });
  }

  private renderForm() {
    const { common } = this.i18n.messages;
    const m = this.i18n.section(callbacks).dialog;
    const { draft } = this.i18n.section(card);
    const { form } = this;
    const { status, value } = this.data.state;
    if (status === 'loading') return html`<p role="status">${m.loading}</p>`;
    if (status === 'error' || !value?.relation) {
      return html`<p role="alert">${common.error}</p>
        <div class="buttons"><button type="button" @click=${() => this.close()}>${common.close}</button></div>`;
    }
    const me = this.data.currentStore?.me.id;
    const colleagues = value.colleagues.map((user) => [user.id, user.id === me ? m.me(user.name) : user.name] as const);
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${draftOffer(form, { offered: form.offeredDraft ? draft.offered(form.offeredDraft.savedAt) : '', restore: draft.restore, dismiss: draft.dismiss })}
      ${selectField(form, { path: 'assigneeId', label: m.assignee, required: true }, [['', m.chooseAssignee], ...colleagues])}
      ${value.contacts.length > 0
        ? selectField(form, { path: 'personId', label: m.contactPerson }, [
            ['', m.noContactPerson],
            ...value.contacts.map((contact) => [contact.personId, contact.name] as const),
          ])
        : nothing}
      ${textField(form, { path: 'phone', label: m.phone, type: 'tel', inputmode: 'tel', autocomplete: 'tel' })}
      ${momentField(form, { path: 'message', label: m.message, type: 'textarea', hint: m.messageHint, required: true })}
      ${momentField(form, { path: 'dueAt', label: m.dueAt, type: 'datetime-local', hint: m.dueAtHint })}
      <div class="buttons">
        <button type="button" @click=${() => this.cancel()}>${m.cancel}</button>
        <button type="submit" class="primary">${m.submit}</button>
      </div>
    </form>`;
  }

  protected override render() {
    const m = this.i18n.section(callbacks);
    const title = m.dialog.title(this.data.state.value?.relation?.displayName ?? m.unknownRelation);
    return html`<relation-dialog label=${title} ?open=${this.open} @close=${() => void this.onClose()}>
      <h2>${title}</h2>
      ${this.open ? this.renderForm() : nothing}
    </relation-dialog>`;
  }
}
