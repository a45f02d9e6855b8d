/** One server-sent event as the EventSource specification parses it. */
export interface ServerEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * The blocks of a `text/event-stream` body as they arrive: events, and `'comment'` for a block holding only
 * comments (`: keep-alive`), which tells that the stream is alive without being an event. Ends with the
 * body; abort the request's signal to stop waiting.
 */
export async function* serverEvents(response: Response): AsyncGenerator<ServerEvent | 'comment'> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        yield parseBlock(block) ?? 'comment';
      }
    }
  } finally {
    // Closing tells the backend to drop the subscription; an error here means it is closed already.
    await reader.cancel().catch(() => undefined);
  }
}

function parseBlock(block: string): ServerEvent | undefined {
  const event: ServerEvent = { event: 'message', data: '', id: undefined };
  let hasData = false;
  for (const line of block.split('\n')) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.event = value;
    if (field === 'id') event.id = value;
    if (field === 'data') {
      event.data += hasData ? `\n${value}` : value;
      hasData = true;
    }
  }
  return hasData ? event : undefined;
}
