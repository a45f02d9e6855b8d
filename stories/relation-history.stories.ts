import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import type { Relation } from '../src/contract/index.js';
import '../src/elements/relation-history/relation-history.js';
import { addAddress, createRelation, findRelation, fresh, patchRelation } from './story-data.js';
import { withProvider } from './with-provider.js';

interface HistoryArgs {
  pageSize: number;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

interface Loaded {
  relation: Relation;
}

function panel(relation: Relation, args: HistoryArgs, offline = false): TemplateResult {
  return withProvider(
    html`<div style="max-width: 36rem; height: 100%; overflow: auto; padding: 1rem; box-sizing: border-box">
      <relation-history relation-id=${relation.id} page-size=${args.pageSize}></relation-history>
    </div>`,
    { locale: args.locale, theme: args.theme, offline },
  );
}

/** A relation of its own with a history: Anna creates it, Bram changes it, Anna adds an address. */
async function relationWithHistory(): Promise<Loaded> {
  const created = await createRelation({ kind: 'organization', organization: { name: fresh('Geschiedenis B.V.') } });
  const edited = await patchRelation(created.id, created.version, { email: 'info@geschiedenis.example', organization: { kvkNumber: '34215678' } }, 'demo-bram');
  await patchRelation(edited.id, edited.version, { status: 'lead' }, 'demo-anna');
  await addAddress(created.id, { purposes: ['visiting', 'postal'], street: 'Oudegracht', houseNumber: '12', postalCode: '3511AB', city: 'Utrecht' });
  return { relation: created };
}

const meta: Meta<HistoryArgs> = {
  title: 'Elements/relation-history',
  component: 'relation-history',
  args: { pageSize: 20, locale: 'nl', theme: 'light' },
  argTypes: {
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  loaders: [relationWithHistory],
  render: (args, { loaded }) => panel((loaded as Loaded).relation, args),
};
export default meta;

type Story = StoryObj<HistoryArgs>;

/** Created by Anna, changed by Bram (e-mail, KvK number), made a lead, an address added. */
export const Changes: Story = {};

/** Two entries a page: "Oudere wijzigingen laden" loads the rest. */
export const Paged: Story = { args: { pageSize: 2 } };

/** A seeded relation: no change recorded since the backend started. */
export const NothingYet: Story = {
  loaders: [async (): Promise<Loaded> => ({ relation: await findRelation('Bedrijf Dos') })],
};

/** Offline: history is read from the backend only, so a note says so, with a retry. */
export const Offline: Story = { render: (args, { loaded }) => panel((loaded as Loaded).relation, args, true) };
