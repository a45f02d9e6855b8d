import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** Offline: every request fails as it does without a network; the store opens from the cache. */
const offlineFetch: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch (offline story)'));

/**
 * A story's host page: a provider signed in as Anna on the reference backend that Storybook serves at
 * /api/v1 (see .storybook/main.ts), in the story's language and theme.
 */
export function withProvider(
  content: TemplateResult,
  options: { locale?: string; theme?: string; signedIn?: boolean; offline?: boolean } = {},
): TemplateResult {
  return html`<relation-provider base-url="/api/v1" locale=${ifDefined(options.locale)} theme=${options.theme ?? 'light'}
    .getToken=${options.signedIn === false ? undefined : () => 'demo-anna'} .fetch=${options.offline ? offlineFetch : undefined}>
    <div style="height: 640px; display: flex; flex-direction: column; background: var(--relation-color-surface)">${content}</div>
  </relation-provider>`;
}
