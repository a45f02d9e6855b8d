import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VirtualRowsController } from './virtual-rows.js';

export interface FeedKeyboardOptions {
  /** How many articles the feed has, rendered or not. */
  count: () => number;
  /** The rendered article at `index`, if it is in the window. */
  article: (index: number) => HTMLElement | null | undefined;
  /** The feed's windowing, to bring an article into the DOM and into view. */
  rows: VirtualRowsController;
}

/**
 * The keyboard of a virtualized WAI-ARIA feed: one article is in the Tab order (`tabindex` from
 * `tabindex(index)`); Page Down and Page Up move focus to the next and previous article from anywhere inside
 * one, as the feed pattern has it; on an article itself the arrows, Home and End move too. An article outside
 * the rendered window is scrolled in and rendered before it gets focus. The host binds `onKeydown` on the feed.
 */
export class FeedKeyboardController implements ReactiveController {
  /** The article in the Tab order, and the one focus returns to. */
  active = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: FeedKeyboardOptions,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    this.active = Math.max(0, Math.min(this.active, this.options.count() - 1));
  }

  /** The `tabindex` of the article at `index`. */
  tabindex(index: number): 0 | -1 {
    return index === this.active ? 0 : -1;
  }

  /** Back to the first article, e.g. when the filters change. */
  reset(): void {
    this.active = 0;
  }

  readonly onFocusin = (event: FocusEvent): void => {
    // Focus that reaches an article by a click or by Tab makes it the one Tab comes back to.
    const index = Number((event.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset.index);
    if (Number.isInteger(index) && index !== this.active) {
      this.active = index;
      this.host.requestUpdate();
    }
  };

  readonly onKeydown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!row) return;
    const from = Number(row.dataset.index);
    const onArticle = target === row;
    const last = this.options.count() - 1;
    const moves: Record<string, number | undefined> = {
      PageDown: from + 1,
      PageUp: from - 1,
      ArrowDown: onArticle ? from + 1 : undefined,
      ArrowUp: onArticle ? from - 1 : undefined,
      Home: onArticle ? 0 : undefined,
      End: onArticle ? last : undefined,
    };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    void this.focusArticle(Math.max(0, Math.min(to, last)));
  };

  /** Brings article `index` into the window and into view, and focuses it. */
  async focusArticle(index: number): Promise<void> {
    this.active = index;
    this.options.rows.reveal(index);
    await this.host.updateComplete;
    this.options.article(index)?.focus({ preventScroll: true });
  }
}
