/** Names of the events in `GlobalEventHandlersEventMap` that carry a detail. */
export type CustomEventName = {
  [K in keyof GlobalEventHandlersEventMap]: GlobalEventHandlersEventMap[K] extends CustomEvent<unknown> ? K : never;
}[keyof GlobalEventHandlersEventMap];

export type EventDetail<K extends CustomEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches one of our typed events. Every event bubbles and crosses shadow roots, because hosts listen
 * on their own containers. Events that announce a user's intent pass `cancelable` so that a host can veto
 * them; the return value is false when it did.
 */
export function emit<K extends CustomEventName>(
  target: EventTarget,
  type: K,
  detail: EventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}

export type * from './event-map.js';
