import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { issueMessage, RelationCreate, type Locale, type RelationKind } from '../../../contract/index.js';
import type { PeopleMessages } from '../../../i18n/sections/people.js';

/** The create-in-place form while it is open: the name typed, and whether its error may show. */
export interface CreateState {
  name: string;
  touched: boolean;
}

export interface CreateOptions {
  kind: RelationKind;
  /** Undefined while the form is closed. */
  state: CreateState | undefined;
  messages: PeopleMessages;
  /** The word on the button that closes the form unsaved. */
  cancel: string;
  locale: Locale;
  change: (state: CreateState | undefined) => void;
  /** Called with a body that the contract's `RelationCreate` accepts. */
  submit: (body: Record<string, unknown>) => void;
}

/** The smallest relation of `kind`: a person by last name, an organization by name. */
export function newRelationBody(kind: RelationKind, name: string): Record<string, unknown> {
  return kind === 'person' ? { kind, person: { lastName: name.trim() } } : { kind, organization: { name: name.trim() } };
}

/** What the contract says about that name, in the user's language; undefined when it is fine. */
export function nameProblem(kind: RelationKind, name: string, locale: Locale): string | undefined {
  const result = RelationCreate.safeParse(newRelationBody(kind, name));
  const issue = result.error?.issues[0];
  return issue ? issueMessage(issue, locale) : undefined;
}

/**
 * A button that opens a one-field form to create a relation of `kind` in place (a person needs only a last
 * name, an organization only its name); the card of the new relation holds the rest.
 */
export function renderCreate(options: CreateOptions): TemplateResult {
  const { kind, state, messages: p, locale } = options;
  if (!state) {
    return html`<button class="create-toggle" aria-expanded="false" @click=${() => options.change({ name: '', touched: false })}>${p.create(kind)}</button>`;
  }
  const problem = nameProblem(kind, state.name, locale);
  const error = state.touched ? problem : undefined;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (problem) options.change({ ...state, touched: true });
    else options.submit(newRelationBody(kind, state.name));
  };
  return html`<form class="create" novalidate @submit=${submit}>
    <fieldset>
      <legend>${p.create(kind)}</legend>
      <div class="field" part="field" ?data-invalid=${!!error}>
        <label for="new-name">${p.newName(kind)}<span aria-hidden="true"> *</span></label>
        <input id="new-name" type="text" required autocomplete="off" .value=${live(state.name)}
          aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'new-name-error' : nothing}
          @input=${(e: Event) => options.change({ ...state, name: (e.target as HTMLInputElement).value })}
          @blur=${() => options.change({ ...state, touched: true })} />
        ${error ? html`<span class="error" id="new-name-error">${error}</span>` : nothing}
      </div>
      <div class="buttons">
        <button type="button" @click=${() => options.change(undefined)}>${options.cancel}</button>
        <button type="submit" class="primary">${p.createAndLink}</button>
      </div>
    </fieldset>
  </form>`;
}
