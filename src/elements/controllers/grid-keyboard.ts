import type { ReactiveControllerHost } from 'lit';
import type { SelectionController } from './selection.js';
import type { VirtualRowsController } from './virtual-rows.js';

export interface GridKeyboardOptions {
  rows: VirtualRowsController;
  selection: SelectionController;
  total: () => number;
  /** Enter on the active row. */
  open: (index: number) => void;
}

/**
 * The keyboard of a row grid that keeps focus on itself and points at the active row with
 * `aria-activedescendant`: arrows, Home/End and Page Up/Down move (Shift extends the selection), Space
 * toggles, Enter opens, Ctrl/Cmd+A selects everything matching, Escape clears the selection.
 */
export class GridKeyboardController {
  /** The row the keyboard acts on. */
  active = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: GridKeyboardOptions,
  ) {}

  /** Makes a row the active one, e.g. on a click; Shift or Ctrl/Cmd as a desktop list reads them. */
  point(index: number, modifiers: { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean }): void {
    const { selection } = this.options;
    if (modifiers.shiftKey) selection.extendTo(index);
    else if (modifiers.ctrlKey || modifiers.metaKey) selection.toggle(index);
    else selection.anchor = index;
    this.active = index;
    this.host.requestUpdate();
  }

  /** Back to the first row, e.g. when the filters change. */
  reset(): void {
    this.active = 0;
  }

  readonly onKeydown = (event: KeyboardEvent): void => {
    const { rows, selection } = this.options;
    const total = this.options.total();
    if (total === 0) return;
    const page = Math.max(1, rows.rowsPerScreen - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.active + 1, ArrowUp: this.active - 1, PageDown: this.active + page, PageUp: this.active - page,
      Home: 0, End: total - 1,
    };
    const move = moves[event.key];
    if (move !== undefined) {
      const next = Math.max(0, Math.min(total - 1, move));
      if (event.shiftKey) selection.extendTo(next);
      else selection.anchor = next;
      this.active = next;
      rows.reveal(next);
    } else if (event.key === ' ') {
      selection.toggle(this.active);
    } else if (event.key === 'Enter') {
      this.options.open(this.active);
    } else if (event.key === 'a' && (event.ctrlKey || event.metaKey)) {
      selection.selectAllMatching();
    } else if (event.key === 'Escape' && selection.size) {
      selection.clear();
    } else {
      return;
    }
    event.preventDefault();
    this.host.requestUpdate();
  };
}
