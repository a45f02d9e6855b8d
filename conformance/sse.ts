import { readServerSentEvents, type ServerSentEvent } from '../src/sdk/sse.js';

export type ServerEvent = ServerSentEvent;

/** The blocks of an event stream as they arrive: events, and `'comment'` for keep-alive blocks. */
export async function* serverEvents(response: Response): AsyncGenerator<ServerEvent | 'comment'> {
  if (!response.body) return;
  yield* readServerSentEvents(response.body, { comments: true });
}
