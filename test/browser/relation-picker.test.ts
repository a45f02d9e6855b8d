import { expect, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Relation } from '../../src/contract/index.js';
import type { RelationPicker } from '../../src/elements/relation-picker/relation-picker.js';
import '../../src/elements/relation-picker/relation-picker.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { pickerHarness, type PickerHarness } from './harness/picker.js';

/** Every relation the backend lists for this query, all pages. */
async function serverRelations(query: Parameters<Awaited<ReturnType<typeof clientFor>>['listRelations']>[0] = {}) {
  const server = await clientFor('demo-anna');
  const all: Relation[] = [];
  for await (const page of server.pages('listRelations', { limit: 500, ...query })) all.push(...page.items);
  return all;
}

/** Whether an option's text shows relation number `n`. */
const hasNumber = (text: string, n: number) => new RegExp(`(nr|no)\\. ${n}(\\D|$)`).test(text);

/** Types `text` into the picker and walks down to the option of `relation` with the arrow keys. */
async function arrowTo(ui: PickerHarness, relation: Relation, text = relation.displayName) {
  ui.combobox().focus();
  ui.combobox().select();
  await sendKeys({ type: text });
  const option = () => ui.options().findIndex((o) => o.textContent!.includes(relation.displayName) && hasNumber(o.textContent!, relation.number));
  await until(() => option() >= 0, `${relation.displayName} offered`);
  const steps = option() + 1;
  for (let i = 0; i < steps; i++) await sendKeys({ press: 'ArrowDown' });
  expect(ui.activeOption()?.textContent).to.contain(relation.displayName);
}

describe('<relation-picker>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let form: HTMLFormElement;
  let picker: RelationPicker;
  let ui: PickerHarness;
  let organizations: Relation[];

  async function mount(attrs: { value?: string; disabled?: boolean; role?: 'debtor'; required?: boolean } = {}, locale: 'nl' | 'en' = 'nl') {
    ({ provider, store } = await signedIn(html`<form>
      <input name="subject" value="Offerte" />
      <relation-picker name="relation" value=${attrs.value ?? ''} ?required=${attrs.required ?? false} ?disabled=${attrs.disabled ?? false}
        role-filter=${ifDefined(attrs.role)}></relation-picker>
      <button>Send</button>
    </form>`, 'demo-anna', locale));
    form = provider.querySelector('form')!;
    picker = form.querySelector('relation-picker')!;
    ui = pickerHarness(picker);
    await picker.updateComplete;
  }

  before(async () => {
    organizations = (await serverRelations({ status: ['active'], kind: 'organization' })).filter((r) => !r.displayName.includes('<'));
  });
  afterEach(() => provider?.signOut());

  it('chooses by keyboard and submits the id in the form data; passes axe', async () => {
    await mount();
    expect(ui.name()).to.equal('Relatie');
    expect(ui.expanded()).to.equal(false);
    const relation = organizations[3]!;
    let inputs = 0;
    form.addEventListener('input', () => inputs++);
    await arrowTo(ui, relation);
    expect(inputs, 'typing a search changes no value').to.equal(0);
    expect(ui.expanded()).to.equal(true);
    expect(ui.combobox().getAttribute('aria-activedescendant')).to.equal(ui.activeOption()!.id);
    await expect(picker).to.be.accessible();
    const changed = oneEvent(picker, 'change');
    const typed = oneEvent(picker, 'input');
    await sendKeys({ press: 'Enter' });
    await changed;
    await typed;
    expect(picker.value).to.equal(relation.id);
    expect(new FormData(form).get('relation')).to.equal(relation.id);
    expect(new FormData(form).get('subject')).to.equal('Offerte');
    expect(ui.expanded()).to.equal(false);
    await until(() => ui.combobox().value === relation.displayName, 'the chosen name in the field');
    expect(ui.description()).to.contain(`nr. ${relation.number}`);
    await expect(picker).to.be.accessible();
  });

  it('is required with the browser message in the user language, in nl and en', async () => {
    await mount({ required: true });
    expect(form.checkValidity()).to.equal(false);
    expect(picker.validity.valueMissing).to.equal(true);
    expect(picker.validationMessage).to.equal('Kies een relatie.');
    let submitted = false;
    form.addEventListener('submit', (e) => { submitted = true; e.preventDefault(); });
    form.requestSubmit();
    expect(submitted, 'an invalid form is not submitted').to.equal(false);
    await provider.signOut();

    await mount({ required: true }, 'en');
    expect(picker.validationMessage).to.equal('Choose a relation.');
    expect(ui.name()).to.equal('Relation');
    const relation = organizations[0]!;
    await arrowTo(ui, relation);
    await sendKeys({ press: 'Enter' });
    expect(form.checkValidity()).to.equal(true);
    expect(picker.validationMessage).to.equal('');
  });

  it('shows a value set before the store opens, and a form reset brings it back', async () => {
    const initial = organizations[1]!;
    const other = organizations[2]!;
    await mount({ value: initial.id });
    await until(() => ui.combobox().value === initial.displayName, 'the initial relation shown');
    expect(ui.description()).to.contain(`nr. ${initial.number}`);
    await arrowTo(ui, other);
    await sendKeys({ press: 'Enter' });
    expect(new FormData(form).get('relation')).to.equal(other.id);
    form.reset();
    expect(picker.value).to.equal(initial.id);
    expect(new FormData(form).get('relation')).to.equal(initial.id);
    await until(() => ui.combobox().value === initial.displayName, 'the initial relation back');
  });

  it('is left out of the form data when disabled, by itself or by its fieldset', async () => {
    await mount({ value: organizations[0]!.id, disabled: true });
    expect(new FormData(form).has('relation')).to.equal(false);
    expect(ui.combobox().disabled).to.equal(true);
    await expect(picker).to.be.accessible();
    picker.disabled = false;
    await picker.updateComplete;
    expect(new FormData(form).get('relation')).to.equal(organizations[0]!.id);
    const fieldset = document.createElement('fieldset');
    picker.before(fieldset);
    fieldset.append(picker);
    fieldset.disabled = true;
    await until(() => ui.combobox().disabled, 'disabled by its fieldset');
    expect(new FormData(form).has('relation')).to.equal(false);
  });

  it('Escape closes the list, then clears; Home and End edit the text; a click chooses', async () => {
    await mount({ value: organizations[0]!.id });
    await until(() => ui.combobox().value === organizations[0]!.displayName, 'the relation shown');
    const relation = organizations[4]!;
    await arrowTo(ui, relation);
    await sendKeys({ press: 'Home' });
    expect(ui.combobox().selectionStart).to.equal(0);
    expect(ui.activeOption()?.textContent, 'Home does not move in the list').to.contain(relation.displayName);
    await sendKeys({ press: 'End' });
    expect(ui.combobox().selectionStart).to.equal(relation.displayName.length);
    await sendKeys({ press: 'Escape' });
    expect(ui.expanded()).to.equal(false);
    expect(picker.value, 'closing chooses nothing').to.equal(organizations[0]!.id);
    const cleared = oneEvent(picker, 'change');
    await sendKeys({ press: 'Escape' });
    await cleared;
    expect(picker.value).to.equal('');
    expect(ui.combobox().value).to.equal('');
    expect(new FormData(form).has('relation')).to.equal(false);

    await sendKeys({ type: relation.displayName });
    await until(() => ui.options().some((o) => hasNumber(o.textContent!, relation.number)), 'the option');
    ui.options().find((o) => hasNumber(o.textContent!, relation.number))!.click();
    expect(picker.value).to.equal(relation.id);
  });

  it('takes its name from a host label, and Enter on a chosen relation submits the form', async () => {
    ({ provider, store } = await signedIn(html`<form>
      <label for="customer">Klant</label>
      <relation-picker id="customer" name="customer"></relation-picker>
    </form>`, 'demo-anna', 'en'));
    form = provider.querySelector('form')!;
    picker = form.querySelector('relation-picker')!;
    ui = pickerHarness(picker);
    await picker.updateComplete;
    expect(ui.name()).to.equal('Klant');
    const relation = organizations[5]!;
    await arrowTo(ui, relation);
    await sendKeys({ press: 'Enter' });
    expect(picker.value).to.equal(relation.id);
    const submitted = new Promise<FormData>((resolve) =>
      form.addEventListener('submit', (e) => { e.preventDefault(); resolve(new FormData(form)); }, { once: true }));
    await sendKeys({ press: 'Enter' });
    expect((await submitted).get('customer')).to.equal(relation.id);
    await expect(picker).to.be.accessible();
  });

  it('with role-filter="debtor" offers only the debtors the backend lists, never archived ones', async () => {
    await mount({ role: 'debtor' });
    // A city with debtors and relations that are not: a test that can tell the filter from no filter.
    const active = await serverRelations({ status: ['lead', 'active'] });
    const city = [...new Set(active.map((r) => r.city).filter((c): c is string => !!c))].find(
      (c) => active.some((r) => r.city === c && r.debtor) && active.some((r) => r.city === c && !r.debtor),
    )!;
    expect(city, 'a city with debtors and others in the seed').to.be.a('string');
    const debtors = await serverRelations({ q: city, role: 'debtor', status: ['lead', 'active'] });
    ui.combobox().focus();
    await sendKeys({ type: city });
    await until(() => ui.options().length === Math.min(debtors.length, 20) && !!ui.status(), 'the debtors of the city');
    const offered = ui.optionTexts();
    for (const text of offered) {
      const match = debtors.find((d) => hasNumber(text, d.number));
      expect(match, `${text} is a debtor`).to.not.equal(undefined);
      expect(text).to.contain(`deb. ${match!.debtor!.number}`);
    }
    const archived = (await serverRelations({ status: ['archived'] }))[0];
    if (archived) {
      const input = ui.combobox();
      input.select();
      await sendKeys({ type: `${archived.number}` });
      await until(() => !!ui.status(), 'the search done');
      expect(ui.optionTexts().some((t) => hasNumber(t, archived.number))).to.equal(false);
    }
    await expect(picker).to.be.accessible();
  });

  it('shows hostile names as text', async () => {
    const server = await clientFor('demo-anna');
    const hostile = `<img src=x onerror="window.pwned=1">Kwaad ${Date.now()}`;
    const created = await server.createRelation({ body: { kind: 'organization', organization: { name: hostile } } });
    await mount();
    await store.sync();
    ui.combobox().focus();
    await sendKeys({ type: 'Kwaad' });
    await until(() => ui.optionTexts().some((t) => t.includes(hostile)), 'the hostile name as text');
    expect(picker.shadowRoot!.querySelector('img')).to.equal(null);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(picker.value).to.equal(created.id);
    expect(ui.combobox().value).to.equal(hostile);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('shows a relation created here under its local id, and submits the backend id once accepted', async () => {
    await mount();
    const name = `Nieuw ${Date.now()}`;
    const { id } = await store.write('createRelation', { body: { kind: 'organization', organization: { name } } });
    picker.value = id!;
    await until(() => ui.combobox().value === name, 'the new relation shown');
    const server = await clientFor('demo-anna');
    await until(async () => (await server.listRelations({ q: name })).items.length === 1, 'the relation on the server', 15000);
    const [accepted] = (await server.listRelations({ q: name })).items;
    await until(() => new FormData(form).get('relation') === accepted!.id, 'the backend id in the form data', 15000);
  });
});
