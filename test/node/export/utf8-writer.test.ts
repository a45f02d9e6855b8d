/*
 * The export writes UTF-8 itself, byte by byte into a reused buffer; TextEncoder, the platform's own encoder,
 * is the oracle it must agree with, on any text: accents, emoji (surrogate pairs), lone surrogates, and
 * writes that spill over the buffer.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Utf8Writer } from '../../../src/elements/internal/relation-export-dialog/utf8-writer.js';

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

test('writes exactly the bytes TextEncoder gives, for any text and any buffer size', async () => {
  const unit = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    // Lone and reversed surrogates, which TextEncoder writes as U+FFFD.
    fc.constantFrom('\ud800', '\udc00', '\udc00\ud800', 'a\ud83d', '\ude00b', 'Ç€😀'),
  );
  await fc.assert(fc.asyncProperty(fc.array(unit, { maxLength: 40 }), fc.integer({ min: 1, max: 64 }), async (texts, size) => {
    const writer = new Utf8Writer(size);
    texts.forEach((text, i) => {
      if (i % 3 === 2) writer.flush();
      writer.write(text);
      writer.ascii(59);
    });
    const expected = new TextEncoder().encode(texts.map((text) => `${text};`).join(''));
    assert.deepEqual(await bytesOf(writer.blob('text/plain')), expected);
  }));
});

test('keeps a surrogate pair whole only within one write, as a joined text would hold it', async () => {
  const writer = new Utf8Writer();
  writer.write('😀');
  writer.write('\ud83d');
  writer.write('\ude00');
  assert.deepEqual([...(await bytesOf(writer.blob('text/plain')))], [0xf0, 0x9f, 0x98, 0x80, 0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
});
