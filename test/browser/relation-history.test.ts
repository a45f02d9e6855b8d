import { expect, html } from '@open-wc/testing';
import type { HistoryEntry, Relation } from '../../src/contract/index.js';
import '../../src/elements/relation-history/relation-history.js';
import type { RelationHistory } from '../../src/elements/relation-history/relation-history.js';
import type { RelationProvider } from '../../src/index.js';
import { clientFor } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { accessibleName, allByRole, getByRole, queryByRole } from './harness/roles.js';

/** Every entry of a relation's history as the backend lists it, newest first. */
async function historyOf(id: string): Promise<HistoryEntry[]> {
  const server = await clientFor('demo-anna');
  const entries: HistoryEntry[] = [];
  for await (const page of server.pages('listRelationHistory', { id, limit: 100 })) entries.push(...page.items);
  return entries;
}

/**
 * A relation with a history: created by Anna, its e-mail changed by Bram, a label added, an address added
 * and moved to another city. Five entries, made through the API as colleagues would.
 */
async function relationWithHistory(): Promise<{ relation: Relation; label: { id: string; name: string } }> {
  const [anna, bram] = await Promise.all([clientFor('demo-anna'), clientFor('demo-bram')]);
  const name = `Geschiedenis ${Math.random().toString(36).slice(2, 8)} B.V.`;
  const created = await anna.createRelation({ body: { kind: 'organization', organization: { name } } });
  const edited = await bram.updateRelation({ id: created.id, ifMatch: created.version, body: { email: 'info@geschiedenis.nl' } });
  const label = await anna.createLabel({ body: { name: `Historisch ${name.slice(13, 19)}`, color: '#336699' } });
  await anna.updateRelationLabels({ body: { relationIds: [edited.id], addLabelIds: [label.id] } });
  const address = await anna.createAddress({
    id: created.id, body: { purposes: ['visiting'], street: 'Oudegracht', houseNumber: '12', postalCode: '3511AB', city: 'Utrecht' },
  });
  await bram.updateAddress({ id: address.id, ifMatch: address.version, body: { city: 'Amersfoort', postalCode: '3811AB' } });
  return { relation: await anna.getRelation({ id: created.id }), label };
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

const words = {
  nl: {
    what: { 'relation created': 'Relatie toegevoegd', 'relation updated': 'Relatie gewijzigd', 'address created': 'Adres toegevoegd', 'address updated': 'Adres gewijzigd' } as Record<string, string>,
    by: (name: string) => `door ${name}`,
    more: 'Oudere wijzigingen laden',
    email: 'E-mail',
    labels: 'Labels',
    city: 'Plaats',
  },
  en: {
    what: { 'relation created': 'Relation added', 'relation updated': 'Relation changed', 'address created': 'Address added', 'address updated': 'Address changed' } as Record<string, string>,
    by: (name: string) => `by ${name}`,
    more: 'Load older changes',
    email: 'E-mail',
    labels: 'Labels',
    city: 'City',
  },
};

for (const locale of ['nl', 'en'] as const) {
  describe(`<relation-history> in ${locale}`, () => {
    let provider: RelationProvider;
    const w = words[locale];

    afterEach(() => provider.signOut());

    it('lists what changed, by whom, field by field, newest first, page by page, and passes axe', async () => {
      const { relation, label } = await relationWithHistory();
      const entries = await historyOf(relation.id);
      expect(entries.map((e) => `${e.entity} ${e.action}`)).to.deep.equal([
        'address updated', 'address created', 'relation updated', 'relation updated', 'relation created',
      ]);
      ({ provider } = await signedIn(html`<relation-history page-size="2" relation-id=${relation.id}></relation-history>`, 'demo-anna', locale));
      const el = provider.querySelector<RelationHistory>('relation-history')!;
      const items = () => [...el.shadowRoot!.querySelectorAll('li')];
      await until(() => items().length === 2, 'the first page');
      await expect(el).to.be.accessible();

      while (queryByRole(el, 'button', w.more)) {
        const shown = items().length;
        getByRole(el, 'button', w.more).click();
        await until(() => items().length > shown, 'the next page');
      }
      expect(allByRole(el, 'heading').map(accessibleName)).to.deep.equal(entries.map((e) => w.what[`${e.entity} ${e.action}`]));
      items().forEach((item, i) => expect(squash(item.textContent!)).to.contain(w.by(entries[i]!.actorName)));

      // Each field by its name, with the value before and after as text: the label by its name, not its id.
      const fields = (item: Element) =>
        [...item.querySelectorAll('dt')].map((dt) => `${squash(dt.textContent!)}: ${squash(dt.nextElementSibling!.textContent!)}`);
      const [moved, , labelled, emailed] = items();
      const becomes = locale === 'nl' ? 'wordt' : 'becomes';
      expect(fields(moved!)).to.include(`${w.city}: Utrecht → ${becomes} Amersfoort`);
      expect(fields(labelled!)).to.deep.equal([`${w.labels}: ${label.name}`]);
      expect(fields(emailed!)).to.deep.equal([`${w.email}: info@geschiedenis.nl`]);
      expect(squash(emailed!.textContent!)).to.contain(w.by('Bram Jansen'));
    });
  });
}

describe('<relation-history> follows the relation', () => {
  it('shows another relation’s history when relation-id changes, never the one before', async () => {
    const first = await relationWithHistory();
    const anna = await clientFor('demo-anna');
    const second = await anna.createRelation({ body: { kind: 'person', person: { firstName: 'Nieuw', lastName: 'Persoon' } } });
    const { provider } = await signedIn(html`<relation-history relation-id=${first.relation.id}></relation-history>`);
    try {
      const el = provider.querySelector<RelationHistory>('relation-history')!;
      await until(() => el.shadowRoot!.querySelectorAll('li').length === 5, 'the first relation’s history');
      el.relationId = second.id;
      await until(() => el.shadowRoot!.querySelectorAll('li').length === 1, 'the second relation’s one entry');
      expect(accessibleName(getByRole(el, 'heading'))).to.equal('Relatie toegevoegd');
    } finally {
      await provider.signOut();
    }
  });
});
