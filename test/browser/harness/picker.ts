import type { RelationPicker } from '../../../src/elements/relation-picker/relation-picker.js';
import { accessibleName, allByRole, getByRole, queryByRole } from './roles.js';

const text = (el: Element | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A `<relation-picker>` as a user finds its parts: a combobox and the listbox it controls. */
export function pickerHarness(el: RelationPicker) {
  const combobox = () => getByRole<HTMLInputElement>(el, 'combobox');
  /** The listbox the combobox names in aria-controls, looked up as assistive technology does. */
  const listbox = () => {
    const id = combobox().getAttribute('aria-controls');
    return id ? (el.shadowRoot!.getElementById(id) ?? undefined) : undefined;
  };
  const options = () => {
    const list = listbox();
    return list && !list.hidden ? allByRole(list, 'option') : [];
  };
  return {
    el,
    combobox,
    name: () => accessibleName(combobox()),
    listbox,
    options,
    optionTexts: () => options().map(text),
    /** The option aria-activedescendant points at, if any. */
    activeOption: () => {
      const id = combobox().getAttribute('aria-activedescendant');
      return id ? (el.shadowRoot!.getElementById(id) ?? undefined) : undefined;
    },
    expanded: () => combobox().getAttribute('aria-expanded') === 'true',
    status: () => text(queryByRole(el, 'status')),
    /** What is shown beside the field for the chosen relation (its number). */
    description: () => {
      const ids = combobox().getAttribute('aria-describedby');
      return ids ? ids.split(/\s+/).map((id) => text(el.shadowRoot!.getElementById(id) ?? undefined)).join(' ') : '';
    },
  };
}

export type PickerHarness = ReturnType<typeof pickerHarness>;
