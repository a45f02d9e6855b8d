import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import '../src/elements/callback-list/callback-list.js';
import { createRelationsClient } from '../src/sdk/index.js';
import { findRelation } from './story-data.js';
import { withProvider } from './with-provider.js';

const relationOpened = action('relation-open');

interface ListArgs {
  filter: 'assigned' | 'requested';
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

/** Bram asks Anna (whom the stories sign in as) to call a relation back, due at `dueAt`. */
async function bramAsksAnna(q: string, message: string, dueAt: string | null): Promise<void> {
  const bram = createRelationsClient({ baseUrl: '/api/v1', getToken: () => 'demo-bram' });
  const [relation, users] = await Promise.all([findRelation(q), bram.listUsers()]);
  const anna = users.items.find((user) => user.name.startsWith('Anna'));
  if (anna) await bram.createCallbackRequest({ body: { relationId: relation.id, assigneeId: anna.id, message, phone: relation.phone, dueAt } });
}

function list(args: ListArgs, options: { offline?: boolean } = {}): TemplateResult {
  return withProvider(
    html`<div style="max-width: 40rem; padding: 1rem; overflow: auto">
      <callback-list filter=${args.filter} @relation-open=${(e: CustomEvent) => relationOpened(e.detail)}></callback-list>
    </div>`,
    { locale: args.locale, theme: args.theme, offline: options.offline },
  );
}

const meta: Meta<ListArgs> = {
  title: 'Elements/callback-list',
  component: 'callback-list',
  args: { filter: 'assigned', locale: 'nl', theme: 'light' },
  argTypes: {
    filter: { control: 'inline-radio', options: ['assigned', 'requested'] },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) => list(args),
};
export default meta;

type Story = StoryObj<ListArgs>;

/** Anna's callbacks: one overdue (due an hour ago), one due tomorrow, as Bram asked for them. */
export const AssignedToMe: Story = {
  loaders: [
    async () => {
      await bramAsksAnna('Bedrijf Uno', 'Klant wacht op de offerte, graag vandaag nog bellen.', new Date(Date.now() - 3600_000).toISOString());
      await bramAsksAnna('Bedrijf Dos', 'Vraag naar de nieuwe contactpersoon.', new Date(Date.now() + 24 * 3600_000).toISOString());
      return {};
    },
  ],
};

/** What Anna asked colleagues for. */
export const RequestedByMe: Story = { args: { filter: 'requested' } };

/** Offline: the list as it was last seen, saying so. */
export const Offline: Story = { render: (args) => list(args, { offline: true }) };
