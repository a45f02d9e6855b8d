import { css, unsafeCSS, type CSSResult } from 'lit';

export type Theme = 'light' | 'dark';

/**
 * The global design tokens, each as `--relation-<name>`, with their light and dark values. This table is
 * the only place a default colour or size is written: element styles read the private `--_<name>` copies
 * that `tokenStyles` derives from it, so every token a host sets reaches every element.
 */
export const tokens = {
  'color-surface': { light: '#ffffff', dark: '#1c1e22' },
  'color-surface-alt': { light: '#f5f6f8', dark: '#25282d' },
  'color-text': { light: '#1b1d21', dark: '#e9eaec' },
  'color-text-muted': { light: '#5b6270', dark: '#a7adb8' },
  'color-border': { light: '#d5d9e0', dark: '#3c4048' },
  'color-accent': { light: '#1f5fbf', dark: '#7fb0ff' },
  'color-on-accent': { light: '#ffffff', dark: '#0b1a33' },
  'color-focus': { light: '#1f5fbf', dark: '#9cc2ff' },
  'color-selected': { light: '#e5eefc', dark: '#213553' },
  'color-danger': { light: '#b3261e', dark: '#ffb4ab' },
  'color-warning': { light: '#8a5300', dark: '#ffcf86' },
  'color-success': { light: '#1d6b34', dark: '#8fd9a0' },
  'font-family': { light: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', dark: 'inherit' },
  'font-size': { light: '0.875rem', dark: 'inherit' },
  'radius': { light: '6px', dark: 'inherit' },
  'space': { light: '0.5rem', dark: 'inherit' },
  'row-height': { light: '2.25rem', dark: 'inherit' },
  'shadow': { light: '0 1px 3px rgb(0 0 0 / 0.12)', dark: '0 1px 3px rgb(0 0 0 / 0.6)' },
} as const satisfies Record<string, Record<Theme, string>>;

export type TokenName = keyof typeof tokens;

const names = Object.keys(tokens) as TokenName[];

/** The declarations that set every global token to its value in `theme`; "inherit" keeps the light one. */
function declarations(theme: Theme): string {
  return names
    .filter((name) => tokens[name][theme] !== 'inherit')
    .map((name) => `--relation-${name}: ${tokens[name][theme]};`)
    .join('\n');
}

/**
 * Private copies of the tokens on every element's host, defaulting to the light theme, so an element looks
 * right with no provider and no host CSS at all.
 */
export const tokenStyles: CSSResult = css`
  :host {
    ${unsafeCSS(names.map((name) => `--_${name}: var(--relation-${name}, ${tokens[name].light});`).join('\n'))}
  }
`;

/** The tokens of one theme, for `:host` of the provider (or any container a host styles). */
export function themeDeclarations(theme: Theme): CSSResult {
  return unsafeCSS(declarations(theme));
}
