import { createRelationsClient, type RelationsClient, type RelationsClientOptions } from '../../src/sdk/index.js';

let baseUrl: Promise<string> | undefined;

/** The reference backend the test runner started for this run. */
export function backendUrl(): Promise<string> {
  baseUrl ??= fetch('/__backend').then(async (response) => ((await response.json()) as { baseUrl: string }).baseUrl);
  return baseUrl;
}

/** A client of the reference backend as user `token` (demo-anna, demo-bram or acme-olga). */
export async function clientFor(token: string, options: Partial<RelationsClientOptions> = {}): Promise<RelationsClient> {
  return createRelationsClient({ baseUrl: await backendUrl(), getToken: () => token, retry: { maxDelayMs: 50 }, ...options });
}

/** Every id the backend lists for a query, page after page: the oracle that caches and elements are held to. */
export async function listedIds(client: RelationsClient, query: Parameters<RelationsClient['listRelations']>[0] = {}): Promise<string[]> {
  const ids: string[] = [];
  for await (const page of client.pages('listRelations', { ...query, limit: 100 })) ids.push(...page.items.map((r) => r.id));
  return ids;
}

type Fault = 'drop-request' | 'drop-response' | 'error-500' | 'error-429' | 'slow';

/**
 * A fetch that breaks the way networks break, by a plan the test controls: `offline` drops every request
 * until it is switched back; `next` holds faults for the next requests, one each.
 */
export function faultyNetwork() {
  const plan = { offline: false, next: [] as Fault[], sent: [] as string[] };
  const fetcher: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    plan.sent.push(`${request.method} ${new URL(request.url).pathname}`);
    if (plan.offline) throw new TypeError('Failed to fetch (offline)');
    const fault = plan.next.shift();
    if (fault === 'drop-request') throw new TypeError('Failed to fetch (dropped)');
    if (fault === 'error-500') return new Response('{}', { status: 500, headers: { 'Content-Type': 'application/problem+json' } });
    if (fault === 'error-429') return new Response('{}', { status: 429, headers: { 'Retry-After': '0' } });
    if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
    const response = await fetch(request);
    if (fault === 'drop-response') throw new TypeError('Failed to fetch (answer lost)');
    return response;
  };
  return { plan, fetch: fetcher };
}
