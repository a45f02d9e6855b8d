import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Address, AddressCreate, AddressPatch } from '../../../contract/index.js';
import type { Locale } from '../../../i18n/messages.js';
import type { AddressesMessages } from '../../../i18n/sections/addresses.js';
import type { RelationsStore } from '../../../store/index.js';
import { EditFormController, type FieldValue } from '../../controllers/edit-form.js';
import { choicesField, draftOffer, selectField, textField } from '../fields/fields.js';
import { addressBody, addressPurposes, canLookUp, checkAddress, countriesIn, postcodeFor, readAddress } from './address-values.js';

export interface AddressFormContext {
  host: ReactiveControllerHost & HTMLElement;
  /** The address as the cache has it now; undefined for a new one. */
  entity: () => Address | undefined;
  relationId: () => string | undefined;
  store: () => RelationsStore | undefined;
  locale: () => Locale;
  /** Tells screen readers something happened that they did not cause (an autofill). */
  announce: (street: string, city: string) => void;
  /** A write was stored for sending; `id` is the address's (a local id for a new one). */
  saved: (id: string) => void;
}

/** The key of the form for a new address. */
export const newKey = 'new';

const autofillable = ['street', 'city'] as const;
const lookupDelay = 250;

/**
 * One address's form: its `EditFormController`, the street/PO box choice, the postcode put in Dutch form
 * when the field is left, and street and city filled in from postcode and house number when the user left
 * them empty. What the user typed into street or city is never overwritten.
 */
export class AddressForm {
  readonly form: EditFormController<Address>;
  /** The values an autofill put in, by field, while they stand as filled in. */
  private readonly autofilled = new Map<string, string>();
  private lookupTimer: ReturnType<typeof setTimeout> | undefined;
  private lastLookup = '';

  /**
   * Where this form keeps what was typed, fixed when the form is made: a form for a new address keeps the
   * relation's new-address draft, one for an existing address that address's. A form whose address is gone
   * (deleted, or its local id replaced) must never touch the new-address draft.
   */
  readonly draftKey: string;

  constructor(
    readonly key: string,
    private readonly context: AddressFormContext,
  ) {
    // A new address belongs to the relation shown when its form was made (the form is let go when it changes).
    const relationId = key === newKey ? (context.relationId() ?? '') : undefined;
    const draftKey = (this.draftKey = relationId === undefined ? `address:${key}` : `address:new:${relationId}`);
    this.form = new EditFormController<Address>(context.host, {
      entity: context.entity,
      read: readAddress,
      body: addressBody,
      check: (body) => checkAddress(body, context.entity()),
      // The body passed `check` (the contract's schemas) before a save submits it.
      submit: (store, body, entity) =>
        entity
          ? store.write('updateAddress', { id: entity.id, body: body as AddressPatch }, { baseVersion: entity.version })
          : store.write('createAddress', { id: relationId ?? context.relationId() ?? '', body: body as AddressCreate }),
      draftKey: () => draftKey,
      store: context.store,
      locale: context.locale,
      saved: context.saved,
    });
  }

  /** The form as the field templates see it: typing stops an autofill of that field; leaving the postcode tidies it. */
  private readonly fields = {
    values: {} as Record<string, FieldValue>,
    set: (path: string, value: FieldValue) => {
      this.autofilled.delete(path);
      this.form.set(path, value);
      if (['postalCode', 'houseNumber', 'country', 'kind'].includes(path)) this.scheduleLookup();
    },
    touch: (path: string) => {
      if (path === 'postalCode') {
        const value = String(this.form.values['postalCode'] ?? '');
        const tidy = postcodeFor(value, String(this.form.values['country'] ?? 'NL'));
        if (tidy !== value) this.form.set('postalCode', tidy);
      }
      this.form.touch(path);
    },
    errorFor: (path: string) => this.form.errorFor(path),
  };

  /**
   * Lets the form go: Lit's `removeController` does not disconnect a controller, so the form is disconnected
   * first (its draft written, its `pagehide` and store listeners removed).
   */
  dispose(): void {
    clearTimeout(this.lookupTimer);
    this.form.hostDisconnected();
    this.context.host.removeController(this.form);
  }

  /**
   * Closes the form without losing anything: what was typed is kept as this form's draft and offered again
   * when the form is opened (a draft offered and not answered stays offered). The form shows the address
   * as it is.
   */
  async shelve(): Promise<void> {
    clearTimeout(this.lookupTimer);
    this.autofilled.clear();
    await this.form.shelve();
    this.context.host.requestUpdate();
  }

  private scheduleLookup(): void {
    clearTimeout(this.lookupTimer);
    this.lookupTimer = setTimeout(() => void this.lookUp(), lookupDelay);
  }

  /** A field the lookup may fill: empty, or holding what an earlier lookup put there. */
  private fillable(field: string): boolean {
    const value = String(this.form.values[field] ?? '');
    return value.trim() === '' || this.autofilled.get(field) === value;
  }

  private async lookUp(): Promise<void> {
    const values = this.form.values;
    const store = this.context.store();
    if (!store || !canLookUp(values) || !autofillable.some((field) => this.fillable(field))) return;
    const postalCode = postcodeFor(String(values['postalCode']), 'NL');
    const houseNumber = String(values['houseNumber']).trim();
    const asked = `${postalCode}|${houseNumber}`;
    this.lastLookup = asked;
    const found = await store.lookupAddress(postalCode, houseNumber).catch(() => null);
    if (!found || this.lastLookup !== asked) return;
    const now = this.form.values;
    if (`${postcodeFor(String(now['postalCode']), 'NL')}|${String(now['houseNumber']).trim()}` !== asked) return;
    const filled: string[] = [];
    for (const field of autofillable) {
      if (!this.fillable(field) || !found[field]) continue;
      this.form.set(field, found[field]);
      this.autofilled.set(field, found[field]);
      filled.push(field);
    }
    if (filled.length > 0) this.context.announce(found.street, found.city);
  }

  /** Saves; on a refusal focus goes to the first field with an error. */
  async save(form: HTMLFormElement, saved: () => void): Promise<boolean> {
    const ok = await this.form.save();
    if (ok) saved();
    else {
      await this.context.host.updateComplete;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
    return ok;
  }

  /** `close` (Escape) keeps what was typed as a draft; `cancel` (the Cancel button) lets it go. */
  render(a: AddressesMessages, cancel: string, name: string, actions: { close: () => void; cancel: () => void; saved: () => void }): TemplateResult {
    const values = this.form.values;
    const idPrefix = `a-${this.key}`;
    const poBox = values['kind'] === 'poBox';
    const f = this.fields;
    f.values = values;
    return html`<form
      class="address-form"
      aria-label=${name}
      novalidate
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        actions.close();
      }}
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        void this.save(event.target as HTMLFormElement, actions.saved);
      }}
    >
      ${draftOffer(this.form, { offered: a.draft, restore: a.restoreDraft, dismiss: a.dismissDraft })}
      ${choicesField(f, { path: 'purposes', label: a.purposes, idPrefix }, addressPurposes.map((p) => [p, a.purpose[p]] as const))}
      <fieldset class="field choices" part="field">
        <legend>${a.kind}</legend>
        ${(['street', 'poBox'] as const).map(
          (kind) => html`<label
            ><input
              type="radio"
              name=${`${idPrefix}-kind`}
              .checked=${(values['kind'] ?? 'street') === kind}
              @change=${() => f.set('kind', kind)}
            />${kind === 'street' ? a.streetAddress : a.poBoxAddress}</label
          >`,
        )}
      </fieldset>
      <div class="fields">
        ${poBox
          ? textField(f, { path: 'poBox', label: a.poBox, idPrefix, inputmode: 'numeric', required: true })
          : html`${textField(f, { path: 'street', label: a.street, idPrefix, autocomplete: 'address-line1', required: true })}
            ${textField(f, { path: 'houseNumber', label: a.houseNumber, idPrefix, inputmode: 'numeric', required: true })}
            ${textField(f, { path: 'houseNumberAddition', label: a.houseNumberAddition, idPrefix })}`}
        ${textField(f, { path: 'postalCode', label: a.postalCode, idPrefix, autocomplete: 'postal-code', hint: values['country'] === 'NL' ? a.postalCodeHint : undefined })}
        ${textField(f, { path: 'city', label: a.city, idPrefix, autocomplete: 'address-level2' })}
        ${selectField(f, { path: 'country', label: a.country, idPrefix }, countriesIn(this.context.locale()))}
        ${textField(f, { path: 'email', label: a.email, idPrefix, type: 'email', autocomplete: 'email' })}
        ${textField(f, { path: 'phone', label: a.phone, idPrefix, type: 'tel', autocomplete: 'tel' })}
      </div>
      <div class="buttons">
        <button type="button" @click=${actions.cancel}>${cancel}</button>
        <button type="submit" class="primary">${a.save}</button>
      </div>
    </form>`;
  }
}
