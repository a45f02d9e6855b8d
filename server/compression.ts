import type { MiddlewareHandler } from 'hono';

/**
 * Response compression by `Accept-Encoding` (issue 11). To be built: this is where it goes; until then it
 * passes every response through as it is.
 */
export function compression(): MiddlewareHandler {
  return async (_c, next) => {
    await next();
  };
}
