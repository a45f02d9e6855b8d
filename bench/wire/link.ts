import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A network link to imitate: its bandwidth in each direction and the delay it adds to each direction. */
export interface LinkShape {
  /** Bits per second each way; Infinity for no limit. */
  bitsPerSecond: number;
  /** Added one way, so a round trip gains twice this. */
  latencyMs: number;
}

/** A loopback TCP proxy in front of a server: what crossed it, and the address to use instead. */
export interface Link {
  readonly port: number;
  /** TCP payload bytes (HTTP headers, bodies, chunk framing) client to server and server to client. */
  readonly bytes: { up: number; down: number };
  close(): Promise<void>;
}

/** Pieces the link sends one after another, so a 64 KiB read does not arrive as one lump at its end. */
const sliceBytes = 16 * 1024;

/**
 * One direction of the link. Each piece leaves when the link has finished sending those before it (the
 * bandwidth) and arrives `latencyMs` later, in order. TCP's own windows and slow start are not imitated:
 * the link is as fast as its bandwidth from the first byte, which flatters the larger, uncompressed transfer.
 */
function carry(from: Socket, to: Socket, shape: LinkShape, count: (bytes: number) => void): void {
  const queue: { at: number; piece: Buffer | null }[] = [];
  let freeAt = 0;
  let timer: NodeJS.Timeout | undefined;
  const deliver = () => {
    timer = undefined;
    while (queue.length && queue[0]!.at <= performance.now()) {
      const { piece } = queue.shift()!;
      if (piece) to.write(piece);
      else to.end();
    }
    if (queue.length) timer = setTimeout(deliver, queue[0]!.at - performance.now());
  };
  const send = (piece: Buffer | null) => {
    const bytes = piece?.length ?? 0;
    const now = performance.now();
    freeAt = Math.max(now, freeAt) + (bytes * 8 * 1000) / shape.bitsPerSecond;
    const at = freeAt + shape.latencyMs;
    // Nothing waiting and nothing to wait for (an unshaped link): straight through, without a timer's delay.
    if (queue.length === 0 && at <= now) {
      if (piece) to.write(piece);
      else to.end();
      return;
    }
    queue.push({ at, piece });
    timer ??= setTimeout(deliver, queue[0]!.at - performance.now());
  };
  from.on('data', (chunk: Buffer) => {
    count(chunk.length);
    for (let offset = 0; offset < chunk.length; offset += sliceBytes) send(chunk.subarray(offset, offset + sliceBytes));
  });
  from.on('end', () => send(null));
}

/** Opens a link to `targetPort` on loopback, shaped as `shape`, counting the bytes that cross it. */
export async function openLink(targetPort: number, shape: LinkShape): Promise<Link> {
  const bytes = { up: 0, down: 0 };
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on('close', () => sockets.delete(socket));
    }
    carry(client, upstream, shape, (n) => (bytes.up += n));
    carry(upstream, client, shape, (n) => (bytes.down += n));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
