import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { action } from 'storybook/actions';
import type { Relation } from '../src/contract/index.js';
import type { RelationsStore } from '../src/store/index.js';
import { addAddress, createRelation, findRelation, fresh, patchRelation, whenReady } from './story-data.js';
import { withProvider } from './with-provider.js';

/** Shown in Storybook's Actions panel: what a host would route on. */
const opened = action('relation-open');
const saved = action('relation-saved');
const documentOpened = action('document-open');

interface CardArgs {
  layout: 'tabs' | 'page';
  section: string;
  width: string;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

/** What each story's loader gives: the relation to show, as the backend had it. */
interface Loaded {
  relation: Relation;
}

/** The card of `relation` in a host's column of `args.width`, its events in the Actions panel. */
function card(relation: Relation, args: CardArgs, options: { offline?: boolean } = {}): TemplateResult {
  return withProvider(
    html`<div style="width: ${args.width}; max-width: 100%; height: 100%; overflow: auto; border-inline-end: 1px solid var(--relation-color-border, #ccc)">
      <relation-card relation-id=${relation.id} layout=${args.layout} section=${args.section}
        @relation-open=${(e: CustomEvent<{ id: string }>) => opened(e.detail)}
        @relation-saved=${(e: CustomEvent<{ id: string; relation: Relation }>) => saved(e.detail)}
        @document-open=${(e: CustomEvent<{ id: string; module: string; relationId: string }>) => documentOpened(e.detail)}></relation-card>
    </div>`,
    { locale: args.locale, theme: args.theme, offline: options.offline },
  );
}

/**
 * The card, with `setUp` run once the provider's store is open and synced (the ready event bubbles). Keyed
 * by the relation, so a relation the loader creates anew gets a provider, and a set-up, of its own.
 */
function cardThen(relation: Relation, args: CardArgs, setUp: (store: RelationsStore) => Promise<void>): TemplateResult {
  return html`${keyed(relation.id, html`<div style="display: contents" @relation-store-ready=${whenReady(setUp)}>${card(relation, args)}</div>`)}`;
}

const meta: Meta<CardArgs> = {
  title: 'Elements/relation-card',
  component: 'relation-card',
  args: { layout: 'tabs', section: 'details', width: '100%', locale: 'nl', theme: 'light' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['tabs', 'page'] },
    section: { control: 'select', options: ['details', 'addresses', 'people', 'preferences', 'documents'] },
    width: { control: 'text' },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  loaders: [async () => ({ relation: await findRelation('Bedrijf Uno') })],
  render: (args, { loaded }) => card((loaded as Loaded).relation, args),
};
export default meta;

type Story = StoryObj<CardArgs>;

/** A seeded organization: Bedrijf Uno B.V., with its numbers, labels, addresses, people and documents. */
export const Organization: Story = {};

/** A seeded person: D. Irecteur, whose People section lists the three organizations he is part of. */
export const Person: Story = {
  args: { section: 'people' },
  loaders: [async () => ({ relation: await findRelation('Irecteur') })],
};

/** A lead: the header offers to convert it into a relation. */
export const Lead: Story = {
  loaders: [async () => ({ relation: await findRelation('', 'lead') })],
};

/** An archived relation: the header offers to restore it. */
export const Archived: Story = {
  loaders: [async () => ({ relation: await findRelation('', 'archived') })],
};

/**
 * No network: the card from the cache of an earlier visit, with a notice that it is offline. It shows the
 * offline state only after a first online visit: open the Organization story first (same browser), then this one.
 */
export const Offline: Story = {
  render: (args, { loaded }) => card((loaded as Loaded).relation, args, { offline: true }),
};

/**
 * A colleague changed the relation first: once the store is open, Bram changes its name and e-mail on the
 * backend, then Anna's own change of the same fields is written through the store. The backend refuses
 * hers (412), and the details show both values side by side, field by field, to choose from.
 */
export const Conflict: Story = {
  args: { locale: 'en' },
  loaders: [async () => ({ relation: await createRelation({ kind: 'organization', organization: { name: fresh('Botsing B.V.') } }) })],
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    const name = relation.organization!.name;
    return cardThen(relation, args, async (store) => {
      await store.loadRelation(relation.id);
      await patchRelation(relation.id, relation.version, { organization: { name: `${name} (Bram)` }, email: 'bram@botsing.example' }, 'demo-bram');
      await store.write('updateRelation', { id: relation.id, body: { organization: { name: `${name} (Anna)` }, email: 'anna@botsing.example' } });
    });
  },
};

/**
 * A write the backend refuses: a label that does not exist (422). The details say it was not saved and
 * why, and offer to discard the change.
 */
export const Rejected: Story = {
  args: { locale: 'en' },
  loaders: [async () => ({ relation: await createRelation({ kind: 'organization', organization: { name: fresh('Afgewezen B.V.') } }) })],
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    return cardThen(relation, args, async (store) => {
      await store.loadRelation(relation.id);
      await store.write('updateRelation', { id: relation.id, body: { labelIds: [crypto.randomUUID()] } });
    });
  },
};

/** Names, an e-mail address and a street far longer than usual, on one page: they wrap rather than overflow. */
export const LongTexts: Story = {
  args: { width: '480px', layout: 'page' },
  loaders: [
    async () => {
      const relation = await createRelation({
        kind: 'organization',
        organization: {
          name: fresh('Stichting Gezamenlijke Regionale Samenwerkingsverbanden voor Duurzame Energievoorziening en Warmtetransitie Midden-Nederland'),
          website: 'https://www.gezamenlijke-regionale-samenwerkingsverbanden-duurzame-energie.example',
        },
        email: 'administratie.crediteurenadministratie@gezamenlijke-regionale-samenwerkingsverbanden.example',
      });
      await addAddress(relation.id, {
        purposes: ['visiting', 'postal'],
        street: 'Burgemeester Jhr. Mr. Dr. Hendrik Alexander van Karnebeek-Wittewaall van Stoetwegen-Bosch-Langendijklaan',
        houseNumber: '1234',
        houseNumberAddition: 'achterhuis',
        postalCode: '3511 AB',
        city: 'Utrecht',
        country: 'NL',
      });
      return { relation };
    },
  ],
};

/** In a host's 360px side panel: the tabs scroll, the fields stack. */
export const Narrow: Story = { args: { width: '360px' } };

/** All sections on one scrolling page, with anchors to jump to each. */
export const PageLayout: Story = { name: 'Page layout', args: { layout: 'page' } };

export const English: Story = { args: { locale: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
