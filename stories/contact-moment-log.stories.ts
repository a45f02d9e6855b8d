import type { Meta, StoryObj } from '@storybook/web-components';
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { action } from 'storybook/actions';
import type { ContactMomentCreate, Relation } from '../src/contract/index.js';
import '../src/elements/contact-moment-log/contact-moment-log.js';
import type { RelationsStore } from '../src/store/index.js';
import { createRelation, findRelation, fresh, whenReady } from './story-data.js';
import { withProvider } from './with-provider.js';

/** Shown in Storybook's Actions panel: what a host would listen for. */
const saved = action('contact-moment-saved');
const callback = action('callback-request-open');

interface LogArgs {
  width: string;
  locale: 'nl' | 'en';
  theme: 'light' | 'dark';
}

interface Loaded {
  relation: Relation;
}

/** A date `days` from today in the viewer's time zone. */
function day(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * The log of `relation` in a host's column, with `setUp` run once the provider's store is open and synced.
 * Keyed by the relation, so a relation the loader creates anew gets a provider, and a set-up, of its own.
 */
function log(relation: Relation, args: LogArgs, setUp?: (store: RelationsStore, provider: HTMLElement) => Promise<void>, offline = false): TemplateResult {
  const content = withProvider(
    html`<div style="width: ${args.width}; max-width: 100%; height: 100%; overflow: auto; padding: 0.5rem; box-sizing: border-box">
      <contact-moment-log relation-id=${relation.id}
        @contact-moment-saved=${(e: CustomEvent) => saved(e.detail)}
        @callback-request-open=${(e: CustomEvent) => callback(e.detail)}></contact-moment-log>
    </div>`,
    { locale: args.locale, theme: args.theme, offline },
  );
  return html`${keyed(relation.id, html`<div style="display: contents" @relation-store-ready=${whenReady(setUp ?? (() => undefined))}>${content}</div>`)}`;
}

/** Writes moments about `relation` as the backend's own client does, `batch` at a time, then syncs the store. */
async function writeMoments(store: RelationsStore, bodies: ContactMomentCreate[], batch = 25): Promise<void> {
  for (let i = 0; i < bodies.length; i += batch) {
    await Promise.all(bodies.slice(i, i + batch).map((body) => store.client.createContactMoment({ body })));
  }
  await store.sync();
}

const freshOrganization = (name: string) => async () => ({
  relation: await createRelation({ kind: 'organization', organization: { name: fresh(name) } }),
});

const meta: Meta<LogArgs> = {
  title: 'Elements/contact-moment-log',
  component: 'contact-moment-log',
  args: { width: '100%', locale: 'nl', theme: 'light' },
  argTypes: {
    width: { control: 'text' },
    locale: { control: 'inline-radio', options: ['nl', 'en'] },
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  loaders: [async () => ({ relation: await findRelation('Bedrijf Uno') })],
  render: (args, { loaded }) => log((loaded as Loaded).relation, args),
};
export default meta;

type Story = StoryObj<LogArgs>;

/** Bedrijf Uno's seeded log: the annual meeting with D. Irecteur, its open agreement on top. */
export const Organization: Story = {};

/** D. Irecteur's log: the moments he was the contact person of, each naming the organization it was about. */
export const Person: Story = {
  loaders: [async () => ({ relation: await findRelation('Irecteur') })],
};

/** A relation without moments yet. */
export const Empty: Story = { loaders: [freshOrganization('Leeg Logboek B.V.')] };

/** Open agreements on top: one overdue (marked in words), one due later, one without a date. */
export const WithAgreements: Story = {
  name: 'With agreements & overdue',
  loaders: [freshOrganization('Afspraken B.V.')],
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    return log(relation, args, (store) => writeMoments(store, [{
      relationId: relation.id, kind: 'meeting', subject: 'Voortgangsoverleg',
      body: 'Planning doorgenomen. Zie https://example.com/planning voor de stand van zaken.',
      agreements: [
        { text: 'Offerte aanpassen', dueDate: day(-4) },
        { text: 'Demo inplannen', dueDate: day(9) },
        { text: 'Contract ondertekenen', dueDate: null },
      ],
    }]));
  },
};

/** The compose form open, as after pressing "Nieuw contactmoment". */
export const ComposeOpen: Story = {
  name: 'Compose open',
  render: (args, { loaded }) => log((loaded as Loaded).relation, args, async (_store, provider) => {
    const element = provider.querySelector('contact-moment-log')!;
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('.compose-button')?.click();
  }),
};

/**
 * No network: a moment written now waits in the outbox, marked as queued, until the connection is back.
 * The store opens offline only after a first online visit: open the Organization story first (same browser).
 */
export const OfflineQueued: Story = {
  name: 'Offline, queued',
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    return log(relation, args, async (store) => {
      await store.write('createContactMoment', { body: { relationId: relation.id, kind: 'call', subject: 'Gebeld zonder verbinding' } });
    }, true);
  },
};

/** A private moment: only its author sees it, and the log marks it. */
export const Private: Story = {
  loaders: [freshOrganization('Vertrouwelijk B.V.')],
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    return log(relation, args, (store) => writeMoments(store, [{
      relationId: relation.id, kind: 'report', subject: 'Gesprek over reorganisatie', visibility: 'private',
      body: 'Alleen voor mij: de klant overweegt een reorganisatie.',
    }]));
  },
};

/** Markup, script, `javascript:` and `data:` links, a direction override and zero-width characters: all shown as text. */
export const HostileText: Story = {
  name: 'Hostile text',
  loaders: [freshOrganization('Vijandige Tekst B.V.')],
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    return log(relation, args, (store) => writeMoments(store, [{
      relationId: relation.id, kind: 'note', subject: '<script>alert(1)</script>\u202Etxt.exe',
      body: `<img src=x onerror=alert(2)> javascript:alert(3) data:text/html,<b>x</b> ze\u200Bro https://example.com mailto:iemand@example.com\n${'lang '.repeat(3000)}`,
      agreements: [{ text: '<b onclick="alert(4)">vet</b>', dueDate: day(-1) }],
    }]));
  },
};

/** Five hundred moments: only a window of rows is in the page, and scrolling reaches the oldest. */
export const LongLog: Story = {
  name: 'Long log',
  loaders: [freshOrganization('Lang Logboek B.V.')],
  render: (args, { loaded }) => {
    const { relation } = loaded as Loaded;
    const start = Date.now() - 500 * 86_400_000;
    const kinds = ['call', 'meeting', 'visit', 'email', 'note', 'report'] as const;
    return log(relation, args, (store) => writeMoments(store, [...Array(500).keys()].map((i) => ({
      relationId: relation.id, kind: kinds[i % kinds.length]!, subject: `Contactmoment ${i + 1}`,
      body: `Verslag van contactmoment ${i + 1}.\nTweede regel.`, occurredAt: new Date(start + i * 86_400_000).toISOString(),
    }))));
  },
};

/** In a host's 360px side panel. */
export const Narrow: Story = { args: { width: '360px' } };

export const English: Story = { args: { locale: 'en' } };
export const Dark: Story = { args: { theme: 'dark' } };
