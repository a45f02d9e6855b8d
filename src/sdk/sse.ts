/** One server-sent event. */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * Parses a `text/event-stream` body into events. Fetch-based rather than EventSource, because EventSource
 * cannot send an Authorization header and tokens must not travel in URLs. With `comments`, a block of only
 * comments (`: keep-alive`) yields `'comment'`: proof the stream is alive without being an event. Stopping
 * the iteration cancels the body, which tells the backend to drop the subscription.
 */
export function readServerSentEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ServerSentEvent>;
export function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  options: { comments: true },
): AsyncGenerator<ServerSentEvent | 'comment'>;
export async function* readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  options: { comments?: boolean } = {},
): AsyncGenerator<ServerSentEvent | 'comment'> {
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = parseBlock(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
        if (event) yield event;
        else if (options.comments) yield 'comment';
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function parseBlock(block: string): ServerSentEvent | undefined {
  const event: ServerSentEvent = { event: 'message', data: '', id: undefined };
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') event.id = value;
  }
  if (data.length === 0) return undefined;
  event.data = data.join('\n');
  return event;
}
