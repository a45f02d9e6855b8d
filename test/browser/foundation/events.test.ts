import { expect } from '@open-wc/testing';
import { emit } from '../../../src/core/events.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'events-test-open': CustomEvent<{ id: string }>;
  }
}

describe('emit()', () => {
  it('reaches a listener outside the shadow root it was fired in', () => {
    const host = document.createElement('div');
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    document.body.append(host);
    const seen: string[] = [];
    document.body.addEventListener('events-test-open', (event) => seen.push(event.detail.id), { once: true });
    emit(inner, 'events-test-open', { id: 'r-1' });
    host.remove();
    expect(seen).to.deep.equal(['r-1']);
  });

  it('lets a host veto a cancelable event', () => {
    const el = document.createElement('div');
    document.body.append(el);
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener('events-test-open', veto);
    const proceeded = emit(el, 'events-test-open', { id: 'r-2' }, { cancelable: true });
    const notCancelable = emit(el, 'events-test-open', { id: 'r-3' });
    document.removeEventListener('events-test-open', veto);
    el.remove();
    expect(proceeded).to.equal(false);
    expect(notCancelable).to.equal(true, 'an announcement that is not cancelable cannot be vetoed');
  });
});
