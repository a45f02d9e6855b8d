import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeContext } from '../core/context.js';
import { en } from './en.js';
import { languageOf, observeLanguage } from './lang.js';
import { toLocale, type Locale, type Messages } from './messages.js';
import { nl } from './nl.js';

const catalogue: Record<Locale, Messages> = { nl, en };

/**
 * Gives an element its locale and messages, and re-renders it when they change. The element's own `lang`
 * attribute wins; then the locale of the nearest `<relation-provider>`; then the nearest `lang` above it.
 */
export class LocaleController implements ReactiveController {
  locale: Locale = 'en';
  private fromProvider: Locale | undefined;
  private stopObserving: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
    new ContextConsumer(host, {
      context: localeContext,
      subscribe: true,
      callback: (locale) => {
        this.fromProvider = locale;
        this.refresh();
      },
    });
    this.locale = this.resolve();
  }

  get messages(): Messages {
    return catalogue[this.locale];
  }

  hostConnected(): void {
    this.stopObserving = observeLanguage(() => this.refresh());
    this.refresh();
  }

  hostDisconnected(): void {
    this.stopObserving?.();
    this.stopObserving = undefined;
  }

  private resolve(): Locale {
    const own = this.host.getAttribute('lang');
    if (own) return toLocale(own);
    return this.fromProvider ?? toLocale(languageOf(this.host));
  }

  private refresh(): void {
    const next = this.resolve();
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}

