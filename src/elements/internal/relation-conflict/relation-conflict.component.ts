import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocaleController } from '../../../i18n/locale-controller.js';
import { card } from '../../../i18n/sections/card.js';
import type { OutboxEntry } from '../../../store/index.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { at, leaves, patchOf, sameValue } from '../../controllers/patch-paths.js';
import { conflictStyles } from './relation-conflict.styles.js';

/** How the user resolved a conflict, as the store's `resolveConflict` takes it. */
export type ConflictResolution = 'mine' | 'theirs' | { body: Record<string, unknown> };

/**
 * A write that met someone else's change (412): for each field that differs, what the user typed beside
 * what the backend has now, to choose per field, or all mine, or all theirs. Nothing typed is lost: the
 * write stays in the outbox with the typed values until the user chooses.
 *
 * @internal
 * @tagname relation-conflict
 * @csspart table - The fields side by side.
 */
export class RelationConflict extends LitElement {
  static override styles = [tokenStyles, controlStyles, conflictStyles];

  private readonly i18n = new LocaleController(this);

  /** The outbox entry in conflict; its `current` is the backend's version. */
  @property({ attribute: false }) entry: OutboxEntry | undefined;

  /** The label to show for a field's dotted path. */
  @property({ attribute: false }) fieldLabel: (path: string) => string = (path) => path;

  /** Called with the user's choice. */
  @property({ attribute: false }) resolve: ((resolution: ConflictResolution) => Promise<void> | void) | undefined;

  /** Per field: keep mine (true) or take theirs. */
  @state() private keep = new Map<string, boolean>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The store hands a fresh copy of the same entry on every change it hears: the choices stay until the
    // conflict on screen is another one.
    if (changed.has('entry') && changed.get('entry')?.seq !== this.entry?.seq) this.keep = new Map(this.rows().map(([path]) => [path, true]));
  }

  /** The fields of the write whose value differs from the backend's, with mine and theirs. */
  private rows(): [path: string, mine: unknown, theirs: unknown][] {
    const body = this.entry?.request['body'];
    return leaves(body)
      .map(([path, mine]): [string, unknown, unknown] => [path, mine, at(this.entry?.current, path)])
      .filter(([, mine, theirs]) => !sameValue(mine, theirs));
  }

  private show(value: unknown): string {
    if (value === null || value === undefined || value === '') return this.i18n.section(card).emptyValue;
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  private async apply(resolution?: ConflictResolution): Promise<void> {
    const rows = this.rows();
    const mine = rows.filter(([path]) => this.keep.get(path) !== false);
    const chosen: ConflictResolution =
      resolution ?? (mine.length === 0 ? 'theirs' : mine.length === rows.length ? 'mine' : { body: patchOf(mine.map(([path, value]) => [path, value])) });
    await this.resolve?.(chosen);
  }

  private choose(path: string, keepMine: boolean): void {
    this.keep = new Map(this.keep).set(path, keepMine);
  }

  protected override render() {
    const m = this.i18n.section(card);
    const rows = this.rows();
    if (!this.entry) return nothing;
    return html`<section aria-labelledby="title" class="conflict">
      <h3 id="title">${m.conflict.title}</h3>
      <p>${m.conflict.explain}</p>
      ${rows.length === 0
        ? html`<p>${m.conflict.empty}</p>`
        : html`<table part="table">
            <thead><tr><th scope="col">${m.conflict.field}</th><th scope="col">${m.conflict.mine}</th><th scope="col">${m.conflict.theirs}</th></tr></thead>
            <tbody>
              ${rows.map(([path, mine, theirs]) => {
                const label = this.fieldLabel(path);
                const keep = this.keep.get(path) !== false;
                return html`<tr>
                  <th scope="row">${label}</th>
                  <td><label><input type="radio" name=${path} .checked=${keep} aria-label=${m.conflict.keepMine(label, this.show(mine))}
                    @change=${() => this.choose(path, true)} /> <span class="value">${this.show(mine)}</span></label></td>
                  <td><label><input type="radio" name=${path} .checked=${!keep} aria-label=${m.conflict.takeTheirs(label, this.show(theirs))}
                    @change=${() => this.choose(path, false)} /> <span class="value">${this.show(theirs)}</span></label></td>
                </tr>`;
              })}
            </tbody>
          </table>`}
      <div class="buttons">
        <button @click=${() => this.apply('mine')}>${m.conflict.allMine}</button>
        <button @click=${() => this.apply('theirs')}>${m.conflict.allTheirs}</button>
        <button class="primary" @click=${() => this.apply()}>${m.conflict.apply}</button>
      </div>
    </section>`;
  }
}
