import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement } from 'lit';
import { RovingTabindexController } from '../../src/elements/controllers/roving-tabindex.js';
import { SelectionController } from '../../src/elements/controllers/selection.js';
import { focused, getByRole } from './harness/roles.js';

/** A vertical toolbar of three buttons with no selected item: focus roams, the last focused is the Tab stop. */
class ToolbarProbe extends LitElement {
  readonly roving = new RovingTabindexController(this, {
    items: () => [...this.renderRoot.querySelectorAll('button')],
    orientation: 'vertical',
  });
  protected override render() {
    return html`<div role="toolbar" aria-label="Tools" aria-orientation="vertical" @keydown=${this.roving.onKeydown}>
      <button>Cut</button><button>Copy</button><button>Paste</button>
    </div>`;
  }
}
customElements.define('toolbar-probe', ToolbarProbe);

/** A list of five ids with a selection over it, as the overview keeps one. */
class SelectionProbe extends LitElement {
  ids = ['a', 'b', 'c', 'd', 'e'];
  changes: Array<{ ids: string[]; allMatching: boolean }> = [];
  readonly selection = new SelectionController(this, {
    idAt: (index) => this.ids[index],
    allIds: () => this.ids,
    onChange: (ids, allMatching) => this.changes.push({ ids, allMatching }),
  });
}
customElements.define('selection-probe', SelectionProbe);

declare global {
  interface HTMLElementTagNameMap {
    'toolbar-probe': ToolbarProbe;
    'selection-probe': SelectionProbe;
  }
}

describe('controllers', () => {
  it('roving tabindex: one Tab stop, arrows along the orientation, wrapping, Home and End', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><button>Before</button><toolbar-probe></toolbar-probe><button>After</button></div>`);
    const probe = page.querySelector('toolbar-probe')!;
    const [cut, copy, paste] = ['Cut', 'Copy', 'Paste'].map((name) => getByRole(probe, 'button', name));
    expect([cut, copy, paste].map((b) => b!.tabIndex)).to.deep.equal([0, -1, -1]);
    cut!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(cut, 'a vertical group ignores Left and Right');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(copy);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(paste);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()).to.equal(cut, 'wraps to the first');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()).to.equal(paste, 'wraps to the last');
    expect([cut, copy, paste].map((b) => b!.tabIndex)).to.deep.equal([-1, -1, 0]);
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal(getByRole(page, 'button', 'After'));
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal(paste, 'Shift+Tab comes back to the item last focused');
    await expect(probe).to.be.accessible();
  });

  it('selection: toggle sets the anchor, a range extends from it, all matching is undone by a new filter', async () => {
    const probe = await fixture<SelectionProbe>(html`<selection-probe></selection-probe>`);
    const { selection } = probe;
    selection.toggle(1);
    selection.extendTo(3);
    expect(selection.ids.sort()).to.deep.equal(['b', 'c', 'd']);
    selection.toggle(2);
    expect(selection.ids.sort()).to.deep.equal(['b', 'd']);
    selection.anchor = 4;
    selection.extendTo(3);
    expect(selection.ids.sort()).to.deep.equal(['b', 'd', 'e']);
    selection.reset();
    expect(selection.size).to.equal(3, 'a selection by hand survives a new filter');
    selection.selectAllMatching();
    expect(selection.allMatching).to.equal(true);
    selection.reset();
    expect(selection.size).to.equal(0, '"all matching" meant the old matches');
    expect(probe.changes.map((c) => c.ids.length)).to.deep.equal([1, 3, 2, 3, 5, 0]);
    expect(probe.changes.at(-2)!.allMatching).to.equal(true);
  });
});
