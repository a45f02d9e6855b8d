import { html, LitElement, type PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import { controlStyles } from '../../../theme/controls.js';
import { tokenStyles } from '../../../theme/tokens.js';
import { dialogStyles } from './relation-dialog.styles.js';

/**
 * A modal dialog around its content: opens with `open`, traps focus and closes on Escape as the native
 * `<dialog>` does, and fires `close` (not bubbling, like the native one) however it was closed.
 *
 * @internal
 * @tagname relation-dialog
 * @slot - The dialog's content.
 * @csspart dialog - The dialog box.
 */
export class RelationDialog extends LitElement {
  static override styles = [tokenStyles, controlStyles, dialogStyles];

  @query('dialog') private dialog!: HTMLDialogElement;

  /** The dialog's accessible name. */
  @property() label = '';

  @property({ type: Boolean, reflect: true }) open = false;

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) this.dialog.showModal();
    else if (!this.open && this.dialog.open) this.dialog.close();
  }

  /** Closes the dialog; focus goes back where it was before it opened. */
  close(): void {
    this.dialog.close();
  }

  private onClose(): void {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  }

  protected override render() {
    return html`<dialog part="dialog" aria-label=${this.label} @close=${this.onClose}><slot></slot></dialog>`;
  }
}
