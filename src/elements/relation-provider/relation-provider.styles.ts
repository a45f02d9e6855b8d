import { css } from 'lit';
import { themeDeclarations } from '../../theme/tokens.js';

export const providerStyles = css`
  :host {
    /* Layout-transparent: a host wraps any part of its page without changing how that part is laid out. */
    display: contents;
  }
  :host([theme='light']) {
    color-scheme: light;
    ${themeDeclarations('light')}
  }
  :host([theme='dark']) {
    color-scheme: dark;
    ${themeDeclarations('dark')}
  }
  :host([theme='auto']) {
    color-scheme: light dark;
    ${themeDeclarations('light')}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${themeDeclarations('dark')}
    }
  }
`;
