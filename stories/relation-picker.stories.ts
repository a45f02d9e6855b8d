import type { Meta, StoryObj } from '@storybook/web-components';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { action } from 'storybook/actions';
import '../src/elements/relation-picker/relation-picker.js';
import type { RelationPicker } from '../src/elements/relation-picker/relation-picker.js';
import { withProvider } from './with-provider.js';

/** Shown in Storybook's Actions panel: what the host's form receives. */
const changed = action('change');
const submitted = action('submit');

interface PickerArgs {
  roleFilter: '' | 'debtor' | 'creditor';
  kind: '' | 'organization' | 'person';
  required: boolean;
  disabled: boolean;
  label: string;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

/** The form a host writes: the picker's value arrives in FormData under its name. */
function submit(event: SubmitEvent): void {
  event.preventDefault();
  submitted(Object.fromEntries(new FormData(event.target as HTMLFormElement)));
}

const meta: Meta<PickerArgs> = {
  title: 'Elements/relation-picker',
  component: 'relation-picker',
  args: { roleFilter: '', kind: '', required: false, disabled: false, label: '', locale: 'nl', theme: 'light' },
  argTypes: {
    roleFilter: { control: 'inline-radio', options: ['', 'debtor', 'creditor'] },
    kind: { control: 'inline-radio', options: ['', 'organization', 'person'] },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) =>
    withProvider(html`<form style="display: grid; gap: 0.5rem; padding: 1rem; max-width: 28rem" @submit=${submit}>
      <relation-picker name="relation" role-filter=${ifDefined(args.roleFilter || undefined)} kind=${ifDefined(args.kind || undefined)}
        label=${ifDefined(args.label || undefined)} ?required=${args.required} ?disabled=${args.disabled}
        @change=${(e: Event) => changed((e.target as RelationPicker).value)}></relation-picker>
      <div style="display: flex; gap: 0.5rem"><button type="submit">Submit</button><button type="reset">Reset</button></div>
    </form>`, { locale: args.locale, theme: args.theme }),
};
export default meta;

type Story = StoryObj<PickerArgs>;

export const InAForm: Story = {};
/** For an invoice: only debtors, with their debtor number. */
export const Debtors: Story = { args: { roleFilter: 'debtor', required: true, label: 'Debiteur' } };
export const PersonsOnly: Story = { args: { kind: 'person' } };
export const Disabled: Story = { args: { disabled: true } };
export const English: Story = { args: { locale: 'en', required: true } };
export const Dark: Story = { args: { theme: 'dark' } };
