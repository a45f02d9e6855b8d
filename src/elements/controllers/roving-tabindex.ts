import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface RovingTabindexOptions {
  /** The items, in order: tabs of a tab list, controls of a toolbar. */
  items: () => HTMLElement[];
  /** Which arrows move: Left/Right (tab lists, toolbars) or Up/Down. */
  orientation?: 'horizontal' | 'vertical';
  /** The item that is tabbable when focus comes back, e.g. the selected tab; else the last one focused. */
  current?: () => number;
  /**
   * Called when the arrows, Home or End move to an item: a tab list activates the tab that gets focus
   * (automatic activation); a toolbar leaves this out.
   */
  activate?: (index: number) => void;
}

/**
 * A group that is one stop in the Tab order, with the arrows, Home and End moving focus within it (the
 * WAI-ARIA roving tabindex): only one item has `tabindex="0"`, the others `-1`, and focus follows the
 * arrows, wrapping at either end. The host binds `onKeydown` on the group's container.
 */
export class RovingTabindexController implements ReactiveController {
  private last = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RovingTabindexOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.applyTabindex();
  }

  readonly onKeydown = async (event: KeyboardEvent): Promise<void> => {
    const items = this.options.items();
    const from = items.indexOf(event.target as HTMLElement);
    if (from < 0 || items.length === 0) return;
    const [back, forward] = this.options.orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
    const targets: Record<string, number> = {
      [back]: (from - 1 + items.length) % items.length,
      [forward]: (from + 1) % items.length,
      Home: 0,
      End: items.length - 1,
    };
    const to = targets[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.last = to;
    this.options.activate?.(to);
    // Activation may re-render the group: focus the item as it is after that render.
    await this.host.updateComplete;
    this.applyTabindex();
    this.options.items()[to]?.focus();
  };

  private applyTabindex(): void {
    const items = this.options.items();
    const current = this.options.current?.() ?? this.last;
    items.forEach((item, i) => (item.tabIndex = i === current ? 0 : -1));
  }
}
