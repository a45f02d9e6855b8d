import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Document, Module, Relation } from '../../src/contract/index.js';
import '../../src/elements/internal/relation-card-documents/relation-card-documents.js';
import type { RelationCardDocuments } from '../../src/elements/internal/relation-card-documents/relation-card-documents.js';
import type { DocumentOpenEvent, RelationProvider } from '../../src/index.js';
import type { RelationsStore } from '../../src/store/index.js';
import { backendUrl, clientFor, faultyNetwork } from './backend.js';
import { signedIn, until } from './fixtures.js';
import { accessibleName, allByRole, focused, getByRole, queryByRole } from './harness/roles.js';

type Locale = 'nl' | 'en';

const pageSize = 2;

/** Every document of a relation (in one module) as the backend lists them, newest first. */
async function documentsOf(id: string, module?: string): Promise<Document[]> {
  const server = await clientFor('demo-anna');
  const documents: Document[] = [];
  for await (const page of server.pages('listDocuments', { id, limit: 100, ...(module ? { module } : {}) })) documents.push(...page.items);
  return documents;
}

let seeded: Promise<{ relation: Relation; busiest: string }> | undefined;

/** A seeded relation with more documents in one module than a page holds, and that module. */
function richRelation() {
  seeded ??= (async () => {
    const server = await clientFor('demo-anna');
    for await (const page of server.pages('listRelations', { sort: 'number', limit: 100 })) {
      for (const relation of page.items) {
        const counts = new Map<string, number>();
        for (const document of await documentsOf(relation.id)) counts.set(document.module, (counts.get(document.module) ?? 0) + 1);
        const busiest = [...counts].find(([, n]) => n > pageSize)?.[0];
        if (busiest && counts.size < 4) return { relation, busiest };
      }
    }
    throw new Error('the seed has no relation with a page and more of documents in one module');
  })();
  return seeded;
}

const modulesIn = async (locale: Locale): Promise<Module[]> => (await (await clientFor('demo-anna', { locale })).listModules()).items;

/** What a row must show, computed here from the backend's document with Intl in the locale. */
function expectedRow(document: Document, locale: Locale): string[] {
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const date = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(Number(document.date.slice(0, 4)), Number(document.date.slice(5, 7)) - 1, Number(document.date.slice(8, 10))),
  );
  const amount = document.amount
    ? new Intl.NumberFormat(tag, { style: 'currency', currency: document.amount.currency }).format(parseFloat(document.amount.value))
    : '';
  return [document.number, document.title, date, document.status, amount].map(squash);
}

/** Text as it reads: runs of white space (Intl's no-break spaces among them) as one space. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const cells = (row: Element) => [...row.querySelectorAll('td')].map((cell) => squash(cell.textContent!));

async function mount(provider: RelationProvider, store: RelationsStore, relation: Relation) {
  const el = provider.querySelector<RelationCardDocuments>('relation-card-documents')!;
  el.relation = await store.getRelation(relation.id);
  await until(() => allByRole(el, 'heading').length > 0, 'the modules');
  return el;
}

for (const locale of ['nl', 'en'] as const) {
  describe(`<relation-card-documents> in ${locale}`, () => {
    let provider: RelationProvider;
    let store: RelationsStore;
    const words = {
      nl: { more: (m: string) => `Meer ${m.toLowerCase()} laden`, empty: (m: string) => `Geen ${m.toLowerCase()} voor deze relatie.` },
      en: { more: (m: string) => `Load more ${m.toLowerCase()}`, empty: (m: string) => `No ${m.toLowerCase()} for this relation.` },
    }[locale];

    beforeEach(async () => {
      ({ provider, store } = await signedIn(html`<relation-card-documents page-size=${pageSize}></relation-card-documents>`, 'demo-anna', locale));
    });
    afterEach(() => provider.signOut());

    it('shows each module’s documents with date and amount in the locale, page by page, and passes axe', async () => {
      const { relation, busiest } = await richRelation();
      const el = await mount(provider, store, relation);
      const modules = await modulesIn(locale);
      expect(allByRole(el, 'heading').map(accessibleName)).to.deep.equal(modules.map((module) => module.name));
      for (const module of modules) {
        const documents = await documentsOf(relation.id, module.key);
        const table = queryByRole(el, 'table', module.name);
        if (documents.length === 0) {
          expect(table, module.name).to.equal(undefined);
          const section = getByRole(el, 'heading', module.name).closest('section')!;
          expect(section.textContent).to.contain(words.empty(module.name));
          continue;
        }
        const rows = () => [...table!.querySelectorAll('tbody tr')];
        expect(rows().map(cells)).to.deep.equal(documents.slice(0, pageSize).map((document) => expectedRow(document, locale)));
        if (module.key === busiest) await expect(el).to.be.accessible();
        while (queryByRole(el, 'button', words.more(module.name))) {
          const shown = rows().length;
          getByRole(el, 'button', words.more(module.name)).click();
          await until(() => rows().length > shown, `the next page of ${module.name}`);
        }
        expect(rows().map(cells)).to.deep.equal(documents.map((document) => expectedRow(document, locale)));
      }
    });

    it('fires a cancelable document-open with the document, by mouse and by keyboard', async () => {
      const { relation } = await richRelation();
      const el = await mount(provider, store, relation);
      const [first, second] = await documentsOf(relation.id);
      await until(() => allByRole(el, 'button', first!.number).length === 1, 'the first document');

      const clicked = oneEvent(provider, 'document-open');
      getByRole(el, 'button', first!.number).click();
      const event = (await clicked) as DocumentOpenEvent;
      expect(event.detail).to.deep.equal({ id: first!.id, module: first!.module, relationId: relation.id });
      expect(event.cancelable).to.equal(true);

      // A host that opens the document itself says so; the element lets it.
      const veto = (e: Event) => e.preventDefault();
      provider.addEventListener('document-open', veto);
      const byKeyboard = oneEvent(provider, 'document-open');
      getByRole(el, 'button', second!.number).focus();
      await sendKeys({ press: 'Enter' });
      const keyed = (await byKeyboard) as DocumentOpenEvent;
      expect(keyed.detail).to.deep.equal({ id: second!.id, module: second!.module, relationId: relation.id });
      expect(keyed.defaultPrevented).to.equal(true);
      provider.removeEventListener('document-open', veto);

      // Tab goes from one document's number to the next control, as it reads.
      getByRole(el, 'button', first!.number).focus();
      await sendKeys({ press: 'Tab' });
      const next = focused();
      expect(!!next && el.shadowRoot!.contains(next) && next.localName === 'button', 'Tab moves on within the documents').to.equal(true);
      expect(accessibleName(next!)).not.to.equal(first!.number);
    });
  });
}

describe('<relation-card-documents> with what a host ERP or the network may give it', () => {
  async function provider(fetcher: typeof fetch, locale: Locale = 'nl') {
    const el = await fixture<RelationProvider>(html`<relation-provider base-url=${await backendUrl()} locale=${locale}>
      <relation-card-documents></relation-card-documents>
    </relation-provider>`);
    el.fetch = fetcher;
    const ready = oneEvent(el, 'relation-store-ready');
    el.getToken = () => 'demo-anna';
    const { store } = (await ready).detail;
    await store.sync();
    return { host: el, store };
  }

  it('shows hostile titles and statuses as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned = true"><b>bold</b>';
    const rewriting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (!url.pathname.endsWith('/documents') || !response.ok) return response;
      const body = (await response.json()) as { items: Document[] };
      body.items = body.items.map((document) => ({ ...document, title: hostile, status: hostile }));
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const { host, store } = await provider(rewriting);
    try {
      const { relation } = await richRelation();
      const el = await mount(host, store, relation);
      await until(() => allByRole(el, 'table').length > 0, 'a table');
      const row = el.shadowRoot!.querySelector('tbody tr')!;
      expect(cells(row)[1]).to.equal(hostile);
      expect(cells(row)[3]).to.equal(hostile);
      expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
      expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
    } finally {
      await host.signOut();
    }
  });

  it('says that documents need a connection, and shows them once it is back', async () => {
    const net = faultyNetwork();
    const { host, store } = await provider(net.fetch);
    try {
      const { relation } = await richRelation();
      net.plan.offline = true;
      const el = host.querySelector('relation-card-documents')!;
      el.relation = await store.getRelation(relation.id);
      await until(() => !!queryByRole(el, 'status', /Geen verbinding: documenten zijn alleen online te zien/), 'the offline note', 15_000);
      expect(allByRole(el, 'table')).to.have.length(0);
      await expect(el).to.be.accessible();

      net.plan.offline = false;
      getByRole(el, 'button', 'Opnieuw proberen').click();
      const [first] = await documentsOf(relation.id);
      await until(() => allByRole(el, 'button', first!.number).length === 1, 'the documents after the retry');
    } finally {
      await host.signOut();
    }
  });
});
