import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { action } from 'storybook/actions';
import { withProvider } from './with-provider.js';

/** Shown in Storybook's Actions panel: what a host would route on. */
const changed = action('label-filter-change');

interface FilterArgs {
  mode: 'all' | 'any';
  manageable: boolean;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

const meta: Meta<FilterArgs> = {
  title: 'Elements/label-filter',
  component: 'label-filter',
  args: { mode: 'all', manageable: false, locale: 'nl', theme: 'light' },
  argTypes: {
    mode: { control: 'inline-radio', options: ['all', 'any'] },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) =>
    withProvider(html`<div style="width: 16rem; padding: 1rem">
      <label-filter mode=${args.mode} ?manageable=${args.manageable}
        @label-filter-change=${(e: CustomEvent) => changed(e.detail)}></label-filter>
    </div>`, { locale: args.locale, theme: args.theme }),
};
export default meta;

type Story = StoryObj<FilterArgs>;

export const Standalone: Story = {};
export const MatchAny: Story = { args: { mode: 'any' } };
export const Manage: Story = { args: { manageable: true } };
export const English: Story = { args: { locale: 'en', manageable: true } };
export const Dark: Story = { args: { theme: 'dark', manageable: true } };

/** In the host's sidebar, driving an overview elsewhere on the page through `for`. */
export const DrivingAnOverview: Story = {
  render: (args) =>
    withProvider(html`<div style="display: flex; gap: 1rem; height: 100%">
      <div style="width: 16rem"><label-filter for="overview" mode=${args.mode}></label-filter></div>
      <relation-overview id="overview" style="flex: 1"></relation-overview>
    </div>`, { locale: args.locale, theme: args.theme }),
};
