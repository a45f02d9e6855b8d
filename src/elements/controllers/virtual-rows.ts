import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualRowsOptions {
  /** The scrolling element that holds the rows. */
  body: () => HTMLElement | null | undefined;
  /** A rendered row of the usual height (e.g. the header row), to measure a row by. */
  sample: () => HTMLElement | null | undefined;
  /** Rows rendered above and below the visible ones, so fast scrolling shows no gaps. */
  overscan?: number;
}

/**
 * Windowing for long lists of rows of one height: which rows to render for the scroll position, where each
 * goes, and scrolling a row into view. Only a screenful (plus overscan) is in the DOM, whatever the total.
 * The host renders `window(total)` inside a spacer of `height(total)` and calls `onScroll` from the body.
 */
export class VirtualRowsController implements ReactiveController {
  /** The scroll position the rows are rendered for. */
  offset = 0;
  viewport = 600;
  rowHeight = 36;

  private readonly overscan: number;
  private frame = 0;
  private observer: ResizeObserver | undefined;
  private observed: HTMLElement | undefined;
  private sampled: HTMLElement | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: VirtualRowsOptions,
  ) {
    this.overscan = options.overscan ?? 6;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver(() => this.measure());
    // Moved in the page (frameworks do that): the rendered body is there already and needs watching again.
    this.observe();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observed = undefined;
    this.sampled = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  hostUpdated(): void {
    // Sizes are read when the observer reports them, after the browser's own layout: reading them here would
    // lay out the whole element again after every update (a label filter's update spent most of its time so).
    this.observe();
  }

  /** The rows to render: from `first` up to, not including, `last`. */
  window(total: number): { first: number; last: number } {
    const first = Math.max(0, Math.floor(this.offset / this.rowHeight) - this.overscan);
    const last = Math.min(total, Math.ceil((this.offset + this.viewport) / this.rowHeight) + this.overscan);
    return { first, last: Math.max(first, last) };
  }

  /** How many rows fit in a screenful, for the first paint and for Page Up / Page Down. */
  get rowsPerScreen(): number {
    return Math.max(1, Math.floor(this.viewport / this.rowHeight));
  }

  /** Where row `index` sits in the spacer. */
  top(index: number): number {
    return index * this.rowHeight;
  }

  height(total: number): number {
    return total * this.rowHeight;
  }

  readonly onScroll = (): void => {
    // One render per frame, however fast the wheel turns, with the offset read in that frame: read at the
    // scroll event, it would be a frame old by the time the rows are painted.
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const top = this.options.body()?.scrollTop ?? 0;
      if (this.offset !== top) {
        this.offset = top;
        this.host.requestUpdate();
      }
    });
  };

  /** Scrolls just enough to show row `index`. */
  reveal(index: number): void {
    const body = this.options.body();
    if (!body) return;
    const top = this.top(index);
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + this.rowHeight > body.scrollTop + body.clientHeight) body.scrollTop = top + this.rowHeight - body.clientHeight;
    this.offset = body.scrollTop;
    this.host.requestUpdate();
  }

  /** Back to the first row, e.g. when the filters change. */
  toStart(): void {
    // Only when scrolled (or a scroll is still to be read): setting scrollTop lays the element out at once,
    // even to the value it has.
    if (this.offset === 0 && !this.frame) return;
    const body = this.options.body();
    if (body) body.scrollTop = 0;
    this.offset = 0;
  }

  /** Watches the body (the viewport) and the sample row (the row height); each reports once when first watched. */
  private observe(): void {
    const body = this.options.body();
    if (body && body !== this.observed) {
      this.observed = body;
      this.observer?.observe(body);
    }
    const sample = this.options.sample();
    if (sample && sample !== this.sampled) {
      if (this.sampled) this.observer?.unobserve(this.sampled);
      this.sampled = sample;
      this.observer?.observe(sample);
    }
  }

  private measure(): void {
    const body = this.options.body();
    if (!body) return;
    let changed = false;
    if (body.clientHeight && body.clientHeight !== this.viewport) {
      this.viewport = body.clientHeight;
      changed = true;
    }
    const sample = this.options.sample();
    if (sample?.offsetHeight && sample.offsetHeight !== this.rowHeight) {
      this.rowHeight = sample.offsetHeight;
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }
}
