import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import type { Relation } from '../src/contract/index.js';
import '../src/elements/relation-duplicates/relation-duplicates.js';
import '../src/elements/relation-merge/relation-merge.js';
import { addAddress, createRelation, fresh } from './story-data.js';
import { withProvider } from './with-provider.js';

const opened = action('relation-open');
const saved = action('relation-saved');

interface Args {
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

interface Loaded {
  pair: [Relation, Relation];
}

/** Two organizations of their own that share an e-mail address: a likely duplicate pair. */
async function twins(): Promise<Loaded> {
  const name = fresh('Tweeling');
  const email = `tweeling-${Date.now()}@example.nl`;
  const first = await createRelation({ kind: 'organization', organization: { name: `${name} B.V.` }, email, phone: '030 111 2233' });
  const second = await createRelation({ kind: 'organization', organization: { name: `${name} BV`, website: 'tweeling.nl' }, email });
  await addAddress(second.id, { purposes: ['visiting'], street: 'Dubbelstraat', houseNumber: '2', postalCode: '3511AB', city: 'Utrecht' });
  return { pair: [first, second] };
}

function page(content: TemplateResult, args: Args, offline = false): TemplateResult {
  return withProvider(
    html`<div style="max-width: 48rem; height: 100%; overflow: auto; padding: 1rem; box-sizing: border-box"
      @relation-open=${(e: CustomEvent) => opened(e.detail)} @relation-saved=${(e: CustomEvent) => saved(e.detail)}>${content}</div>`,
    { locale: args.locale, theme: args.theme, offline },
  );
}

const meta: Meta<Args> = {
  title: 'Elements/relation-duplicates',
  component: 'relation-duplicates',
  args: { locale: 'nl', theme: 'light' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  loaders: [twins],
  render: (args) => page(html`<relation-duplicates></relation-duplicates>`, args),
};
export default meta;

type Story = StoryObj<Args>;

/** Every likely pair the backend finds, with why; Anna (an admin) may merge, everyone may dismiss. */
export const Pairs: Story = {};

/** `<relation-merge>` on its own: each field side by side, the other's value taken where the first has none. */
export const Merge: Story = {
  render: (args, { loaded }) => {
    const [a, b] = (loaded as Loaded).pair;
    return page(html`<relation-merge relation-id=${a.id} other-id=${b.id}></relation-merge>`, args);
  },
};

/** Offline: duplicates are looked for online only, so a note says so, with a retry. */
export const Offline: Story = { render: (args) => page(html`<relation-duplicates></relation-duplicates>`, args, true) };
