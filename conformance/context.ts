import { randomBytes } from 'node:crypto';
import { ApiClient, type Role } from './client.js';
import { CheckSkipped } from './expect.js';
import { walkChanges, type FeedWalk } from './feed.js';
import { Fixtures } from './fixtures.js';
import { Tracker } from './tracker.js';

export interface ConformanceOptions {
  /** Where the contract is served, e.g. `http://localhost:8080/api/v1`. */
  baseUrl: string;
  /** A user of the tenant the run writes to. */
  token: string;
  /** Another user of the same tenant: privacy of moments, notifications for a colleague. */
  colleagueToken?: string;
  /** A user of another tenant: isolation. */
  otherTenantToken?: string;
  /** Routes every request, e.g. through a test double or an in-process app. */
  fetch?: typeof fetch;
}

/** What every check works with: a client per identity, the run's name for its data, and shared test data. */
export class RunContext {
  /** Part of the name of everything the run creates, so it is recognisable and never clashes with real data. */
  readonly runId = randomBytes(4).toString('hex');
  readonly tracker = new Tracker();
  readonly main: ApiClient;
  readonly anonymous: ApiClient;
  readonly wrongToken: ApiClient;
  readonly fixtures: Fixtures;
  private readonly colleagueClient: ApiClient | undefined;
  private readonly otherTenantClient: ApiClient | undefined;
  /** The change feed up to where it stood before the run wrote anything, per identity. */
  private readonly firstWalks = new Map<Role, Promise<FeedWalk>>();
  private counter = 0;

  constructor(options: ConformanceOptions) {
    const baseUrl = options.baseUrl.replace(/\/+$/, '');
    const fetcher = options.fetch ?? globalThis.fetch;
    const client = (role: Role, token: string | null) =>
      new ApiClient(role, baseUrl, token, fetcher, (reply, from) => this.tracker.observe(reply, from));
    this.main = client('main', options.token);
    this.anonymous = client('anonymous', null);
    this.wrongToken = client('wrongToken', `conformance-invalid-${this.runId}`);
    this.colleagueClient = options.colleagueToken ? client('colleague', options.colleagueToken) : undefined;
    this.otherTenantClient = options.otherTenantToken ? client('otherTenant', options.otherTenantToken) : undefined;
    this.fixtures = new Fixtures(this);
  }

  get colleague(): ApiClient {
    if (!this.colleagueClient) throw new CheckSkipped('needs --colleague-token');
    return this.colleagueClient;
  }

  get otherTenant(): ApiClient {
    if (!this.otherTenantClient) throw new CheckSkipped('needs --other-tenant-token');
    return this.otherTenantClient;
  }

  /** Every identity with a token, for the change-feed heads and cleanup. */
  get signedIn(): ApiClient[] {
    return [this.main, this.colleagueClient, this.otherTenantClient].filter((client): client is ApiClient => client !== undefined);
  }

  /**
   * Reads every identity's change feed to its end before the run writes anything: the later feed checks ask
   * what came after that point. A big tenant makes this the longest part of a run.
   */
  async readFeedHeads(): Promise<void> {
    for (const client of this.signedIn) {
      const walk = walkChanges(client, undefined, 5000);
      // Failures surface in the checks that need the walk, not as an unhandled rejection here.
      walk.catch(() => undefined);
      this.firstWalks.set(client.role, walk);
    }
    await Promise.allSettled(this.firstWalks.values());
  }

  firstWalk(client: ApiClient): Promise<FeedWalk> {
    const walk = this.firstWalks.get(client.role);
    if (!walk) throw new Error(`conformance kit: no change feed was read for ${client.role}`);
    return walk;
  }

  has(role: 'colleague' | 'otherTenant'): boolean {
    return (role === 'colleague' ? this.colleagueClient : this.otherTenantClient) !== undefined;
  }

  /** `Conformance 1a2b3c4d <what> 7`: unique within the run, findable with `q=<runId>`. */
  name(what: string): string {
    this.counter += 1;
    return `Conformance ${this.runId} ${what} ${this.counter}`;
  }
}
