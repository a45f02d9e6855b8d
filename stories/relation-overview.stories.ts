import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { withProvider } from './with-provider.js';

/** Shown in Storybook's Actions panel: what a host would route on. */
const opened = action('relation-open');

interface OverviewArgs {
  view: 'relations' | 'leads';
  q: string;
  'role-filter': '' | 'debtor' | 'creditor';
  kind: '' | 'organization' | 'person';
  'show-archived': boolean;
  sort: string;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

const meta: Meta<OverviewArgs> = {
  title: 'Elements/relation-overview',
  component: 'relation-overview',
  args: { view: 'relations', q: '', 'role-filter': '', kind: '', 'show-archived': false, sort: 'name', locale: 'nl', theme: 'light' },
  argTypes: {
    view: { control: 'inline-radio', options: ['relations', 'leads'] },
    'role-filter': { control: 'select', options: ['', 'debtor', 'creditor'] },
    kind: { control: 'select', options: ['', 'organization', 'person'] },
    sort: { control: 'select', options: ['name', '-name', 'number', '-number', 'city', 'debtorNumber', 'creditorNumber', 'email'] },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) =>
    withProvider(
      html`<relation-overview view=${args.view} .q=${args.q} role-filter=${args['role-filter']} kind=${args.kind}
        ?show-archived=${args['show-archived']} sort=${args.sort}
        @relation-open=${(e: CustomEvent<{ id: string }>) => opened(e.detail)}></relation-overview>`,
      { locale: args.locale, theme: args.theme },
    ),
};
export default meta;

type Story = StoryObj<OverviewArgs>;

export const Relations: Story = {};
export const Leads: Story = { args: { view: 'leads' } };
export const Searched: Story = { args: { q: 'utrecht' } };
export const DebtorsByNumber: Story = { args: { 'role-filter': 'debtor', sort: '-number' } };
export const WithArchived: Story = { args: { 'show-archived': true, kind: 'person' } };
export const NoResults: Story = { args: { q: 'zzz-bestaat-niet' } };
export const English: Story = { args: { locale: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };

/** Before the host has signed in: the loading skeleton. */
export const Loading: Story = {
  render: () => withProvider(html`<relation-overview></relation-overview>`, { signedIn: false }),
};

/** No network: the cache from an earlier visit, with a notice (open another story first to fill the cache). */
export const Offline: Story = {
  render: () => withProvider(html`<relation-overview></relation-overview>`, { offline: true }),
};
