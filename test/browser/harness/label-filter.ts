import type { LabelFilter } from '../../../src/index.js';
import { accessibleName, allByRole, getByRole, queryByRole, type Name } from './roles.js';

/** A `<label-filter>` as a user finds its parts: by role and name. */
export function labelFilterHarness(el: LabelFilter) {
  const group = () => getByRole(el, 'group', 'Labels');
  return {
    el,
    /** The label checkboxes, each named by its label's name and count. */
    labelBoxes: () => allByRole<HTMLInputElement>(group(), 'checkbox'),
    labelBox: (name: string) => allByRole<HTMLInputElement>(group(), 'checkbox').find((box) => accessibleName(box).startsWith(`${name} `)),
    radio: (name: Name) => getByRole<HTMLInputElement>(el, 'radio', name),
    button: (name: Name) => getByRole<HTMLButtonElement>(el, 'button', name),
    queryButton: (name: Name) => queryByRole<HTMLButtonElement>(el, 'button', name),
    textbox: (name: Name) => getByRole<HTMLInputElement>(el, 'textbox', name),
    dialog: (name?: Name) => getByRole<HTMLDialogElement>(el, 'dialog', name),
    queryDialog: (name?: Name) => queryByRole<HTMLDialogElement>(el, 'dialog', name),
    statuses: () => allByRole(el, 'status').map(accessibleName).filter(Boolean),
  };
}

export type LabelFilterHarness = ReturnType<typeof labelFilterHarness>;
