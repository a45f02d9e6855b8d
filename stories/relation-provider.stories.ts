import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { tokens, type TokenName } from '../src/theme/tokens.js';

interface ProviderArgs {
  locale: 'nl' | 'en';
  theme: 'light' | 'dark' | 'auto';
  'base-url': string;
}

const meta: Meta<ProviderArgs> = {
  title: 'Elements/relation-provider',
  component: 'relation-provider',
  args: { locale: 'nl', theme: 'light', 'base-url': '/api/v1' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
};
export default meta;

type Story = StoryObj<ProviderArgs>;

const colourTokens = (Object.keys(tokens) as TokenName[]).filter((name) => name.startsWith('color-'));

/** Every colour token as the provider resolves it: what elements inside it paint with. */
const swatches = html`
  <ul style="display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:.5rem;padding:1rem;margin:0;list-style:none;background:var(--relation-color-surface);color:var(--relation-color-text);font-family:var(--relation-font-family)">
    ${colourTokens.map(
      (name) => html`<li style="display:flex;gap:.5rem;align-items:center">
        <span style="width:2rem;height:2rem;border:1px solid var(--relation-color-border);border-radius:var(--relation-radius);background:var(--relation-${name})"></span>
        <code>--relation-${name}</code>
      </li>`,
    )}
  </ul>
`;

export const Light: Story = {
  render: (args) => html`<relation-provider locale=${args.locale} theme=${args.theme} base-url=${args['base-url']}>
    ${swatches}
  </relation-provider>`,
};

export const Dark: Story = { ...Light, args: { theme: 'dark' } };

export const FollowsTheSystem: Story = { ...Light, args: { theme: 'auto' } };
