import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeContext } from '../core/context.js';
import { messagesFor } from './catalogue.js';
import { languageBelow, languageOf, observeLanguage } from './lang.js';
import { toLocale, type Locale, type Messages, type Section } from './messages.js';

/** The element whose `locale` every element inside it speaks, unless a nearer `lang` says otherwise. */
const providerTag = 'relation-provider';

/**
 * Gives an element its locale and messages, and re-renders it when they change. The nearest `lang`
 * attribute at or above the element, up to its `<relation-provider>`, wins; then the provider's locale;
 * without a provider, the nearest `lang` above it.
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

  /** The words of the elements in the one script tag, in this element's locale. */
  get messages(): Messages {
    return messagesFor(this.locale);
  }

  /** The words of a section the element imported itself (`this.i18n.section(card)`), in its locale. */
  section<T>(words: Section<T>): T {
    return words[this.locale];
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
    if (this.fromProvider === undefined) return toLocale(languageOf(this.host));
    // A `lang` between the element and its provider is nearer than the provider's locale: on the element
    // itself, or on an element that contains it (an overview in English around its dialogs and filter).
    const between = languageBelow(this.host, (element) => element.localName === providerTag);
    return between ? toLocale(between) : this.fromProvider;
  }

  private refresh(): void {
    const next = this.resolve();
    if (next !== this.locale) {
      this.locale = next;
      this.host.requestUpdate();
    }
  }
}

