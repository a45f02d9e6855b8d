import type { ReactiveControllerHost } from 'lit';

export interface SelectionOptions {
  /** The id of the item at a position in the current order, if there is one. */
  idAt: (index: number) => string | undefined;
  /** Every id the current filters match, for "select all matching". */
  allIds: () => string[];
  /** Called after every change, e.g. to fire the host's selection event. */
  onChange?: (ids: string[], allMatching: boolean) => void;
}

/**
 * Multiple selection over a list in some order, as a desktop list behaves: toggle one, extend a range from
 * an anchor (Shift), select everything the filters match, clear. Items are kept by id, so the selection
 * survives scrolling, sorting and windowed rendering.
 */
export class SelectionController {
  /** Where a Shift range starts: the last item toggled or moved to without Shift. */
  anchor = 0;
  private selected = new Set<string>();
  private everything = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SelectionOptions,
  ) {}

  get ids(): string[] {
    return [...this.selected];
  }

  get size(): number {
    return this.selected.size;
  }

  /** Whether the selection is "everything the filters match", chosen as such. */
  get allMatching(): boolean {
    return this.everything && this.selected.size > 0;
  }

  has(id: string): boolean {
    return this.selected.has(id);
  }

  toggle(index: number): void {
    const id = this.options.idAt(index);
    if (id === undefined) return;
    const next = new Set(this.selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    this.anchor = index;
    this.set(next, false);
  }

  /** Adds every item from the anchor to `index`, both included. */
  extendTo(index: number): void {
    const next = new Set(this.selected);
    for (let i = Math.min(this.anchor, index); i <= Math.max(this.anchor, index); i++) {
      const id = this.options.idAt(i);
      if (id !== undefined) next.add(id);
    }
    this.set(next, false);
  }

  selectAllMatching(): void {
    this.set(new Set(this.options.allIds()), true);
  }

  clear(): void {
    this.set(new Set(), false);
  }

  /** The filters changed: "all matching" meant the old matches, so it no longer holds. */
  reset(): void {
    this.anchor = 0;
    if (this.everything) this.clear();
  }

  private set(ids: Set<string>, allMatching: boolean): void {
    this.selected = ids;
    this.everything = allMatching;
    this.host.requestUpdate();
    this.options.onChange?.([...ids], allMatching);
  }
}
