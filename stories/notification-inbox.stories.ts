import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import { action } from 'storybook/actions';
import '../src/elements/notification-inbox/notification-inbox.js';
import { createRelationsClient } from '../src/sdk/index.js';
import { findRelation } from './story-data.js';
import { withProvider } from './with-provider.js';

const opened = action('notification-open');
const relationOpened = action('relation-open');

interface InboxArgs {
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

/** Bram asks Anna (whom the stories sign in as) to call Bedrijf Uno back: a new notification in her inbox. */
async function bramAsksAnna(message: string): Promise<void> {
  const bram = createRelationsClient({ baseUrl: '/api/v1', getToken: () => 'demo-bram' });
  const [uno, users] = await Promise.all([findRelation('Bedrijf Uno'), bram.listUsers()]);
  const anna = users.items.find((user) => user.name.startsWith('Anna'));
  if (anna) await bram.createCallbackRequest({ body: { relationId: uno.id, assigneeId: anna.id, message } });
}

function inbox(args: InboxArgs, options: { offline?: boolean } = {}): TemplateResult {
  return withProvider(
    html`<div style="display: flex; justify-content: flex-end; padding: 1rem">
      <notification-inbox open
        @notification-open=${(e: CustomEvent) => opened(e.detail)}
        @relation-open=${(e: CustomEvent) => relationOpened(e.detail)}></notification-inbox>
    </div>`,
    { locale: args.locale, theme: args.theme, offline: options.offline },
  );
}

const meta: Meta<InboxArgs> = {
  title: 'Elements/notification-inbox',
  component: 'notification-inbox',
  args: { locale: 'nl', theme: 'light' },
  argTypes: {
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  render: (args) => inbox(args),
};
export default meta;

type Story = StoryObj<InboxArgs>;

/** Anna's inbox, opened, with a callback request Bram just asked for among the newest. */
export const WithNotifications: Story = {
  loaders: [async () => ({ sent: await bramAsksAnna('Kun je Bedrijf Uno terugbellen over de offerte?') })],
};

/** Offline: the inbox as it was last seen, saying it may not be current (open the online story first). */
export const Offline: Story = {
  render: (args) => inbox(args, { offline: true }),
};
