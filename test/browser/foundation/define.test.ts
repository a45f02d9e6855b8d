import { expect } from '@open-wc/testing';
import { define } from '../../../src/core/define.js';

function captureWarnings(run: () => void): string[] {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return warnings;
}

describe('define()', () => {
  it('defines a tag once and accepts the same class again silently', () => {
    class First extends HTMLElement {}
    const warnings = captureWarnings(() => {
      define('define-test-once', First);
      define('define-test-once', First);
    });
    expect(customElements.get('define-test-once')).to.equal(First);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first definition and warns when another copy defines the tag again', () => {
    class FromCopyA extends HTMLElement {}
    class FromCopyB extends HTMLElement {}
    const warnings = captureWarnings(() => {
      define('define-test-copies', FromCopyA);
      define('define-test-copies', FromCopyB);
    });
    expect(customElements.get('define-test-copies')).to.equal(FromCopyA);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<define-test-copies> is already defined by relation-elements');
  });

  it('warns, without throwing, when a different library owns the tag', () => {
    class Foreign extends HTMLElement {}
    customElements.define('define-test-foreign', Foreign);
    const warnings = captureWarnings(() => define('define-test-foreign', class extends HTMLElement {}));
    expect(customElements.get('define-test-foreign')).to.equal(Foreign);
    expect(warnings[0]).to.contain('another library');
  });
});
