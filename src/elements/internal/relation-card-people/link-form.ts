import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { AffiliationPatch, type Affiliation } from '../../../contract/index.js';
import type { Locale } from '../../../i18n/messages.js';
import type { PeopleMessages } from '../../../i18n/sections/people.js';
import type { RelationsStore } from '../../../store/index.js';
import { EditFormController, type FieldValues } from '../../controllers/edit-form.js';
import { checkboxField, draftOffer, textField, textOrNull } from '../fields/fields.js';

export interface LinkFormContext {
  host: ReactiveControllerHost & HTMLElement;
  /** The link as the cache has it now. */
  entity: () => Affiliation | undefined;
  store: () => RelationsStore | undefined;
  locale: () => Locale;
  saved: (id: string) => void;
}

/** The link's values as the form shows them. */
export function readLink(link: Affiliation | undefined): FieldValues {
  return { function: link?.function ?? '', email: link?.email ?? '', phone: link?.phone ?? '', isPrimary: link?.isPrimary ?? false };
}

/** The merge patch of the changed fields: blank text as null, as the contract wants. */
export function linkPatch(values: FieldValues, changed: readonly string[]): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const path of changed) body[path] = path === 'isPrimary' ? values[path] === true : textOrNull(values[path]);
  return body;
}

/**
 * The form of one link between a person and an organization: function, e-mail, phone and whether it is the
 * primary one, checked with the contract's `AffiliationPatch` as the user types and saved through the outbox.
 */
export class LinkForm {
  readonly form: EditFormController<Affiliation>;

  constructor(
    readonly id: string,
    private readonly context: LinkFormContext,
  ) {
    this.form = new EditFormController<Affiliation>(context.host, {
      entity: context.entity,
      read: readLink,
      body: linkPatch,
      check: (body) => AffiliationPatch.safeParse(body),
      // The body passed `check` (the contract's schema) before a save submits it.
      submit: (store, body, entity) => store.write('updateAffiliation', { id: entity?.id ?? id, body: body as AffiliationPatch }, { baseVersion: entity?.version }),
      draftKey: () => `affiliation:${id}`,
      store: context.store,
      locale: context.locale,
      saved: context.saved,
    });
  }

  /**
   * Lets the form go: Lit's `removeController` does not disconnect a controller, so the form is disconnected
   * first (its draft written, its `pagehide` and store listeners removed).
   */
  dispose(): void {
    this.form.hostDisconnected();
    this.context.host.removeController(this.form);
  }

  /** `close` (Escape) keeps what was typed as a draft, offered when the form opens again; `cancel` lets it go. */
  render(p: PeopleMessages, cancel: string, legend: string, done: { close: () => void; cancel: () => void; saved: () => void }): TemplateResult {
    const form = this.form;
    const prefix = `l${this.id}`;
    const submit = async (event: SubmitEvent) => {
      event.preventDefault();
      const element = event.currentTarget as HTMLFormElement;
      if (await form.save()) done.saved();
      else element.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    };
    const escape = async (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      await form.shelve();
      done.close();
    };
    return html`<form class="link-form" novalidate @submit=${submit} @keydown=${escape}>
      <fieldset>
        <legend>${legend}</legend>
        ${draftOffer(form, { offered: p.draft, restore: p.restoreDraft, dismiss: p.dismissDraft })}
        <div class="fields">
          ${textField(form, { path: 'function', label: p.function, idPrefix: prefix, autocomplete: 'organization-title' })}
          ${textField(form, { path: 'email', label: p.email, idPrefix: prefix, type: 'email', inputmode: 'email', autocomplete: 'email' })}
          ${textField(form, { path: 'phone', label: p.phone, idPrefix: prefix, type: 'tel', inputmode: 'tel', autocomplete: 'tel' })}
          ${checkboxField(form, { path: 'isPrimary', label: p.isPrimary, idPrefix: prefix })}
        </div>
        <div class="buttons">
          <button type="button" @click=${done.cancel}>${cancel}</button>
          <button type="submit" class="primary">${p.save}</button>
        </div>
      </fieldset>
    </form>`;
  }
}
