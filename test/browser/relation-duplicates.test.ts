import { expect, html, oneEvent } from '@open-wc/testing';
import type { Relation } from '../../src/contract/index.js';
import type { RelationDuplicates, RelationProvider, RelationSavedEvent } from '../../src/index.js';
import '../../src/elements/relation-duplicates/relation-duplicates.js';
import type { RelationsStore } from '../../src/store/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { accessibleName, allByRole, getByRole, queryByRole } from './harness/roles.js';

/*
 * Likely duplicates and merging them, against the reference backend. The pairs expected come from the
 * backend's listDuplicates; the merge's result from the backend's relations afterwards.
 */

/** Two organizations of the test's own with the same e-mail: a pair `listDuplicates` lists. */
async function twins(): Promise<[Relation, Relation]> {
  const anna = await clientFor('demo-anna');
  const tag = Math.random().toString(36).slice(2, 8);
  const email = `tweeling-${tag}@example.nl`;
  const first = await anna.createRelation({ body: { kind: 'organization', organization: { name: `Tweeling ${tag} B.V.` }, email, phone: '030 111 2233' } });
  const second = await anna.createRelation({ body: { kind: 'organization', organization: { name: `Tweeling ${tag} BV`, website: 'tweeling.nl' }, email } });
  await anna.createAddress({ id: second.id, body: { purposes: ['visiting'], street: 'Dubbelstraat', houseNumber: '2', postalCode: '3511AB', city: 'Utrecht' } });
  return [first, second];
}

async function mounted(token: string): Promise<{ provider: RelationProvider; store: RelationsStore; el: RelationDuplicates }> {
  const { provider, store } = await signedIn(html`<relation-duplicates page-size="500"></relation-duplicates>`, token, 'nl');
  const el = provider.querySelector<RelationDuplicates>('relation-duplicates')!;
  await until(() => !!queryByRole(el, 'list') || !!queryByRole(el, 'status'), 'the pairs');
  return { provider, store, el };
}

const pairItem = (el: Element, a: Relation, b: Relation) => `${a.displayName} en ${b.displayName}`;

describe('<relation-duplicates> and <relation-merge>', () => {
  const providers: RelationProvider[] = [];
  afterEach(async () => {
    for (const provider of providers.splice(0)) await provider.signOut();
  });

  it('lists the backend’s pairs with their reasons, passes axe, and forgets a dismissed pair for everyone', async () => {
    const [a, b] = await twins();
    const { provider, el } = await mounted('demo-bram');
    providers.push(provider);
    await until(() => !!queryByRole(el, 'listitem', pairItem(el, a, b)), 'the new pair');
    const server = await clientFor('demo-anna');
    const expected = [];
    for await (const page of server.pages('listDuplicates', { limit: 500 })) expected.push(...page.items);
    expect(allByRole(el, 'listitem').length).to.equal(expected.length);
    const item = getByRole(el, 'listitem', pairItem(el, a, b));
    expect(item.textContent).to.contain('zelfde e-mail');
    expect(queryByRole(item, 'button', 'Samenvoegen…'), 'a member merges nothing').to.equal(undefined);
    await expect(el).to.be.accessible();

    const opened = oneEvent(provider, 'relation-open');
    getByRole(item, 'button', a.displayName).click();
    expect(((await opened) as CustomEvent<{ id: string }>).detail.id).to.equal(a.id);

    getByRole(item, 'button', 'Geen dubbele').click();
    await until(() => !queryByRole(el, 'listitem', pairItem(el, a, b)), 'the pair gone');
    const after = [];
    for await (const page of server.pages('listDuplicates', { limit: 500 })) after.push(...page.items);
    expect(after.some((pair) => pair.relationIds.includes(a.id) && pair.relationIds.includes(b.id))).to.equal(false);
  });

  it('lets an admin choose each field and merge: the backend keeps the one, archives the other, moves its address', async () => {
    const [a, b] = await twins();
    const { provider, el } = await mounted('demo-anna');
    providers.push(provider);
    await until(() => !!queryByRole(el, 'listitem', pairItem(el, a, b)), 'the new pair');
    getByRole(getByRole(el, 'listitem', pairItem(el, a, b)), 'button', 'Samenvoegen…').click();
    const merge = () => el.shadowRoot!.querySelector('relation-merge')!;
    await until(() => !!merge()?.shadowRoot?.querySelector('table'), 'the merge table');
    await expect(el).to.be.accessible();
    // The website only the other has is taken by default; the name is the one that stays unless chosen.
    const radio = (name: string) => getByRole<HTMLInputElement>(merge(), 'radio', name);
    expect(radio('Website: https://tweeling.nl').checked).to.equal(true);
    expect(radio(`Naam: ${a.organization!.name}`).checked).to.equal(true);
    radio(`Naam: ${b.organization!.name}`).click();

    const saved = oneEvent(provider, 'relation-saved');
    getByRole(merge(), 'button', 'Samenvoegen').click();
    const { detail } = (await saved) as RelationSavedEvent;
    const server = await clientFor('demo-anna');
    const [stays, gone, addresses] = await Promise.all([
      server.getRelation({ id: a.id }), server.getRelation({ id: b.id }), server.listAddresses({ id: a.id }),
    ]);
    expect(detail.relation).to.deep.equal(stays);
    expect([stays.organization!.name, stays.organization!.website, stays.phone]).to.deep.equal([b.organization!.name, 'https://tweeling.nl', a.phone]);
    expect([gone.status, gone.mergedInto]).to.deep.equal(['archived', a.id]);
    expect(addresses.items.map((address) => address.street)).to.deep.equal(['Dubbelstraat']);
    await until(() => !queryByRole(el, 'listitem', pairItem(el, a, b)), 'the merged pair gone from the list');
    expect(accessibleName(getByRole(merge(), 'status'))).to.contain('is samengevoegd met');
  });
});
