import { html, nothing, type TemplateResult } from 'lit';
import type { Relation } from '../../contract/index.js';
import type { PickerMessages } from '../../i18n/sections/picker.js';

/* The keyboard chooses an option through the combobox (aria-activedescendant); a click is the mouse's way. */
/* eslint-disable lit-a11y/click-events-have-key-events */

/** One match in the picker's list: name, number (and debtor number), city; every part as text. */
export function renderOption(
  relation: Relation,
  index: number,
  active: boolean,
  withDebtor: boolean,
  m: PickerMessages,
  choose: () => void,
): TemplateResult {
  return html`<li part="option" role="option" id=${`option-${index}`} aria-selected=${active ? 'true' : 'false'} @click=${choose}>
    <span class="name">${relation.displayName}</span>
    <span class="meta">
      <span>${m.number(relation.number)}</span>
      ${withDebtor && relation.debtor ? html`<span>${m.debtorNumber(relation.debtor.number)}</span>` : nothing}
      ${relation.city ? html`<span>${relation.city}</span>` : nothing}
    </span>
  </li>`;
}
