import { expect, html } from '@open-wc/testing';
import type { Relation } from '../../src/contract/index.js';
import type { RelationCard, RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { download } from './harness/download.js';
import { accessibleName, getByRole, queryByRole } from './harness/roles.js';

/*
 * The card's personal-data actions: a GDPR export (JSON and readable) for everyone, anonymising for admins.
 * Expected values come from the backend's own export and from the values the test wrote.
 */

const secret = 'Geheim <img src=x onerror="window.__hacked=1"> gesprek';

/** A person of the test's own with an address and a moment holding hostile text. */
async function person(): Promise<Relation> {
  const anna = await clientFor('demo-anna');
  const suffix = Math.random().toString(36).slice(2, 7);
  const created = await anna.createRelation({
    body: { kind: 'person', person: { firstName: 'Privé', lastName: `Persoon${suffix}` }, email: `prive.${suffix}@example.nl`, phone: '06 9876 5432' },
  });
  await anna.createAddress({ id: created.id, body: { purposes: ['postal'], street: `Geheimstraat${suffix}`, houseNumber: '1', postalCode: '3511AB', city: 'Utrecht' } });
  await anna.createContactMoment({ body: { relationId: created.id, kind: 'call', subject: secret, body: secret } });
  return anna.getRelation({ id: created.id });
}

async function card(relation: Relation, token: string): Promise<{ provider: RelationProvider; store: RelationsStore; card: RelationCard }> {
  const { provider, store } = await signedIn(html`<relation-card relation-id=${relation.id}></relation-card>`, token, 'nl');
  const el = provider.querySelector<RelationCard>('relation-card')!;
  await until(() => !!queryByRole(el, 'button', 'Gegevens exporteren (JSON)'), 'the personal data actions');
  return { provider, store, card: el };
}

describe('<relation-card> personal data', () => {
  const providers: RelationProvider[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) await provider.signOut();
  });

  it('exports everything as the backend gives it, as JSON and as a readable document with every value as text', async () => {
    const relation = await person();
    const opened = await card(relation, 'demo-anna');
    providers.push(opened.provider);
    const expected = await (await clientFor('demo-anna')).exportRelationData({ id: relation.id });

    const json = await download(() => getByRole(opened.card, 'button', 'Gegevens exporteren (JSON)').click());
    expect(json.name).to.match(new RegExp(`^relatie-${relation.number}-gegevens-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const exported = JSON.parse(json.text) as typeof expected;
    expect({ ...exported, exportedAt: '' }).to.deep.equal({ ...expected, exportedAt: '' });

    const readable = await download(() => getByRole(opened.card, 'button', 'Gegevens exporteren (leesbaar)').click());
    expect(readable.name).to.match(/\.html$/);
    const doc = new DOMParser().parseFromString(readable.text, 'text/html');
    expect(doc.querySelector('h1')!.textContent).to.contain(relation.displayName);
    expect(doc.body.textContent).to.contain(secret).and.to.contain(relation.email!);
    expect(doc.querySelector('img'), 'hostile text stays text').to.equal(null);
    expect(doc.querySelectorAll('h2').length).to.equal(7);
  });

  it('offers anonymising to admins only', async () => {
    const relation = await person();
    const asBram = await card(relation, 'demo-bram');
    providers.push(asBram.provider);
    expect(queryByRole(asBram.card, 'button', 'Anonimiseren…')).to.equal(undefined);
    await asBram.provider.signOut();
    providers.pop();
    const asAnna = await card(relation, 'demo-anna');
    providers.push(asAnna.provider);
    expect(accessibleName(getByRole(asAnna.card, 'button', 'Anonimiseren…'))).to.equal('Anonimiseren…');
  });

  it('anonymises after the name is typed exactly; a colleague’s cache then holds no personal value', async () => {
    const relation = await person();
    const server = await clientFor('demo-anna');
    // Bram's browser has the relation cached, with its moment.
    const bram = await signedIn(html``, 'demo-bram');
    providers.push(bram.provider);
    expect((await bram.store.getRelation(relation.id))?.displayName).to.equal(relation.displayName);

    const anna = await card(relation, 'demo-anna');
    providers.push(anna.provider);
    getByRole(anna.card, 'button', 'Anonimiseren…').click();
    const field = await (async () => {
      await until(() => !!queryByRole(anna.card, 'textbox', `Typ ter bevestiging de naam: ${relation.displayName}`), 'the dialog');
      return getByRole<HTMLInputElement>(anna.card, 'textbox', `Typ ter bevestiging de naam: ${relation.displayName}`);
    })();
    await expect(anna.card).to.be.accessible();
    field.value = relation.displayName.slice(0, -1) + 'x';
    field.dispatchEvent(new Event('input'));
    getByRole(anna.card, 'button', 'Definitief anonimiseren').click();
    await until(() => anna.card.shadowRoot!.innerHTML.length > 0 && deepText(anna.card).includes('Dit is niet precies de naam van de relatie.'), 'the mismatch');
    expect((await server.getRelation({ id: relation.id })).displayName, 'nothing sent').to.equal(relation.displayName);

    field.value = relation.displayName;
    field.dispatchEvent(new Event('input'));
    getByRole(anna.card, 'button', 'Definitief anonimiseren').click();
    await until(async () => (await server.getRelation({ id: relation.id })).status === 'archived', 'the anonymisation');
    await until(() => deepText(anna.card).includes('is geanonimiseerd'), 'the announcement');

    await bram.store.revalidate();
    const cached = await bram.store.getRelation(relation.id);
    expect(cached?.displayName).to.equal('Geanonimiseerd');
    const kept = JSON.stringify([cached, await bram.store.addressesOf(relation.id), await bram.store.contactMomentsOf(relation.id)]);
    for (const value of [relation.person!.lastName, relation.email!, 'Geheimstraat', 'Geheim <img']) {
      expect(kept, value).not.to.contain(value);
    }
  });
});

/** The text of an element and every shadow root below it. */
function deepText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const shadow = (node as Element).shadowRoot;
    if (shadow) shadow.childNodes.forEach(walk);
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join(' ');
}
