import type { MiddlewareHandler } from 'hono';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions } from 'node:zlib';

/** A content coding this server can send. */
export type Coding = 'br' | 'gzip' | 'identity';

/**
 * Bodies smaller than this go as they are: below about a kilobyte the coding's own header and the CPU cost
 * outweigh the bytes saved, and most such answers (one label, a 404) fit in a single TCP segment anyway.
 */
export const minimumBytes = 1024;

/**
 * Brotli quality 4 and gzip level 6, measured on a `/changes` page of 2,000 entities (1.30 MB of JSON):
 * brotli 4 gives 209 kB in 9 ms, brotli 5 197 kB in 20 ms, brotli 9 190 kB in a quarter of a second; over
 * 50 Mbit/s the 12 kB between 4 and 5 cost 2 ms, less than the extra 10 ms of CPU. Gzip 6 gives 228 kB in
 * 15 ms, gzip 9 224 kB in 21 ms. Only the ratios hold from machine to machine; a busy one takes longer.
 */
const brotliQuality = 4;
const gzipLevel = 6;

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * Bodies up to this size are compressed at once on the main thread: a page of 50 relations (30 kB) takes
 * ~0.5 ms of brotli there, while the round trip through libuv's thread pool added ~1 ms to its answer
 * (measured on the search list path). Larger bodies, a change feed page of 1.3 MB, go to the pool.
 */
const inlineBytes = 64 * 1024;

/**
 * JSON (`application/json`, `application/problem+json`) and text, but never `text/event-stream`: compressing
 * the notification stream would hold events back in the compressor until a block fills, and a client waits
 * for each event as it comes. Anything else (binary) is already compact or already compressed.
 */
const compressible = /^\s*(?:application\/(?:[\w.-]+\+)?json|text\/(?!event-stream\b)[\w.+-]+)\s*(?:;|$)/i;
const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i;

/** Our codings in the order we prefer them when the client likes several equally: smallest first. */
const preference: readonly Coding[] = ['br', 'gzip', 'identity'];

/**
 * The coding to answer with, by `Accept-Encoding` (RFC 9110 §12.5.3): each coding's q-value, `*` for codings
 * not named, `q=0` for "not acceptable"; the highest q wins, ties go to the smaller coding. Without the
 * header, or when nothing we have is acceptable, the body goes uncompressed: every client can read that.
 */
export function negotiate(header: string | undefined): Coding {
  if (header === undefined) return 'identity';
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim());
    if (!name) continue;
    const q = params.find((param) => /^q\s*=/i.test(param));
    const weight = q === undefined ? 1 : Number(q.slice(q.indexOf('=') + 1).trim());
    // A malformed q-value says nothing we can trust: ignore that entry rather than guess.
    if (!Number.isFinite(weight) || weight < 0 || weight > 1) continue;
    const coding = name.toLowerCase() === 'x-gzip' ? 'gzip' : name.toLowerCase();
    if (!weights.has(coding)) weights.set(coding, weight);
  }
  // Identity is acceptable unless excluded by name or by `*;q=0`; unnamed, it comes after any named coding.
  const weightOf = (coding: Coding) => weights.get(coding) ?? weights.get('*') ?? (coding === 'identity' ? 0.0001 : 0);
  let best: Coding = 'identity';
  let bestWeight = 0;
  for (const coding of preference) {
    const weight = weightOf(coding);
    if (weight > bestWeight) [best, bestWeight] = [coding, weight];
  }
  return best;
}

async function compress(body: Uint8Array, coding: 'br' | 'gzip'): Promise<Buffer> {
  const inline = body.byteLength <= inlineBytes;
  if (coding === 'gzip') return inline ? gzipSync(body, { level: gzipLevel }) : gzipAsync(body, { level: gzipLevel });
  const options: BrotliOptions = {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  };
  // Larger bodies asynchronously: on libuv's thread pool, a large page does not hold up other requests.
  return inline ? brotliCompressSync(body, options) : brotliAsync(body, options);
}

/**
 * Compresses the API's JSON answers by `Accept-Encoding`: brotli when the client accepts it, else gzip
 * (issue 11: a first sync of 100,000 relations moved about 148 MiB uncompressed). Left alone: bodies under
 * `minimumBytes`, the event stream, 204/304/206 and HEAD, answers already encoded, and `no-transform` ones.
 *
 * The ETag stays as it is. Here it names the resource's version for `If-Match`, not a byte sequence: the
 * server never answers `If-None-Match` or ranges, so the brotli, gzip and plain forms of one version sharing
 * it confuses no cache, while a weakened `W/"3"` would break clients (and the conformance kit) that read
 * `"<version>"`. `Vary: Accept-Encoding` keeps shared caches from handing one client another's coding.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const response = c.res;
    if (!response.body || !compressible.test(response.headers.get('content-type') ?? '')) return;
    if ([204, 206, 304].includes(response.status)) return;
    const vary = response.headers.get('vary');
    if (!vary) response.headers.set('Vary', 'Accept-Encoding');
    else if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) response.headers.set('Vary', `${vary}, Accept-Encoding`);

    if (c.req.method === 'HEAD' || response.headers.has('content-encoding') || noTransform.test(response.headers.get('cache-control') ?? '')) return;
    const coding = negotiate(c.req.header('accept-encoding'));
    if (coding === 'identity') return;
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) < minimumBytes) return;

    const body = new Uint8Array(await response.arrayBuffer());
    const compressed = body.byteLength < minimumBytes ? undefined : await compress(body, coding);
    // Hono's setter carries the old answer's headers over; the ones that describe the body are set after.
    if (!compressed || compressed.byteLength >= body.byteLength) {
      c.res = new Response(body, response);
      c.res.headers.set('Content-Length', String(body.byteLength));
      return;
    }
    c.res = new Response(new Uint8Array(compressed), response);
    c.res.headers.set('Content-Encoding', coding);
    c.res.headers.set('Content-Length', String(compressed.byteLength));
  };
}
