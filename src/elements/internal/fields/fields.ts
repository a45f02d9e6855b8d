import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EditFormController, FieldValue } from '../../controllers/edit-form.js';

/** The form a field belongs to: the card's sections each hold one `EditFormController` per entity. */
type Form = Pick<EditFormController<never>, 'values' | 'set' | 'touch' | 'errorFor'>;

export interface FieldOptions {
  /** The dotted path of the value in the form (`organization.kvkNumber`). */
  path: string;
  label: string;
  /** Makes ids unique when one shadow root holds several forms (each address). */
  idPrefix?: string;
  type?: 'text' | 'email' | 'tel' | 'url' | 'number';
  inputmode?: 'text' | 'numeric' | 'email' | 'tel' | 'url' | 'decimal';
  autocomplete?: string;
  required?: boolean;
  /** A short example or rule shown under the field and read with it. */
  hint?: string;
  min?: number;
  max?: number;
  step?: string;
  placeholder?: string;
}

const idOf = (options: { path: string; idPrefix?: string | undefined }) => `${options.idPrefix ?? 'f'}-${options.path.replaceAll('.', '-')}`;

function describedBy(id: string, error: string | undefined, hint: string | undefined): string | typeof nothing {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

/**
 * A labelled text field bound to a form: what is typed goes to `form.set`, leaving it marks it touched,
 * and its error (in the user's language) is shown under it and read with it by screen readers.
 */
export function textField(form: Form, options: FieldOptions): TemplateResult {
  const id = idOf(options);
  const error = form.errorFor(options.path);
  const value = form.values[options.path];
  return html`<div class="field" part="field" ?data-invalid=${!!error}>
    <label for=${id}>${options.label}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    <input
      id=${id}
      name=${options.path}
      type=${options.type ?? 'text'}
      inputmode=${options.inputmode ?? nothing}
      autocomplete=${options.autocomplete ?? 'off'}
      placeholder=${options.placeholder ?? nothing}
      min=${options.min ?? nothing}
      max=${options.max ?? nothing}
      step=${options.step ?? nothing}
      ?required=${options.required ?? false}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, error, options.hint)}
      .value=${live(typeof value === 'string' ? value : '')}
      @input=${(event: Event) => form.set(options.path, (event.target as HTMLInputElement).value)}
      @blur=${() => form.touch(options.path)}
    />
    ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}

/** A labelled checkbox bound to a form. */
export function checkboxField(form: Form, options: Pick<FieldOptions, 'path' | 'label' | 'idPrefix'>): TemplateResult {
  const id = idOf(options);
  return html`<div class="field checkbox" part="field">
    <input
      id=${id}
      type="checkbox"
      name=${options.path}
      .checked=${live(form.values[options.path] === true)}
      @change=${(event: Event) => form.set(options.path, (event.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${options.label}</label>
  </div>`;
}

/** A labelled select bound to a form; `choices` as value and label. */
export function selectField(
  form: Form,
  options: Pick<FieldOptions, 'path' | 'label' | 'idPrefix' | 'required'>,
  choices: readonly (readonly [value: string, label: string])[],
): TemplateResult {
  const id = idOf(options);
  const error = form.errorFor(options.path);
  const value = form.values[options.path];
  return html`<div class="field" part="field" ?data-invalid=${!!error}>
    <label for=${id}>${options.label}</label>
    <select
      id=${id}
      name=${options.path}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, error, undefined)}
      @change=${(event: Event) => form.set(options.path, (event.target as HTMLSelectElement).value)}
      @blur=${() => form.touch(options.path)}
    >
      ${choices.map(([choice, label]) => html`<option value=${choice} ?selected=${choice === value}>${label}</option>`)}
    </select>
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}

/** A group of checkboxes for a set of values (an address's purposes), with the group's error. */
export function choicesField(
  form: Form,
  options: Pick<FieldOptions, 'path' | 'label' | 'idPrefix'>,
  choices: readonly (readonly [value: string, label: string])[],
): TemplateResult {
  const id = idOf(options);
  const error = form.errorFor(options.path);
  const chosen = (form.values[options.path] ?? []) as readonly string[];
  const toggle = (value: string, on: boolean): FieldValue =>
    on ? [...chosen.filter((other) => other !== value), value] : chosen.filter((other) => other !== value);
  return html`<fieldset class="field choices" part="field" aria-describedby=${describedBy(id, error, undefined)}>
    <legend>${options.label}</legend>
    ${choices.map(
      ([value, label]) => html`<label
        ><input
          type="checkbox"
          .checked=${live(chosen.includes(value))}
          @change=${(event: Event) => {
            form.set(options.path, toggle(value, (event.target as HTMLInputElement).checked));
            form.touch(options.path);
          }}
        />${label}</label
      >`,
    )}
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
  </fieldset>`;
}

/**
 * The offer of a draft a form kept from an earlier visit: what it is, and restore or discard it. Restoring
 * goes through `restore` when the host must do more first (switch the form to the draft's kind).
 */
export function draftOffer(
  form: Pick<EditFormController<never>, 'offeredDraft' | 'restoreDraft' | 'dismissDraft'>,
  words: { offered: string; restore: string; dismiss: string },
  restore: () => void = () => form.restoreDraft(),
): TemplateResult | typeof nothing {
  if (!form.offeredDraft) return nothing;
  return html`<div class="draft" part="draft">
    <p>${words.offered}</p>
    <button type="button" class="primary" @click=${restore}>${words.restore}</button>
    <button type="button" @click=${() => void form.dismissDraft()}>${words.dismiss}</button>
  </div>`;
}

/** Empty text as null, as the contract wants for an optional field left blank. */
export function textOrNull(value: FieldValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
