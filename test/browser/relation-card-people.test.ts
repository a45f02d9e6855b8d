import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Relation } from '../../src/contract/index.js';
import type { RelationCardPeople } from '../../src/elements/internal/relation-card-people/relation-card-people.js';
import '../../src/elements/internal/relation-card-people/relation-card-people.js';
import type { RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { watchPagehideListeners } from './harness/addresses.js';
import { accessibleName, allByRole, focused, getByRole, queryByRole, type Name } from './harness/roles.js';

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The section as a user finds it: the list of links, each named by the other party, and its controls. */
function peopleHarness(el: RelationCardPeople) {
  const links = () => {
    const list = queryByRole(el, 'list');
    return list ? allByRole(list, 'listitem') : [];
  };
  return {
    heading: () => text(getByRole(el, 'heading')),
    links,
    /** The link whose name button is `name`. */
    link: (name: string) => links().find((li) => allByRole(li, 'button').some((b) => accessibleName(b) === name)),
    button: (name: Name) => getByRole<HTMLButtonElement>(el, 'button', name),
    queryButton: (name: Name) => queryByRole<HTMLButtonElement>(el, 'button', name),
    textbox: (name: Name) => getByRole<HTMLInputElement>(el, 'textbox', name),
    checkbox: (name: Name) => getByRole<HTMLInputElement>(el, 'checkbox', name),
    combobox: (name: Name) => getByRole<HTMLInputElement>(el, 'combobox', name),
    statuses: () => allByRole(el, 'status').map(text).filter(Boolean),
    dialog: (name?: Name) => queryByRole<HTMLDialogElement>(el, 'dialog', name),
  };
}

/** The text a link shows for a field: the dd beside its dt. */
function fieldOf(li: Element, label: string): string | undefined {
  const dt = [...li.querySelectorAll('dt')].find((d) => text(d) === label);
  return dt ? text(dt.nextElementSibling) : undefined;
}

describe('<relation-card-people>', () => {
  let provider: RelationProvider;
  let store: RelationsStore;
  let section: RelationCardPeople;
  let ui: ReturnType<typeof peopleHarness>;

  async function mount(relationId: string, locale: 'nl' | 'en' = 'nl') {
    ({ provider, store } = await signedIn(html`<relation-card-people></relation-card-people>`, 'demo-anna', locale));
    section = provider.querySelector('relation-card-people')!;
    section.relation = await store.getRelation(relationId);
    ui = peopleHarness(section);
    await section.updateComplete;
  }

  /** As `mount`, with every request through `fetcher`. */
  async function mountThrough(fetcher: typeof fetch, relationId: string) {
    provider = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale="nl">
      <relation-card-people></relation-card-people>
    </relation-provider>`);
    provider.fetch = fetcher;
    const ready = oneEvent(provider, 'relation-store-ready');
    provider.getToken = () => 'demo-anna';
    ({ store } = (await ready).detail as { store: RelationsStore });
    await store.sync();
    section = provider.querySelector('relation-card-people')!;
    section.relation = await store.getRelation(relationId);
    ui = peopleHarness(section);
    await section.updateComplete;
  }

  /** A fresh organization and person on the backend, linked or not. */
  async function pair(linked: boolean) {
    const server = await clientFor('demo-anna');
    const stamp = Date.now();
    const organization = await server.createRelation({ body: { kind: 'organization', organization: { name: `Firma ${stamp}` } } });
    const person = await server.createRelation({ body: { kind: 'person', person: { initials: 'P.', lastName: `Persoon${stamp}` } } });
    const link = linked
      ? await server.createAffiliation({ body: { personId: person.id, organizationId: organization.id, function: 'Inkoper', email: 'inkoop@example.nl' } })
      : undefined;
    return { server, organization, person, link };
  }

  /** A fresh organization with `count` contact persons linked to it on the backend. */
  async function organizationWith(count: number) {
    const server = await clientFor('demo-anna');
    const stamp = Date.now();
    const organization = await server.createRelation({ body: { kind: 'organization', organization: { name: `Firma ${stamp}` } } });
    const people: Relation[] = [];
    for (let i = 0; i < count; i++) {
      const person = await server.createRelation({ body: { kind: 'person', person: { lastName: `Lid${i}x${stamp}` } } });
      await server.createAffiliation({ body: { personId: person.id, organizationId: organization.id } });
      people.push(person);
    }
    return { server, organization, people };
  }

  /** Checks a relation-saved detail: this section's relation, as the backend knows it. */
  function expectSavedFor(detail: { id: string; relation: Relation }, relation: Relation, what: string) {
    expect(detail.id, what).to.equal(relation.id);
    expect(detail.relation.id, what).to.equal(relation.id);
    expect(detail.relation.displayName, what).to.equal(relation.displayName);
  }

  afterEach(() => provider?.signOut());

  it("shows D. Irecteur's three organizations with the backend's functions, e-mails and phones; passes axe", async () => {
    const server = await clientFor('demo-anna');
    const [irecteur] = (await server.listRelations({ q: 'Irecteur', kind: 'person' })).items;
    const expected = (await server.listAffiliations({ personId: irecteur!.id })).items;
    expect(expected.length).to.equal(3);
    const organizations = await Promise.all(expected.map((a) => server.getRelation({ id: a.organizationId })));
    expect(organizations.map((o) => o.displayName).sort()).to.deep.equal(['Bedrijf Dos B.V.', 'Bedrijf Uno B.V.', 'Tennisvereniging De Baan']);
    expect(new Set(expected.map((a) => a.function)).size, 'three different functions').to.equal(3);

    await mount(irecteur!.id);
    await until(() => ui.links().length === 3, 'three organizations');
    expect(ui.heading()).to.equal('Organisaties');
    for (const [i, affiliation] of expected.entries()) {
      const li = ui.link(organizations[i]!.displayName)!;
      expect(li, organizations[i]!.displayName).to.not.equal(undefined);
      expect(fieldOf(li, 'Functie')).to.equal(affiliation.function ?? undefined);
      expect(fieldOf(li, 'E-mail')).to.equal(affiliation.email ?? undefined);
      expect(fieldOf(li, 'Telefoon')).to.equal(affiliation.phone ?? undefined);
      expect(text(li).includes('Eerste contact')).to.equal(affiliation.isPrimary);
    }
    await expect(section).to.be.accessible();
  });

  it('opens the other party through a cancelable relation-open', async () => {
    const { organization, person } = await pair(true);
    await mount(organization.id, 'en');
    await until(() => ui.links().length === 1, 'the contact person');
    expect(ui.heading()).to.equal('Contact persons');
    const opened = oneEvent(section, 'relation-open');
    ui.button(person.displayName).click();
    const event = await opened;
    expect(event.detail).to.deep.equal({ id: person.id });
    expect(event.cancelable).to.equal(true);
  });

  it('edits a link as you type, refuses what the contract refuses, saves to the backend with a visible state', async () => {
    const { server, organization, person, link } = await pair(true);
    await mount(person.id);
    await until(() => !!ui.link(organization.displayName), 'the organization');
    ui.button(`Koppeling met ${organization.displayName} bewerken`).click();
    await until(() => !!queryByRole(section, 'textbox', 'Functie'), 'the form');
    const email = ui.textbox('E-mail');
    email.focus();
    email.select();
    await sendKeys({ type: 'geen-adres' });
    ui.textbox('Functie').focus();
    await until(() => email.getAttribute('aria-invalid') === 'true', 'the e-mail refused');
    const describedBy = email.getAttribute('aria-describedby')!;
    expect(text(section.shadowRoot!.getElementById(describedBy))).to.not.equal('');
    ui.button('Opslaan').click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await server.listAffiliations({ personId: person.id })).items[0]!.email, 'nothing sent').to.equal(link!.email);

    email.focus();
    email.select();
    await sendKeys({ type: 'directie@example.nl' });
    const fn = ui.textbox('Functie');
    fn.focus();
    fn.select();
    await sendKeys({ type: 'Directeur <b>inkoop</b>' });
    ui.checkbox('Eerste contactpersoon').click();
    const savedEvent = oneEvent(section, 'relation-saved');
    ui.button('Opslaan').click();
    expectSavedFor((await savedEvent).detail, person, 'a link changed');
    await until(async () => (await server.listAffiliations({ personId: person.id })).items[0]!.function === 'Directeur <b>inkoop</b>', 'the change on the server', 15000);
    const saved = (await server.listAffiliations({ personId: person.id })).items[0]!;
    expect(saved.email).to.equal('directie@example.nl');
    expect(saved.isPrimary).to.equal(true);
    await until(() => ui.statuses().includes('Opgeslagen.'), 'the saved state');
    const li = ui.link(organization.displayName)!;
    expect(fieldOf(li, 'Functie')).to.equal('Directeur <b>inkoop</b>');
    expect(li.querySelector('b')).to.equal(null);
    await expect(section).to.be.accessible();
  });

  it('closes a link form on Escape keeping what was typed, offered again when it opens', async () => {
    const { server, organization, person, link } = await pair(true);
    await mount(person.id);
    await until(() => !!ui.link(organization.displayName), 'the organization');
    const edit = ui.button(`Koppeling met ${organization.displayName} bewerken`);
    edit.click();
    await until(() => !!queryByRole(section, 'textbox', 'Functie'), 'the form');
    const fn = ui.textbox('Functie');
    fn.focus();
    fn.select();
    await sendKeys({ type: 'Bewaard bij Escape' });
    await sendKeys({ press: 'Escape' });
    await until(() => !queryByRole(section, 'textbox', 'Functie'), 'the form closed');
    await until(() => focused() === ui.button(`Koppeling met ${organization.displayName} bewerken`), 'focus on its button');
    expect((await server.listAffiliations({ personId: person.id })).items[0]!.function, 'nothing sent').to.equal(link!.function);
    ui.button(`Koppeling met ${organization.displayName} bewerken`).click();
    await until(() => !!queryByRole(section, 'textbox', 'Functie'), 'the form again');
    expect(ui.textbox('Functie').value, 'the link as it is').to.equal(link!.function);
    ui.button('Terugzetten').click();
    await until(() => ui.textbox('Functie').value === 'Bewaard bij Escape', 'what was typed, restored');
  });

  it('unlinks only after confirmation', async () => {
    const { server, organization, person } = await pair(true);
    await mount(organization.id);
    await until(() => !!ui.link(person.displayName), 'the person');
    ui.button(`${person.displayName} ontkoppelen`).click();
    const question = `Koppeling met ${person.displayName} verwijderen? ${person.displayName} zelf blijft bestaan.`;
    await until(() => !!ui.dialog(question), 'the confirmation');
    expect((await server.listAffiliations({ organizationId: organization.id })).items.length, 'not before confirming').to.equal(1);
    await expect(section).to.be.accessible();
    const saved = oneEvent(section, 'relation-saved');
    ui.button(`${person.displayName} ontkoppelen`).click();
    expectSavedFor((await saved).detail, organization, 'a link removed');
    await until(async () => (await server.listAffiliations({ organizationId: organization.id })).items.length === 0, 'the link gone on the server', 15000);
    await until(() => ui.links().length === 0, 'the link gone here');
    expect((await server.getRelation({ id: person.id })).id, 'the person stays').to.equal(person.id);
  });

  it('links an existing person found by searching', async () => {
    const { server, organization, person } = await pair(false);
    await mount(organization.id);
    await store.sync();
    const picker = ui.combobox('Bestaande persoon koppelen');
    picker.focus();
    await sendKeys({ type: person.person!.lastName });
    await until(() => allByRole(section.shadowRoot!.querySelector('relation-picker')!, 'option').length === 1, 'the person offered');
    await sendKeys({ press: 'ArrowDown' });
    const saved = oneEvent(section, 'relation-saved');
    await sendKeys({ press: 'Enter' });
    expectSavedFor((await saved).detail, organization, 'a link made');
    await until(() => !!ui.link(person.displayName), 'the person linked here');
    await until(async () => (await server.listAffiliations({ organizationId: organization.id })).items.some((a) => a.personId === person.id), 'the link on the server', 15000);
  });

  it('creates a person in place with just a last name and links it', async () => {
    const { server, organization } = await pair(false);
    await mount(organization.id);
    ui.button('Nieuwe persoon').click();
    await until(() => !!queryByRole(section, 'textbox', /Achternaam/), 'the form');
    ui.button('Aanmaken en koppelen').click();
    await until(() => ui.textbox(/Achternaam/).getAttribute('aria-invalid') === 'true', 'an empty name refused');
    const lastName = `Nieuwkomer${Date.now()}`;
    ui.textbox(/Achternaam/).focus();
    await sendKeys({ type: lastName });
    const createdEvent = oneEvent(section, 'relation-created');
    const saved = oneEvent(section, 'relation-saved');
    await sendKeys({ press: 'Enter' });
    const { detail } = await createdEvent;
    expect(detail.relation.kind).to.equal('person');
    expect(detail.relation.person!.lastName).to.equal(lastName);
    expect(detail.relation.id).to.equal(detail.id);
    expect(await store.getRelation(detail.id), 'the id finds the new person').to.deep.include({ kind: 'person' });
    expectSavedFor((await saved).detail, organization, 'the new person linked');
    await until(() => !!ui.link(lastName), 'the new person linked here');
    await until(async () => (await server.listAffiliations({ organizationId: organization.id })).items.length === 1, 'the link on the server', 15000);
    const [affiliation] = (await server.listAffiliations({ organizationId: organization.id })).items;
    const created: Relation = await server.getRelation({ id: affiliation!.personId });
    expect(created.person!.lastName).to.equal(lastName);
    await expect(section).to.be.accessible();
  });

  it('creates and links a person offline under local ids, and both reach the backend when the connection is back', async () => {
    const { server, organization } = await pair(false);
    const net = faultyNetwork();
    await mountThrough(net.fetch, organization.id);
    net.plan.offline = true;
    ui.button('Nieuwe persoon').click();
    await until(() => !!queryByRole(section, 'textbox', /Achternaam/), 'the form');
    const lastName = `Offline${Date.now()}`;
    ui.textbox(/Achternaam/).focus();
    await sendKeys({ type: lastName });
    await sendKeys({ press: 'Enter' });
    await until(() => !!ui.link(lastName), 'the new person linked here while offline');
    expect((await server.listAffiliations({ organizationId: organization.id })).items.length, 'nothing sent offline').to.equal(0);

    ui.button(`Koppeling met ${lastName} bewerken`).click();
    await until(() => !!queryByRole(section, 'textbox', 'Functie'), 'the form');
    ui.textbox('Functie').focus();
    await sendKeys({ type: 'Boekhouder' });
    ui.button('Opslaan').click();
    await until(() => ui.statuses().some((t) => t.includes('zodra er verbinding is')), 'queued offline', 15000);

    net.plan.offline = false;
    await store.revalidate();
    await until(async () => (await server.listAffiliations({ organizationId: organization.id })).items[0]?.function === 'Boekhouder', 'the link and its function on the server', 20000);
    const [affiliation] = (await server.listAffiliations({ organizationId: organization.id })).items;
    expect((await server.getRelation({ id: affiliation!.personId })).person!.lastName).to.equal(lastName);
    await until(() => !!ui.link(lastName), 'still linked here under the backend ids');
  });

  it('lets the form of a removed link go, listeners included', async () => {
    const { organization, people } = await organizationWith(2);
    const listeners = watchPagehideListeners();
    try {
      await mount(organization.id);
      await until(() => ui.links().length === 2, 'both persons');
      // A link's form exists once its row is shown.
      const before = listeners.count();
      expect(before, 'a form per link').to.be.at.least(2);
      ui.button(`${people[0]!.displayName} ontkoppelen`).click();
      await until(() => !!ui.dialog(), 'the confirmation');
      ui.button(`${people[0]!.displayName} ontkoppelen`).click();
      await until(() => ui.links().length === 1, 'the link gone here');
      await until(() => listeners.count() === before - 1, "the removed link's form stops listening");
    } finally {
      listeners.stop();
    }
  });

  it('moves focus to the next person after an unlink, else the previous, else the button that adds one', async () => {
    const { organization, people } = await organizationWith(3);
    await mount(organization.id, 'en');
    await until(() => ui.links().length === 3, 'three persons');
    // Shown by name: the order the server's names give, worked out here.
    const [first, middle, last] = people.map((person) => person.displayName).sort((a, b) => a.localeCompare(b));
    const unlink = async (name: string) => {
      const before = ui.links().length;
      ui.button(`Unlink ${name}`).focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !!ui.dialog(), 'the confirmation');
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(ui.button(`Unlink ${name}`), 'the confirming button');
      await sendKeys({ press: 'Enter' });
      await until(() => ui.links().length === before - 1, `${name} unlinked`);
    };
    await unlink(middle!);
    await until(() => focused() === ui.queryButton(last!), 'focus on the next person');
    await unlink(last!);
    await until(() => focused() === ui.queryButton(first!), 'focus on the previous person');
    await unlink(first!);
    await until(() => focused() === ui.queryButton('New person'), 'focus on the button that adds one');
    await expect(section).to.be.accessible();
  });
});
