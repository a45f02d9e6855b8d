import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { EditFormController } from '../../controllers/edit-form.js';

type Form = Pick<EditFormController<never>, 'values' | 'set' | 'touch' | 'errorFor'>;

/**
 * The fields the shared templates (fields/fields.ts) have no input for: a multi-line text, a date and a
 * date with time. Labelled, bound to the form, with the contract's message read with the field.
 */
export function momentField(
  form: Form,
  options: { path: string; label: string; type: 'textarea' | 'date' | 'datetime-local'; hint?: string; required?: boolean },
): TemplateResult {
  const id = `moment-${options.path.replaceAll('.', '-')}`;
  const error = form.errorFor(options.path);
  const value = form.values[options.path];
  const described = [error ? `${id}-error` : '', options.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || nothing;
  const onInput = (event: Event) => form.set(options.path, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  const common = { id, invalid: error ? 'true' : 'false' };
  return html`<div class="field ${options.type}" part="field" ?data-invalid=${!!error}>
    <label for=${id}>${options.label}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
    ${options.type === 'textarea'
      ? html`<textarea id=${common.id} name=${options.path} rows="6" aria-invalid=${common.invalid} aria-describedby=${described}
          .value=${live(typeof value === 'string' ? value : '')} @input=${onInput} @blur=${() => form.touch(options.path)}></textarea>`
      : html`<input id=${common.id} name=${options.path} type=${options.type} ?required=${options.required ?? false}
          aria-invalid=${common.invalid} aria-describedby=${described}
          .value=${live(typeof value === 'string' ? value : '')} @input=${onInput} @change=${onInput} @blur=${() => form.touch(options.path)} />`}
    ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
    ${error ? html`<span class="error" id="${id}-error">${error}</span>` : nothing}
  </div>`;
}
