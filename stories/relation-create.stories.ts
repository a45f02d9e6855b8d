import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import type { Relation } from '../src/contract/index.js';
import { findRelation, whenReady } from './story-data.js';
import { withProvider } from './with-provider.js';

/** Shown in Storybook's Actions panel: what a host would route on. */
const created = action('relation-created');
const opened = action('relation-open');

interface CreateArgs {
  kind: 'organization' | 'person';
  lead: boolean;
  width: string;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

function form(args: CreateArgs): TemplateResult {
  return html`<div style="width: ${args.width}; max-width: 100%; height: 100%; overflow: auto; padding: 1rem; box-sizing: border-box">
    <relation-create kind=${args.kind} ?lead=${args.lead}
      @relation-created=${(e: CustomEvent<{ id: string; relation: Relation }>) => created(e.detail)}
      @relation-open=${(e: CustomEvent<{ id: string }>) => opened(e.detail)}></relation-create>
  </div>`;
}

/** Types `value` into the form's field of `path`, as a user would: the form hears the same input event. */
async function type(provider: HTMLElement, path: string, value: string): Promise<void> {
  const element = provider.querySelector('relation-create')!;
  await element.updateComplete;
  const input = element.shadowRoot!.querySelector<HTMLInputElement>(`#create-${path.replaceAll('.', '-')}`)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const meta: Meta<CreateArgs> = {
  title: 'Elements/relation-create',
  component: 'relation-create',
  args: { kind: 'organization', lead: false, width: '36rem', locale: 'nl', theme: 'light' },
  argTypes: {
    kind: { control: 'inline-radio', options: ['organization', 'person'] },
    width: { control: 'text' },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) => withProvider(form(args), { locale: args.locale, theme: args.theme }),
};
export default meta;

type Story = StoryObj<CreateArgs>;

/** A new organization: its name first; KvK, e-mail and phone beside it, more behind "more details". */
export const Organization: Story = {};

/** A new person: last name, initials, first name and infix first. */
export const Person: Story = { args: { kind: 'person' } };

/** Created as a lead rather than a relation. */
export const AsLead: Story = { args: { lead: true } };

/**
 * The KvK number and name of a seeded organization (Bedrijf Uno B.V.) typed into the form once the store is
 * open: the backend lists it as a likely duplicate, with the reasons, to open instead. Type a known KvK
 * number, e-mail address or name in any other story to see the same.
 */
export const DuplicateWarning: Story = {
  loaders: [async () => ({ existing: await findRelation('Bedrijf Uno') })],
  render: (args, { loaded }) => {
    const existing = (loaded as { existing: Relation }).existing;
    return html`<div style="display: contents" @relation-store-ready=${whenReady(async (_store, provider) => {
      await type(provider, 'organization.name', existing.organization!.name.replace(/ B\.V\.$/, ''));
      await type(provider, 'organization.kvkNumber', existing.organization!.kvkNumber ?? '');
    })}>${withProvider(form(args), { locale: args.locale, theme: args.theme })}</div>`;
  },
};

export const English: Story = { args: { locale: 'en' } };

/** In a host's 360px side panel: the fields stack. */
export const Narrow: Story = { args: { width: '360px' } };
