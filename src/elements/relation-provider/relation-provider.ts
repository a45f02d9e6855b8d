import { ContextRoot } from '@lit/context';
import { define } from '../../core/define.js';
import { RelationProvider } from './relation-provider.component.js';

export { RelationProvider };
export * from '../../core/context.js';

/*
 * Elements upgraded before their provider miss its context; a ContextRoot on the document replays their
 * requests once the provider arrives, whatever order a host's scripts load in.
 */
const rootKey = Symbol.for('relation-elements.context-root');
const globals = globalThis as { [rootKey]?: ContextRoot };
if (!globals[rootKey]) {
  globals[rootKey] = new ContextRoot();
  globals[rootKey].attach(document.documentElement);
}

define('relation-provider', RelationProvider);

declare global {
  interface HTMLElementTagNameMap {
    'relation-provider': RelationProvider;
  }
}
