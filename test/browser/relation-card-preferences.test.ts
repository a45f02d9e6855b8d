import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Module, Relation } from '../../src/contract/index.js';
import '../../src/elements/internal/relation-card-preferences/relation-card-preferences.js';
import type { RelationCardPreferences } from '../../src/elements/internal/relation-card-preferences/relation-card-preferences.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { accessibleName, allByRole, focused, getByRole, queryByRole } from './harness/roles.js';

type Locale = 'nl' | 'en';

/** The modules as the backend declares them in `locale`, and those with preferences. */
async function declared(locale: Locale): Promise<Module[]> {
  const modules = (await (await clientFor('demo-anna', { locale })).listModules()).items;
  return modules.filter((module) => module.preferences.length > 0);
}

/** The `n`-th active relation (by number) without preferences of its own: each test changes its own. */
async function plainRelation(n: number): Promise<Relation> {
  const server = await clientFor('demo-anna');
  const plain = (await server.listRelations({ status: ['active'], sort: 'number', limit: 100 })).items.filter(
    (relation) => Object.keys(relation.preferences).length === 0,
  );
  return plain[n]!;
}

const onServer = async (id: string) => (await (await clientFor('demo-anna')).getRelation({ id })).preferences;

/** The text that describes a control (its hint and error), as a screen reader reads it after the name. */
function description(control: Element): string {
  const root = control.getRootNode() as ShadowRoot;
  const ids = control.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids.map((id) => root.getElementById(id)?.textContent?.trim() ?? '').join(' ');
}

/** A card section as the card gives it: the relation as the cache has it now, again after each change. */
async function mount(store: RelationsStore, provider: RelationProvider, relationId: string) {
  const el = provider.querySelector<RelationCardPreferences>('relation-card-preferences')!;
  const follow = async () => {
    // After the test the store closes: the last change may arrive after that.
    el.relation = (await store.getRelation(relationId).catch(() => undefined)) ?? el.relation;
  };
  store.addEventListener('change', () => void follow());
  await follow();
  await until(() => allByRole(el, 'group').length > 0, 'the module groups');
  return el;
}

async function typeInto(control: HTMLElement, text: string) {
  control.focus();
  (control as HTMLInputElement).select();
  await sendKeys({ press: 'Backspace' });
  if (text) await sendKeys({ type: text });
}

for (const locale of ['nl', 'en'] as const) {
  describe(`<relation-card-preferences> in ${locale}`, () => {
    let provider: RelationProvider;
    let store: RelationsStore;
    let el: RelationCardPreferences;
    const words = {
      nl: {
        save: 'Voorkeuren opslaan', revert: 'Wijzigingen ongedaan maken', saved: 'Opgeslagen.', defaultValue: 'Standaard: ', tooBig: 'Hoogstens', tooSmall: 'Minstens',
        notANumber: 'Verwacht: een getal.', between: (min: number, max: number) => `een heel getal van ${min} tot en met ${max}`,
      },
      en: {
        save: 'Save preferences', revert: 'Undo changes', saved: 'Saved.', defaultValue: 'Default: ', tooBig: 'At most', tooSmall: 'At least',
        notANumber: 'Expected a number.', between: (min: number, max: number) => `a whole number from ${min} to ${max}`,
      },
    }[locale];

    beforeEach(async () => {
      ({ provider, store } = await signedIn(html`<relation-card-preferences></relation-card-preferences>`, 'demo-anna', locale));
    });
    afterEach(() => provider.signOut());

    it('shows every preference the backend declares with its control and default, and passes axe', async () => {
      const relation = await plainRelation(locale === 'nl' ? 0 : 1);
      el = await mount(store, provider, relation.id);
      const modules = await declared(locale);
      expect(allByRole(el, 'group').map(accessibleName)).to.deep.equal(modules.map((module) => module.name));
      for (const module of modules) {
        const group = getByRole(el, 'group', module.name);
        for (const field of module.preferences) {
          const role = field.type === 'boolean' ? 'checkbox' : 'textbox';
          const control = getByRole<HTMLInputElement>(group, role, field.label);
          expect(description(control), field.label).to.contain(`${words.defaultValue}${String(field.default)}`);
          if (field.type === 'boolean') {
            expect(control.checked, field.label).to.equal(field.default === true);
          } else {
            // No value of its own: the field is empty and shows the module's default in it.
            expect(control.value, field.label).to.equal('');
            expect(control.placeholder, field.label).to.equal(String(field.default));
          }
          if (field.type === 'integer') {
            // A text field that brings up the digits, which tells its bounds in words.
            expect(control.type, field.label).to.equal('text');
            expect(control.inputMode, field.label).to.equal('numeric');
            if (field.min !== undefined && field.max !== undefined) expect(description(control), field.label).to.contain(words.between(field.min, field.max));
          }
        }
      }
      await expect(el).to.be.accessible();
    });

    it('refuses an integer outside its bounds with the contract’s sentence, and sends nothing', async () => {
      const relation = await plainRelation(locale === 'nl' ? 2 : 3);
      el = await mount(store, provider, relation.id);
      const module = (await declared(locale)).find((m) => m.preferences.some((f) => f.type === 'integer' && f.max !== undefined))!;
      const field = module.preferences.find((f) => f.type === 'integer' && f.max !== undefined)!;
      const control = getByRole<HTMLInputElement>(getByRole(el, 'group', module.name), 'textbox', field.label);

      await typeInto(control, String(field.max! + 1));
      await sendKeys({ press: 'Tab' });
      await until(() => control.getAttribute('aria-invalid') === 'true', 'the field marked invalid');
      expect(description(control)).to.contain(`${words.tooBig} ${field.max}.`);

      await typeInto(control, String(field.min! - 1));
      await until(() => description(control).includes(`${words.tooSmall} ${field.min}.`), 'the lower bound as you type');

      getByRole(el, 'button', words.save).click();
      await until(() => focused() === control, 'focus on the invalid field');
      expect(await store.outbox()).to.have.length(0);
      expect(await onServer(relation.id)).to.deep.equal({});
      await expect(el).to.be.accessible();
    });

    it('saves a valid change under preferences.<module>.<key>, and an empty field returns to the default', async () => {
      const relation = await plainRelation(locale === 'nl' ? 4 : 5);
      el = await mount(store, provider, relation.id);
      const module = (await declared(locale)).find((m) => m.preferences.some((f) => f.type === 'integer'))!;
      const field = module.preferences.find((f) => f.type === 'integer')!;
      const wanted = (field.min ?? 0) + 7;
      const control = getByRole<HTMLInputElement>(getByRole(el, 'group', module.name), 'textbox', field.label);

      // Keyboard only: type, then Enter submits the form.
      await typeInto(control, String(wanted));
      await sendKeys({ press: 'Enter' });
      await until(async () => (await onServer(relation.id))[module.key]?.[field.key] === wanted, 'the value on the server');
      await until(() => getByRole(el, 'status').textContent?.trim() === words.saved, 'the saved state');
      expect(control.value).to.equal(String(wanted));

      await typeInto(control, '');
      getByRole(el, 'button', words.save).click();
      await until(async () => (await onServer(relation.id))[module.key] === undefined, 'the default again on the server');
      await until(() => control.value === '' && control.placeholder === String(field.default), 'the default shown');
    });

    it('keeps what is not a whole number on screen and says so, instead of returning to the default', async () => {
      const relation = await plainRelation(locale === 'nl' ? 10 : 11);
      el = await mount(store, provider, relation.id);
      const module = (await declared(locale)).find((m) => m.preferences.some((f) => f.type === 'integer'))!;
      const field = module.preferences.find((f) => f.type === 'integer')!;
      const control = getByRole<HTMLInputElement>(getByRole(el, 'group', module.name), 'textbox', field.label);

      for (const typed of ['12,5', '1e']) {
        await typeInto(control, typed);
        await sendKeys({ press: 'Tab' });
        await until(() => control.getAttribute('aria-invalid') === 'true', `${typed} marked invalid`);
        expect(control.value).to.equal(typed);
        expect(description(control)).to.contain(words.notANumber);
      }
      getByRole(el, 'button', words.save).click();
      await until(() => focused() === control, 'focus on the invalid field');
      expect(await store.outbox()).to.have.length(0);
      expect(await onServer(relation.id)).to.deep.equal({});
      await expect(el).to.be.accessible();

      // Undone, it leaves no draft behind for a later visit.
      getByRole(el, 'button', words.revert).click();
      await until(async () => control.value === '' && !(await store.draft(`preferences:${relation.id}`)), 'the change undone');
    });

    it('tells the host a change was stored, with the relation as the cache has it after the write', async () => {
      const relation = await plainRelation(locale === 'nl' ? 12 : 13);
      el = await mount(store, provider, relation.id);
      const module = (await declared(locale)).find((m) => m.preferences.some((f) => f.type === 'integer'))!;
      const field = module.preferences.find((f) => f.type === 'integer')!;
      const wanted = (field.min ?? 0) + 5;
      const control = getByRole<HTMLInputElement>(getByRole(el, 'group', module.name), 'textbox', field.label);

      await typeInto(control, String(wanted));
      const saved = oneEvent(provider, 'relation-saved');
      await sendKeys({ press: 'Enter' });
      const { detail } = await saved;
      expect(detail.id).to.equal(relation.id);
      expect(detail.relation.preferences[module.key]?.[field.key]).to.equal(wanted);
      await until(async () => (await onServer(relation.id))[module.key]?.[field.key] === wanted, 'the value on the server');
    });

    it('checks a currency with the contract’s rule and saves its code in capitals', async () => {
      const relation = await plainRelation(locale === 'nl' ? 6 : 7);
      el = await mount(store, provider, relation.id);
      const module = (await declared(locale)).find((m) => m.preferences.some((f) => f.type === 'currency'))!;
      const field = module.preferences.find((f) => f.type === 'currency')!;
      const control = getByRole<HTMLInputElement>(getByRole(el, 'group', module.name), 'textbox', field.label);
      const currencyRule = { nl: 'Gebruik een valutacode van 3 letters, zoals EUR.', en: 'Use a three-letter currency code such as EUR.' }[locale];

      await typeInto(control, 'XYZ');
      await sendKeys({ press: 'Tab' });
      await until(() => description(control).includes(currencyRule), 'the currency rule');

      await typeInto(control, 'usd');
      await until(() => control.getAttribute('aria-invalid') === 'false', 'a valid code');
      getByRole(el, 'button', words.save).click();
      await until(async () => (await onServer(relation.id))[module.key]?.[field.key] === 'USD', 'USD on the server');
    });
  });
}

describe('<relation-card-preferences> drafts', () => {
  it('keeps what was typed and not saved, and offers it on the next visit', async () => {
    const { provider, store } = await signedIn(html`<relation-card-preferences></relation-card-preferences>`, 'demo-anna', 'en');
    try {
      const relation = await plainRelation(9);
      const el = await mount(store, provider, relation.id);
      const [module] = await declared('en');
      const field = module!.preferences.find((f) => f.type === 'integer')!;
      const typed = String(field.min! + 11);
      await typeInto(getByRole(getByRole(el, 'group', module!.name), 'textbox', field.label), typed);
      await sendKeys({ press: 'Tab' });
      await until(async () => !!(await store.draft(`preferences:${relation.id}`)), 'the draft kept');

      // The card closes and opens again.
      el.remove();
      const again = document.createElement('relation-card-preferences');
      provider.append(again);
      again.relation = relation;
      await until(() => !!queryByRole(again, 'button', 'Restore'), 'the draft offered');
      expect(getByRole(again, 'status').textContent).to.contain('You have unsaved preferences');
      const control = getByRole<HTMLInputElement>(getByRole(again, 'group', module!.name), 'textbox', field.label);
      expect(control.value).to.equal('');
      getByRole(again, 'button', 'Restore').click();
      await until(() => control.value === typed, 'the typed value back');
      expect(await onServer(relation.id)).to.deep.equal({}, 'restoring does not save');
      await expect(again).to.be.accessible();
    } finally {
      await provider.signOut();
    }
  });
});

describe('<relation-card-preferences> without a connection', () => {
  it('keeps the modules it fetched, says so, and queues a change until the connection is back', async () => {
    const net = faultyNetwork();
    const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale="nl">
      <relation-card-preferences></relation-card-preferences>
    </relation-provider>`);
    provider.fetch = net.fetch;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-anna';
    const { store } = (await ready).detail;
    await store.sync();
    try {
      const relation = await plainRelation(8);
      const el = await mount(store, provider, relation.id);
      const [module] = await declared('nl');
      const field = module!.preferences.find((f) => f.type === 'integer')!;

      // The connection drops; the card is shown again (a new element asks for the modules again).
      net.plan.offline = true;
      el.remove();
      const again = document.createElement('relation-card-preferences');
      provider.append(again);
      again.relation = relation;
      await until(() => !!queryByRole(again, 'status', /Geen verbinding/), 'the offline note', 15_000);
      const control = getByRole<HTMLInputElement>(getByRole(again, 'group', module!.name), 'textbox', field.label);
      await typeInto(control, String(field.min! + 3));
      getByRole(again, 'button', 'Voorkeuren opslaan').click();
      await until(async () => (await store.outbox()).length === 1, 'the change in the outbox');
      await until(() => !!queryByRole(again, 'status', /wordt verstuurd zodra er verbinding is/), 'the change said to wait for the connection', 15_000);
      expect(await onServer(relation.id)).to.deep.equal({});
      await expect(again).to.be.accessible();

      net.plan.offline = false;
      await store.flush();
      await until(async () => (await onServer(relation.id))[module!.key]?.[field.key] === field.min! + 3, 'the change on the server');
    } finally {
      await provider.signOut();
    }
  });
});

describe('<relation-card-preferences> after a switch of user without a connection', () => {
  it('never shows the modules kept for the previous user', async () => {
    // Anna's modules are fetched and kept in this page.
    const anna = await signedIn(html`<relation-card-preferences></relation-card-preferences>`, 'demo-anna', 'nl');
    try {
      await mount(anna.store, anna.provider, (await plainRelation(0)).id);
    } finally {
      await anna.provider.signOut();
    }

    // Olga of another tenant signs in on the same page; the connection drops before her card opens.
    const net = faultyNetwork();
    const provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale="nl"></relation-provider>`);
    provider.fetch = net.fetch;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'acme-olga';
    const { store } = (await ready).detail;
    await store.sync();
    try {
      const [relation] = (await (await clientFor('acme-olga')).listRelations({ limit: 1 })).items;
      net.plan.offline = true;
      const el = document.createElement('relation-card-preferences');
      provider.append(el);
      el.relation = relation;
      await until(() => !!queryByRole(el, 'status', /Geen verbinding: de voorkeuren van de modules zijn nu niet op te halen/), 'the offline note', 15_000);
      expect(allByRole(el, 'group')).to.have.length(0);
      await expect(el).to.be.accessible();
    } finally {
      await provider.signOut();
    }
  });
});
