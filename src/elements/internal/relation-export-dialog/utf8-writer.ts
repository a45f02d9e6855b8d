/**
 * Writes text as UTF-8 straight into a reused buffer, a Blob per `flush`: an export of 100,000 rows then
 * builds no string per row or per chunk, only the bytes. In Chromium, with the overview's heap around it, the
 * strings the export joined and then encoded cost more in garbage collection than in making them.
 */
export class Utf8Writer {
  private buffer: Uint8Array<ArrayBuffer>;
  private at = 0;
  private readonly blobs: Blob[] = [];

  constructor(size = 2 * 1024 * 1024) {
    this.buffer = new Uint8Array(size);
  }

  /** Appends `text`, a lone surrogate as U+FFFD (as TextEncoder writes it). */
  write(text: string): void {
    const length = text.length;
    // At most three bytes for each UTF-16 code unit.
    if (this.at + length * 3 > this.buffer.length) this.flush(length * 3);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < length; i++) {
      let code = text.charCodeAt(i);
      if (code < 0x80) {
        buffer[at++] = code;
        continue;
      }
      if (code < 0x800) {
        buffer[at++] = 0xc0 | (code >> 6);
        buffer[at++] = 0x80 | (code & 0x3f);
        continue;
      }
      if (code >= 0xd800 && code < 0xe000) {
        const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (code < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
          const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
          buffer[at++] = 0xf0 | (point >> 18);
          buffer[at++] = 0x80 | ((point >> 12) & 0x3f);
          buffer[at++] = 0x80 | ((point >> 6) & 0x3f);
          buffer[at++] = 0x80 | (point & 0x3f);
          i++;
          continue;
        }
        code = 0xfffd;
      }
      buffer[at++] = 0xe0 | (code >> 12);
      buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
      buffer[at++] = 0x80 | (code & 0x3f);
    }
    this.at = at;
  }

  /** Appends one ASCII character (a separator, CR or LF) by its code. */
  ascii(code: number): void {
    if (this.at >= this.buffer.length) this.flush();
    this.buffer[this.at++] = code;
  }

  /** What is written so far becomes a Blob of its own (a Blob copies its bytes), so the buffer is free again. */
  flush(room = 0): void {
    if (this.at) this.blobs.push(new Blob([this.buffer.subarray(0, this.at)]));
    this.at = 0;
    if (room > this.buffer.length) this.buffer = new Uint8Array(room);
  }

  /** Everything written, as one Blob. */
  blob(type: string): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }
}
