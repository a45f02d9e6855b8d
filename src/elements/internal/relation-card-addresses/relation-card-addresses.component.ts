import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Address, Relation } from '../../../contract/index.js';
import { emit } from '../../../core/events.js';
import { envelopeLines, streetLine } from '../../../format/address.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { addresses, type AddressesMessages } from '../../../i18n/sections/addresses.js';
import type { RelationsStore } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { StoreQueryController } from '../../controllers/store-query.js';
import { fieldStyles } from '../fields/fields.styles.js';
import type { RelationDialog } from '../relation-dialog/relation-dialog.component.js';
import '../relation-dialog/relation-dialog.js';
import type { ConflictResolution } from '../relation-conflict/relation-conflict.component.js';
import '../relation-conflict/relation-conflict.js';
import { dialogContentStyles } from '../relation-dialog/relation-dialog.styles.js';
import { AddressForm, newKey } from './address-form.js';
import { addressesStyles } from './relation-card-addresses.styles.js';

/** A field's label for a contract path of an address (`purposes`, `postalCode`). */
function fieldLabel(a: AddressesMessages, path: string): string {
  const labels: Record<string, string> = {
    purposes: a.purposes, poBox: a.poBox, street: a.street, houseNumber: a.houseNumber, houseNumberAddition: a.houseNumberAddition,
    postalCode: a.postalCode, city: a.city, country: a.country, email: a.email, phone: a.phone,
  };
  return labels[path] ?? path;
}

/**
 * The addresses of a relation on its card: each written as on an envelope with its purposes, e-mail and
 * phone, and editable in place: purposes, street address or PO box, postcode (put in Dutch form), city,
 * country. Checks the contract's rules as the user types, shows where each save is (saving, queued offline,
 * saved, rejected with the backend's field errors, conflict), keeps drafts, and fills in street and city
 * from postcode and house number where the backend can look them up.
 *
 * @internal
 * @tagname relation-card-addresses
 * @fires relation-saved - An address was created, changed or deleted (stored for sending): `detail.id`, `detail.relation`.
 * @csspart address - One address.
 * @csspart field - A field of an address's form.
 * @csspart draft - The offer to restore an unsaved version.
 */
export class RelationCardAddresses extends LitElement {
  static override styles = [tokenStyles, controlStyles, fieldStyles, dialogContentStyles, addressesStyles];

  /** The relation whose addresses these are. */
  @property({ attribute: false }) relation: Relation | undefined;

  /** The store to read and write through; by default the one of the nearest `<relation-provider>`. */
  @property({ attribute: false }) store: RelationsStore | undefined;

  @state() private open = new Set<string>();
  @state() private pendingDelete: Address | undefined;
  @state() private announcement = '';

  @query('relation-dialog') private dialog!: RelationDialog;

  private readonly i18n = new LocaleController(this);
  private readonly forms = new Map<string, AddressForm>();
  /** Local ids of addresses created here and not yet accepted; then their backend ids, shown as saved. */
  private readonly created = new Set<string>();
  private readonly justSaved = new Set<string>();
  /** Forms closed with Escape while holding a draft: they stay closed until opened, the draft offered then. */
  private readonly shelved = new Set<string>();
  /** Local ids of addresses created here, by the id the backend gave each. */
  private readonly renamed = new Map<string, string>();
  /** After a delete: the address going, and the one whose first button takes focus once it is gone. */
  private focusAfterDelete: { gone: string; next: string | undefined } | undefined;

  private readonly list = new StoreQueryController(this, {
    entities: ['address'],
    args: () => [this.relation?.id ?? ''] as const,
    run: async (store, [relationId]) => {
      const addresses = relationId ? await store.addressesOf(relationId) : [];
      for (const local of [...this.created]) {
        if (addresses.some((address) => address.id === local)) continue;
        const id = await store.resolveId(local);
        if (id === local) continue;
        this.created.delete(local);
        this.justSaved.add(id);
        this.renamed.set(local, id);
      }
      // A form opened on an address under its local id stays open once the backend gave it its own id.
      const open = [...this.open].map((key) => this.renamed.get(key) ?? key);
      if (open.some((key, i) => key !== [...this.open][i])) this.open = new Set(open);
      for (const [local, id] of this.renamed) {
        if (this.shelved.delete(local)) this.shelved.add(id);
      }
      return addresses;
    },
    isEmpty: (addresses) => addresses.length === 0,
  });

  private get addresses(): Address[] {
    return this.list.state.value ?? [];
  }

  private formFor(key: string): AddressForm {
    let form = this.forms.get(key);
    if (!form) {
      form = new AddressForm(key, {
        host: this,
        entity: () => (key === newKey ? undefined : this.addresses.find((address) => address.id === key)),
        relationId: () => this.relation?.id,
        store: () => this.list.currentStore,
        locale: () => this.i18n.locale,
        announce: (street, city) => (this.announcement = this.i18n.section(addresses).autofilled(street, city)),
        saved: (id) => {
          if (key === newKey) this.created.add(id);
          else this.justSaved.add(id);
          void this.announceSaved();
        },
      });
      this.forms.set(key, form);
    }
    return form;
  }

  /**
   * Each address has its form before the controllers update, so a new form reads its address (and offers
   * its draft) before it first renders; forms of addresses no longer there (deleted, or a local id the
   * backend replaced) are let go.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('relation') && changed.get('relation')?.id !== this.relation?.id) {
      this.forms.get(newKey)?.dispose();
      this.forms.delete(newKey);
      this.open = new Set();
      this.shelved.clear();
    }
    const ids = new Set(this.addresses.map((address) => address.id));
    for (const id of ids) this.formFor(id);
    // The new address's form exists while closed, so a draft of one is offered when the card opens.
    if (this.relation) this.formFor(newKey);
    // A form with a draft to offer opens, unless the user closed it with Escape (then it is offered on opening).
    for (const [key, form] of this.forms) {
      if (form.form.offeredDraft && !this.open.has(key) && !this.shelved.has(key)) this.open = new Set(this.open).add(key);
    }
    for (const [key, form] of this.forms) {
      if (key !== newKey && !ids.has(key) && this.list.state.status !== 'loading') {
        form.dispose();
        this.forms.delete(key);
      }
    }
  }

  private toggle(key: string, on: boolean): void {
    const open = new Set(this.open);
    if (on) open.add(key);
    else open.delete(key);
    this.open = open;
    if (on) {
      this.justSaved.delete(key);
      this.shelved.delete(key);
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#form-${key} input`)?.focus());
    }
  }

  /** Cancel: what was typed, and a draft the form offered, are let go. */
  private async cancel(key: string): Promise<void> {
    const { form } = this.formFor(key);
    if (form.offeredDraft) await form.dismissDraft();
    await form.revert();
    this.closeForm(key);
  }

  /** Escape: the form closes and what was typed is kept as its draft, offered when it is opened again. */
  private async shelve(key: string): Promise<void> {
    const form = this.formFor(key);
    await form.shelve();
    if (form.form.offeredDraft) this.shelved.add(key);
    this.closeForm(key);
  }

  private closeForm(key: string): void {
    this.toggle(key, false);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(key === newKey ? '.add' : `#edit-${CSS.escape(key)}`)?.focus());
  }

  /** Tells the host the relation was edited: `relation-saved` with the relation as the cache has it. */
  private async announceSaved(): Promise<void> {
    const relation = this.relation;
    if (!relation) return;
    const cached = await this.list.currentStore?.getRelation(relation.id);
    emit(this, 'relation-saved', { id: relation.id, relation: cached ?? relation });
  }

  /** A new address was stored: its form starts empty next time; focus back on the button that opened it. */
  private closeNew(): void {
    this.forms.get(newKey)?.dispose();
    this.forms.delete(newKey);
    this.toggle(newKey, false);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.add')?.focus());
  }

  private closeAfterSave(id: string): void {
    this.toggle(id, false);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#edit-${id}`)?.focus());
  }

  private async deleteAddress(): Promise<void> {
    const address = this.pendingDelete;
    this.dialog.close();
    this.pendingDelete = undefined;
    const store = this.list.currentStore;
    if (!address || !store) return;
    const at = this.addresses.findIndex((candidate) => candidate.id === address.id);
    this.focusAfterDelete = { gone: address.id, next: (this.addresses[at + 1] ?? this.addresses[at - 1])?.id };
    await store.write('deleteAddress', { id: address.id });
    void this.announceSaved();
  }

  /** Once a deleted address's row is gone, focus goes to the next row (or the previous, or the add button). */
  protected override updated(): void {
    const after = this.focusAfterDelete;
    if (!after || this.addresses.some((address) => address.id === after.gone)) return;
    this.focusAfterDelete = undefined;
    const row = [...this.renderRoot.querySelectorAll<HTMLElement>('li.address')].find((li) => li.dataset['id'] === after.next);
    (row?.querySelector<HTMLElement>('button') ?? this.renderRoot.querySelector<HTMLElement>('.add'))?.focus();
  }

  protected override render() {
    const m = this.i18n.messages;
    const a = this.i18n.section(addresses);
    const status = this.list.state.status;
    return html`<section aria-labelledby="title">
        <h3 id="title">${a.title}</h3>
        ${status === 'loading' && this.relation ? html`<p>${m.common.loading}</p>` : nothing}
        ${status === 'error' ? html`<p role="alert">${m.common.error}</p>` : nothing}
        ${status === 'empty' ? html`<p>${a.none}</p>` : nothing}
        ${this.addresses.length > 0 ? html`<ul class="addresses">${this.addresses.map((address) => this.renderAddress(address))}</ul>` : nothing}
        ${this.open.has(newKey)
          ? html`<div id="form-${newKey}" class="new">
              ${this.formFor(newKey).render(a, m.common.cancel, a.newAddress, {
                close: () => void this.shelve(newKey), cancel: () => void this.cancel(newKey), saved: () => this.closeNew(),
              })}
            </div>`
          : html`<button class="add" ?disabled=${!this.relation} @click=${() => this.toggle(newKey, true)}>${a.add}</button>`}
        <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      </section>
      ${this.pendingDelete ? this.renderConfirm(this.pendingDelete) : nothing}`;
  }

  private renderAddress(address: Address) {
    const m = this.i18n.messages;
    const a = this.i18n.section(addresses);
    const locale = this.i18n.locale;
    const form = this.formFor(address.id);
    const name = streetLine(address, locale) || envelopeLines(address, locale).join(' ').trim();
    const held = form.form.state === 'rejected' || form.form.state === 'conflict';
    const editing = this.open.has(address.id) || held;
    return html`<li part="address" class="address" data-id=${address.id}>
      <div class="summary">
        <p class="purposes">${address.purposes.map((purpose) => html`<span class="purpose">${a.purpose[purpose]}</span>`)}</p>
        <address>
          ${envelopeLines(address, locale).map((line) => html`<span class="line">${line}</span>`)}
          ${address.email ? html`<span class="line">${address.email}</span>` : nothing}
          ${address.phone ? html`<span class="line">${address.phone}</span>` : nothing}
        </address>
        <div class="actions">
          <button id="edit-${address.id}" aria-expanded=${editing ? 'true' : 'false'} aria-controls="form-${address.id}"
            aria-label=${a.edit(name)} @click=${() => this.toggle(address.id, !editing)}>${a.editShort}</button>
          <button class="danger" aria-label=${a.delete(name)} @click=${() => (this.pendingDelete = address)}>${a.deleteShort}</button>
        </div>
      </div>
      ${this.renderState(address.id, form)}
      <div id="form-${address.id}">
        ${editing
          ? form.render(a, m.common.cancel, a.editing(name), {
              close: () => void this.shelve(address.id),
              cancel: () => void this.cancel(address.id),
              saved: () => this.closeAfterSave(address.id),
            })
          : nothing}
      </div>
    </li>`;
  }

  private renderState(id: string, form: AddressForm) {
    const a = this.i18n.section(addresses);
    const { state, entry } = form.form;
    const shown = state === 'idle' ? (this.justSaved.has(id) && !form.form.dirty ? 'saved' : undefined) : state;
    const store = this.list.currentStore;
    return html`<p class="state" role="status" data-state=${shown ?? 'idle'}>${shown ? a.state[shown] : ''}</p>
      ${state === 'conflict' && entry?.seq !== undefined
        ? html`<relation-conflict
            .entry=${entry}
            .fieldLabel=${(path: string) => fieldLabel(a, path)}
            .resolve=${(resolution: ConflictResolution) => store?.resolveConflict(entry.seq!, resolution)}
          ></relation-conflict>`
        : nothing}
      ${state === 'rejected' ? html`<div class="buttons"><button @click=${() => void form.form.discardRejected()}>${a.discardChange}</button></div>` : nothing}`;
  }

  private renderConfirm(address: Address) {
    const m = this.i18n.messages;
    const a = this.i18n.section(addresses);
    const name = streetLine(address, this.i18n.locale);
    const question = a.confirmDelete(name);
    return html`<relation-dialog open label=${question} @close=${() => (this.pendingDelete = undefined)}>
      <p>${question}</p>
      <div class="buttons">
        <button @click=${() => this.dialog.close()}>${m.common.cancel}</button>
        <button class="danger" @click=${() => void this.deleteAddress()}>${a.delete(name)}</button>
      </div>
    </relation-dialog>`;
  }
}
